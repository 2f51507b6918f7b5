import { getFormatter, getTranslations } from 'next-intl/server';
import type { TimelineItem } from '@/db/queries/case-timeline';
import { translateKey } from '@/lib/i18n/dynamic';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

const show = (v: unknown) => (v == null || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The event's plain values, for the message that describes it ("{count} steps added"). */
function messageValues(data: Record<string, unknown> | null): Record<string, string | number> {
  const values: Record<string, string | number> = { pseudonym: '', reference: '', count: 0 };
  for (const [k, v] of Object.entries(data ?? {})) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return values;
}

/**
 * Coded values are shown by their label: "Status: New → In progress". A field may hold the codes
 * of several lists (a case's or a step's status): the first list that knows the code names it.
 */
const VALUE_LABELS: Record<string, string[]> = {
  status: ['statuses', 'stepStatuses'],
  riskLevel: ['risk'],
  intakeChannel: ['channels'],
  category: ['categories'],
  outcome: ['outcomes'],
  subcategories: ['subcategories'],
  acts: ['assessment.act'],
  means: ['assessment.mean'],
  purposes: ['assessment.purpose'],
  recruitmentChannel: ['assessment.channel'],
  recruiterRelation: ['assessment.relation'],
  serviceType: ['services'],
  step: ['services'],
  hostStage: ['legal.stages'],
  jurisdiction: ['legal.jurisdictions'],
  role: ['legal.roles', 'caseFile.roles'],
  lawyerPaidBy: ['legal.payers'],
  sex: ['sex'],
};
/** Fields whose label is under another name ("hostStage" is the proceeding's "Stage"). */
const FIELD_ALIASES: Record<string, string> = { hostStage: 'stage', homeFileCode: 'fileCode', lawyerName: 'lawyer' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Everything that happened on the case (or its access log's entries), newest first, in the mission's time zone. */
export async function Timeline({ events, timeZone }: { events: (Omit<TimelineItem, 'id'> & { id: number | string })[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const fieldLabel = (field: string) => {
    const name = FIELD_ALIASES[field] ?? field;
    return [`intake.${name}`, `cases.${name}`, `assessment.${name}`, `status.${name}`, `steps.${name}`, `legal.${name}`].map((k) => translateKey(t, k, '')).find(Boolean) || t('timeline.field');
  };
  // Plain words for what a person reads: labels for codes, dates as dates, yes and no.
  const value = (field: string, v: unknown) => {
    if (v == null || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'caseFile.yes' : 'caseFile.no');
    if (typeof v === 'string' && ISO_DATE.test(v)) return format.dateTime(new Date(`${v}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
    if (typeof v === 'string' && ISO_INSTANT.test(v)) return format.dateTime(new Date(v), { timeZone, ...DATE_TIME_WITH_ZONE });
    const lists = VALUE_LABELS[field];
    if (!lists) return show(v);
    const label = (code: string) => lists.map((list) => translateKey(t, `${list}.${code}`, '')).find(Boolean) || code;
    return (Array.isArray(v) ? v : [v]).map((x) => label(String(x))).join(', ') || '—';
  };
  if (events.length === 0) return <p className="muted">{t('caseFile.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const changes = (e.data?.changes ?? null) as Record<string, { before: unknown; after: unknown }> | null;
        return (
          <li key={e.id}>
            <div className="when">
              {format.dateTime(e.at, { timeZone, ...DATE_TIME_WITH_ZONE })} · {e.actorName ?? t('caseFile.system')}
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
