'use client';

import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';
import { formatLocale, languageOf } from '@/lib/i18n/locale';
import { countryName } from '@/app/_components/mission-name';

interface ExportRow {
  id: string;
  kind: 'summary' | 'case_list';
  request: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  fileName: string | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  expiresAt: string;
}

const POLL_MS = 2_000;

/** A queue's filter as the supervisor chose it ("Category: Trafficking in persons"), never its URL codes; order and paging left out. */
function filterInWords(t: Parameters<typeof translateKey>[0], locale: string, filters: URLSearchParams): string[] {
  // An unknown code (an old export's filter) is shown as it is.
  const label = (key: string, code = key) => translateKey(t, key, '') || code;
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const words: Record<string, (v: string) => string | null> = {
    mission: (v) => `${label('queues.mission')}: ${v}`,
    country: (v) => `${label('queues.country')}: ${countryName(locale, v)}`,
    region: (v) => `${label('queues.region')}: ${v}`,
    category: (v) => `${label('queues.category')}: ${label(`categories.${v}`, v)}`,
    subcategory: (v) => `${label('queues.subcategory')}: ${label(`subcategories.${v}`, v)}`,
    caseClass: (v) => `${label('queues.class')}: ${label(`caseClass.${v}`, v)}`,
    status: (v) => `${label('queues.status')}: ${label(`statuses.${v}`, v)}`,
    risk: (v) => `${label('queues.risk')}: ${label(`risk.${v}`, v)}`,
    officer: (v) => `${label('queues.officer')}: ${v === 'none' ? label('queues.unassigned') : label('exports.kinds.oneOfficer')}`,
    openedFrom: (v) => `${label('queues.openedFrom')} ${day(v)}`,
    openedTo: (v) => `${label('queues.openedTo')} ${day(v)}`,
    child: () => label('queues.child'),
    detained: () => label('queues.detained'),
  };
  return [...filters].flatMap(([k, v]) => {
    const said = words[k]?.(v);
    return said ? [said] : [];
  });
}

/**
 * The list follows exports being made: while any waits or runs it asks the server every two
 * seconds and shows each one's progress; it stops asking once all are finished.
 */
export function ExportsList({ initial, requested }: { initial: ExportRow[]; requested?: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const [rows, setRows] = useState(initial);
  const active = rows.some((r) => r.status === 'queued' || r.status === 'running');
  const requestedRow = rows.find((r) => r.id === requested);

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(async () => {
      const response = await fetch('/api/exports', { cache: 'no-store' }).catch(() => null);
      if (response?.ok) setRows(((await response.json()) as { exports: ExportRow[] }).exports);
      else setRows((r) => [...r]); // try again on the next tick
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [rows, active]);

  const locale = formatLocale(languageOf(useLocale()));
  const describe = (r: ExportRow) => {
    const q = r.request;
    if (r.kind === 'summary') return t('exports.kinds.summary', { period: String(q.period), scope: String(q.scope), format: String(q.format).toUpperCase() });
    const filters = new URLSearchParams(String(q.query ?? ''));
    const parts = [q.view ? translateKey(t, `queues.names.${q.view}`, String(q.view)) : t('exports.kinds.allOpen'), ...filterInWords(t, locale, filters)];
    return t('exports.kinds.case_list', { filter: parts.join(', '), format: `${String(q.format).toUpperCase()}${q.codes ? `, ${t('exports.kinds.codes')}` : ''}` });
  };

  if (rows.length === 0) {
    return (
      <p className="notice">
        {t('exports.empty')} <Link href="/reports">{t('nav.reports')}</Link>
      </p>
    );
  }
  return (
    <>
      {requestedRow && (
        <p className="notice ok" role="status">
          {requestedRow.status === 'done' ? t('exports.ready') : requestedRow.status === 'failed' ? t('exports.status.failed') : t('exports.requested')}
        </p>
      )}
      <ul className="exports">
        {rows.map((r) => {
          const name = describe(r);
          return (
            <li key={r.id} className={r.id === requested ? 'export current' : 'export'} data-testid={`export-${r.id}`}>
              <p className="export-name">
                <strong>{name}</strong>
                <br />
                <span className="muted">
                  {t('exports.requestedAt', { at: format.dateTime(new Date(r.createdAt), DATE_TIME_WITH_ZONE) })}
                </span>
              </p>
              {r.status === 'done' ? (
                <p>
                  <a href={`/api/exports/${r.id}`} download>
                    {t('exports.download', { file: r.fileName ?? '', size: format.number((r.sizeBytes ?? 0) / 1024, { maximumFractionDigits: 0 }) })}
                  </a>
                  <br />
                  <span className="muted">{t('exports.keptUntil', { at: format.dateTime(new Date(r.expiresAt), { dateStyle: 'medium' }) })}</span>
                </p>
              ) : r.status === 'failed' ? (
                <p className="error-message">{translateKey(t, r.error ?? 'exports.failed', 'exports.failed')}</p>
              ) : (
                <p>
                  <label htmlFor={`progress-${r.id}`}>{t(`exports.status.${r.status}`)}</label>{' '}
                  <progress id={`progress-${r.id}`} max={100} value={r.status === 'queued' ? undefined : r.progress} aria-valuetext={`${r.progress}%`}>
                    {r.progress}%
                  </progress>{' '}
                  <span aria-hidden="true">{r.status === 'running' ? `${r.progress}%` : ''}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
