import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listDeathPenaltyWatch } from '@/db/queries/legal';
import { requirePermission } from '@/lib/auth/actor';
import { translateKey } from '@/lib/i18n/dynamic';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('watch'))('title') };
}

/** Every citizen facing or sentenced to death in the actor's scope (a supervisor's missions, or an officer's own). */
export default async function DeathPenaltyWatchPage() {
  const actor = await requirePermission('case:read');
  const [t, format, items] = await Promise.all([getTranslations(), getFormatter(), listDeathPenaltyWatch(await getDb(), actor)]);
  return (
    <>
      <h1>{t('watch.title')}</h1>
      <p role="status">{t('watch.count', { count: items.length })}</p>
      {items.length === 0 ? (
        <div className="empty">{t('watch.none')}</div>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('watch.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.reference')}</th>
                <th scope="col">{t('legal.person')}</th>
                <th scope="col">{t('legal.stage')}</th>
                <th scope="col">{t('watch.nextHearing')}</th>
                <th scope="col">{t('legal.lawyer')}</th>
                <th scope="col">{t('watch.lastVisit')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.proceedingId}>
                  <td className="mono">
                    <Link href={`/cases/${i.caseId}`}>{i.reference}</Link>
                  </td>
                  <td className="mono">{i.personLabel}</td>
                  <td>
                    {i.hostStage ? translateKey(t, `legal.stages.${i.hostStage}`) : '—'}
                    {i.charge && <div className="muted">{i.charge}</div>}
                  </td>
                  <td>
                    {i.nextHearing && i.nextHearingZone
                      ? format.dateTime(i.nextHearing, { timeZone: i.nextHearingZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
                      : '—'}
                  </td>
                  <td>{i.lawyerName ?? <span className="tag risk-critical">{t('watch.noLawyer')}</span>}</td>
                  <td>{i.lastVisit ? format.dateTime(new Date(`${i.lastVisit}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
