import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissionsInScope } from '@/db/queries/missions';
import { lockOverview } from '@/db/queries/month-locks';
import { localDate } from '@/db/queries/steps';
import { requirePermission } from '@/lib/auth/actor';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports.locks'))('title') };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * The directorate's overview of submissions: each mission in scope against the months of a
 * year, locked or not. A locked cell links to that month's summary as submitted.
 */
export default async function LocksPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requirePermission('report:read');
  const params = await searchParams;
  const thisYear = Number(localDate(actor.timeZone).slice(0, 4));
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= thisYear + 1 ? asked : thisYear;
  const db = await getDb();
  const [t, format, rows, missions] = await Promise.all([getTranslations(), getFormatter(), lockOverview(db, actor, year), listMissionsInScope(db, actor)]);
  const monthName = (m: string) => format.dateTime(new Date(Date.UTC(year, Number(m) - 1, 15)), { month: 'short', timeZone: 'UTC' });
  const nameOf = (code: string) => {
    const m = missions.find((x) => x.code === code);
    return m ? missionName(t as never, m) : code;
  };

  return (
    <>
      <p>
        <Link href="/reports">← {t('reports.title')}</Link>
      </p>
      <h1>{t('reports.locks.title')}</h1>
      <form method="get" className="toolbar" aria-label={t('reports.locks.year')}>
        <div className="field">
          <label htmlFor="year">{t('reports.locks.year')}</label>
          <input id="year" name="year" type="number" inputMode="numeric" min={1990} max={thisYear + 1} defaultValue={year} className="mono" />
        </div>
        <button type="submit" className="secondary">
          {t('reports.locks.show')}
        </button>
      </form>
      <p className="muted">{t('reports.locks.intro', { year })}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.locks.empty')}</p>
      ) : (
        <div className="panel-table" role="region" aria-label={t('reports.locks.title')} tabIndex={0}>
          <TableScroll>
            <table className="list locks">
              <thead>
                <tr>
                  <th scope="col">{t('reports.locks.mission')}</th>
                  {MONTHS.map((m) => (
                    <th key={m} scope="col">
                      {monthName(m)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('reports.locks.lockedCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <span className="mono">{r.code}</span> {nameOf(r.code)}
                    </th>
                    {MONTHS.map((m) => {
                      const lock = r.months[`${year}-${m}`];
                      return (
                        <td key={m}>
                          {lock ? (
                            <Link
                              href={`/reports?period=${year}-${m}&scope=${r.code}`}
                              title={t('reports.locks.locked', { at: format.dateTime(lock.at, { dateStyle: 'medium' }), by: lock.by })}
                              aria-label={`${r.code} ${monthName(m)}: ${t('reports.locks.locked', { at: format.dateTime(lock.at, { dateStyle: 'medium' }), by: lock.by })}`}
                            >
                              ✓
                            </Link>
                          ) : (
                            <>
                              <span className="muted" aria-hidden="true">
                                ·
                              </span>
                              <span className="visually-hidden">{t('reports.locks.notLocked')}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                    <td className="num">{t('reports.locks.count', { n: Object.keys(r.months).length })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </>
  );
}
