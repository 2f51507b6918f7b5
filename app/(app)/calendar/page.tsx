import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listOwnFeeds } from '@/db/queries/calendar-feeds';
import { type CalendarHearing, listHearings } from '@/db/queries/legal';
import { listMissionsInScope } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { localDay, monthOf, monthQueryRange, monthWeeks, parseMonth, shiftMonth } from '@/lib/calendar/month';
import { FeedsSection } from './_components/feeds-section';
import { TableScroll } from '@/app/_components/ui/table-scroll';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}

const UPCOMING_DAYS = 90;
const HEARING_LIMIT = 1000;

/**
 * Hearings on the cases in the actor's scope: the next 90 days as a list, or a month as a grid.
 * A hearing sits on its court's local day and shows its court's local time and zone.
 * The view, month and (for supervisors) mission live in the URL.
 */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission('case:read');
  const params = await searchParams;
  const db = await getDb();
  const [t, format, missions, feeds] = await Promise.all([getTranslations(), getFormatter(), listMissionsInScope(db, actor), listOwnFeeds(db, actor)]);
  const mission = missions.find((m) => m.code === params.mission?.toUpperCase());
  const view = params.view === 'month' ? 'month' : 'list';
  const now = new Date();
  const month = parseMonth(params.month) ?? monthOf(now, actor.timeZone);
  const range = view === 'month' ? monthQueryRange(month) : { from: now, to: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000) };
  const all = await listHearings(db, actor, range.from, range.to, mission?.id);
  const hearings = view === 'month' ? all.filter((h) => localDay(h.startsAt, h.timeZone).startsWith(month)) : all;

  const href = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ view, month: view === 'month' ? month : undefined, mission: mission?.code, ...over }).filter(([, v]) => v) as [string, string][]);
    return `/calendar?${q}`;
  };
  const atCourt = (h: CalendarHearing) => format.dateTime(h.startsAt, { timeZone: h.timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const timeAtCourt = (h: CalendarHearing) => format.dateTime(h.startsAt, { timeZone: h.timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthLabel = format.dateTime(new Date(Date.UTC(y, m - 1, 15)), { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const missionLabel = (x: (typeof missions)[number]) => `${x.code} · ${missionName(t as never, x)}`;

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <nav aria-label={t('calendar.views')} className="toolbar">
        <Link href={href({ view: 'list', month: undefined })} aria-current={view === 'list' ? 'page' : undefined}>
          {t('calendar.list')}
        </Link>
        <Link href={href({ view: 'month' })} aria-current={view === 'month' ? 'page' : undefined}>
          {t('calendar.month')}
        </Link>
      </nav>
      {missions.length > 1 && (
        <form method="get" className="toolbar" aria-label={t('calendar.mission')}>
          <input type="hidden" name="view" value={view} />
          {view === 'month' && <input type="hidden" name="month" value={month} />}
          <label htmlFor="calendar-mission">{t('calendar.mission')}</label>
          <select id="calendar-mission" name="mission" defaultValue={mission?.code ?? ''}>
            <option value="">{t('calendar.allMissions')}</option>
            {missions.map((x) => (
              <option key={x.id} value={x.code}>
                {missionLabel(x)}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t('calendar.show')}
          </button>
        </form>
      )}
      <p className="muted">{t('calendar.zoneNote')}</p>
      {all.length >= HEARING_LIMIT && <p className="notice warn">{t('calendar.truncated', { count: HEARING_LIMIT })}</p>}

      {view === 'list' ? (
        <>
          <p role="status">{t('calendar.upcomingCount', { count: hearings.length, days: UPCOMING_DAYS })}</p>
          {hearings.length === 0 ? (
            <div className="empty">{t('calendar.noneUpcoming', { days: UPCOMING_DAYS })}</div>
          ) : (
            <TableScroll>
              <table className="list">
                <caption className="visually-hidden">{t('calendar.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calendar.atCourt')}</th>
                    <th scope="col">{t('calendar.case')}</th>
                    <th scope="col">{t('calendar.mission')}</th>
                    <th scope="col">{t('calendar.court')}</th>
                    <th scope="col">{t('calendar.purpose')}</th>
                  </tr>
                </thead>
                <tbody>
                  {hearings.map((h) => (
                    <tr key={h.id}>
                      <td>{atCourt(h)}</td>
                      <td className="mono">
                        <Link href={`/cases/${h.caseId}`}>{h.reference}</Link>
                      </td>
                      <td className="mono">{h.missionCode}</td>
                      <td>{h.court ?? '—'}</td>
                      <td>{h.purpose ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ) : (
        <>
          <div className="toolbar">
            <Link href={href({ month: shiftMonth(month, -1) })} rel="prev">
              ← {t('calendar.previous')}
            </Link>
            <Link href={href({ month: monthOf(now, actor.timeZone) })}>{t('calendar.today')}</Link>
            <Link href={href({ month: shiftMonth(month, 1) })} rel="next">
              {t('calendar.next')} →
            </Link>
          </div>
          <p role="status">{t('calendar.monthCount', { count: hearings.length, month: monthLabel })}</p>
          <table className="month">
            <caption>{monthLabel}</caption>
            <thead>
              <tr>
                {monthWeeks(month)[0]!.map((d) => (
                  <th scope="col" key={d}>
                    {format.dateTime(new Date(`${d}T12:00:00Z`), { timeZone: 'UTC', weekday: 'short' })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(month).map((week) => (
                <tr key={week[0]}>
                  {week.map((d) => {
                    const day = hearings.filter((h) => localDay(h.startsAt, h.timeZone) === d);
                    const inMonth = d.startsWith(month);
                    return (
                      <td key={d} className={inMonth ? (day.length ? 'has-items' : undefined) : 'outside'}>
                        <time className="day" dateTime={d}>
                          {Number(d.slice(8))}
                        </time>
                        {inMonth && day.length > 0 && (
                          <ul aria-label={t('calendar.dayHearings', { count: day.length })}>
                            {day.map((h) => (
                              <li key={h.id}>
                                <Link href={`/cases/${h.caseId}`}>
                                  {timeAtCourt(h)} <span className="mono">{h.reference}</span>
                                </Link>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <FeedsSection
        missions={missions.map((x) => ({ id: x.id, label: missionLabel(x) }))}
        feeds={feeds.map((f) => ({
          id: f.id,
          missionCode: f.missionCode,
          createdLabel: format.dateTime(f.createdAt, { dateStyle: 'medium' }),
          lastUsedLabel: f.lastUsedAt && format.dateTime(f.lastUsedAt, DATE_TIME_WITH_ZONE),
        }))}
      />
    </>
  );
}
