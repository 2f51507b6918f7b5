'use client';

import { useTranslations } from 'next-intl';

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v == null || v === '' ? '—' : String(v));

/** What the other person saved: the fields whose saved value differs from what this form was opened with. */
export function ConflictDetails({
  opened,
  current,
  labels,
}: {
  opened: object;
  current: Record<string, unknown> | null;
  labels: Record<string, string>;
}) {
  const t = useTranslations('form');
  if (!current) return null;
  const before = opened as Record<string, unknown>;
  const changed = Object.keys(labels).filter((k) => k in before && show(current[k]) !== show(before[k]));
  return (
    <div>
      <p>{t('conflictBody')}</p>
      <dl className="summary">
        {changed.map((k) => (
          <div key={k} className="contents">
            <dt>{labels[k]}</dt>
            <dd>{show(current[k])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
