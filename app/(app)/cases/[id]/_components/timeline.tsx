import { getFormatter, getTranslations } from 'next-intl/server';
import type { TimelineItem } from '@/db/queries/case-timeline';
import { translateKey } from '@/lib/i18n/dynamic';

const show = (v: unknown) => (v == null || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The event's plain values, for the message that describes it ("{count} steps added"). */
function messageValues(data: Record<string, unknown> | null): Record<string, string | number> {
  const values: Record<string, string | number> = { pseudonym: '', reference: '', count: 0 };
  for (const [k, v] of Object.entries(data ?? {})) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return values;
}

/** Coded values are shown by their label: "Status: New → In progress". */
const VALUE_LABELS: Record<string, string> = {
  status: 'statuses',
  riskLevel: 'risk',
  intakeChannel: 'channels',
  category: 'categories',
  outcome: 'outcomes',
  subcategories: 'subcategories',
  acts: 'assessment.act',
  means: 'assessment.mean',
  purposes: 'assessment.purpose',
};

/** Everything that happened on the case (or its access log's entries), newest first, in the mission's time zone. */
export async function Timeline({ events, timeZone }: { events: (Omit<TimelineItem, 'id'> & { id: number | string })[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const fieldLabel = (field: string) =>
    [`intake.${field}`, `cases.${field}`, `assessment.${field}`, `status.${field}`, `steps.${field}`].map((k) => translateKey(t, k, '')).find(Boolean) || t('timeline.field');
  const value = (field: string, v: unknown) => {
    const prefix = VALUE_LABELS[field];
    if (!prefix || v == null) return show(v);
    return (Array.isArray(v) ? v : [v]).map((x) => translateKey(t, `${prefix}.${String(x)}`, '') || String(x)).join(', ') || '—';
  };
  if (events.length === 0) return <p className="muted">{t('caseFile.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const changes = (e.data?.changes ?? null) as Record<string, { before: unknown; after: unknown }> | null;
        return (
          <li key={e.id}>
            <div className="when">
              {format.dateTime(e.at, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })} · {e.actorName ?? t('caseFile.system')}
            </div>
            <div>{translateKey(t, `timeline.${e.kind}`, 'timeline.other', messageValues(e.data))}</div>
            {typeof e.data?.text === 'string' && <p className="narrative">{e.data.text}</p>}
            {/* A document by its kind, never its file name (identity data; older events still hold one). */}
            {(e.kind === 'document_added' || e.kind === 'document_downloaded') && typeof e.data?.kind === 'string' && <p>{translateKey(t, `documents.kinds.${e.data.kind}`, 'documents.kinds.other')}</p>}
            {typeof e.data?.summary === 'string' && <p className="narrative">{e.data.summary}</p>}
            {changes && (
              <ul>
                {Object.entries(changes).map(([field, c]) => (
                  <li key={field}>
                    {fieldLabel(field)}: {value(field, c.before)} → {value(field, c.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
