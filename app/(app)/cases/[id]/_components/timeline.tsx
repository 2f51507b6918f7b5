import { getFormatter, getTranslations } from 'next-intl/server';
import type { TimelineItem } from '@/db/queries/case-timeline';
import { translateKey } from '@/lib/i18n/dynamic';

const show = (v: unknown) => (v == null || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Everything that happened on the case, newest first, in the mission's time zone. */
export async function Timeline({ events, timeZone }: { events: TimelineItem[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
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
            <div>{translateKey(t, `timeline.${e.kind}`, 'timeline.other', { pseudonym: String(e.data?.pseudonym ?? ''), reference: String(e.data?.reference ?? '') })}</div>
            {changes && (
              <ul>
                {Object.entries(changes).map(([field, c]) => (
                  <li key={field}>
                    {translateKey(t, `intake.${field}`, 'timeline.field')}: {show(c.before)} → {show(c.after)}
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
