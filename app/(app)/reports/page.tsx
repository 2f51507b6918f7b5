import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { countryName, missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissionsInScope } from '@/db/queries/missions';
import { localDate } from '@/db/queries/steps';
import { requirePermission } from '@/lib/auth/actor';
import { parsePeriod } from '@/lib/domain/periods';
import { parseScope, scopeText } from '@/lib/validation/reports';
import { PeriodPicker } from './_components/period-picker';
import { SummarySection } from './_components/summary-section';
import { FocusHere } from '@/app/_components/ui/focus-here';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

/** The first year the period pickers offer (legacy logs go back to the 2000s; a typed code reaches further). */
const FIRST_REPORT_YEAR = 2000;

/** The month before the current one in the actor's zone: the summary people usually want. */
function lastMonth(timeZone: string): string {
  const [y, m] = localDate(timeZone).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The case summary for a period and a scope (DESIGN §5), on screen and as files. Officers see
 * their mission; supervisors all missions in their scope, a country, or one mission.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission('report:read');
  const params = await searchParams;
  const db = await getDb();
  const [t, locale, missions] = await Promise.all([getTranslations(), getLocale(), listMissionsInScope(db, actor)]);
  const periodText = params.period?.trim() || lastMonth(actor.timeZone);
  const scopeValue = params.scope?.trim() || (actor.role === 'officer' && actor.missionCode ? actor.missionCode : 'all');
  const period = parsePeriod(periodText);
  const scope = parseScope(scopeValue);
  const countries = [...new Set(missions.map((m) => m.country))].sort();
  const problems = [!period && t('validation.period'), !scope && t('validation.scopeUnknown')].filter(Boolean) as string[];

  const scopeLabel = (s: string) => {
    if (s === 'all') return t('reports.allMissions');
    const m = missions.find((x) => x.code === s);
    return m ? `${m.code} · ${missionName(t as never, m)}` : countryName(locale, s);
  };

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <form method="get" className="toolbar" aria-label={t('reports.choose')}>
        <PeriodPicker value={periodText} firstYear={FIRST_REPORT_YEAR} thisYear={Number(localDate(actor.timeZone).slice(0, 4))} invalid={!period} />
        <div className="field">
          <label htmlFor="scope">{t('reports.scope')}</label>
          <select id="scope" name="scope" defaultValue={scopeValue.toUpperCase() === 'ALL' ? 'all' : scopeValue.toUpperCase()}>
            {actor.role !== 'officer' && <option value="all">{t('reports.allMissions')}</option>}
            {actor.role !== 'officer' &&
              countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(locale, c)}
                </option>
              ))}
            {missions.map((m) => (
              <option key={m.code} value={m.code}>
                {scopeLabel(m.code)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('reports.show')}
        </button>
      </form>
      {problems.length > 0 && (
        <FocusHere className="error-summary" role="alert" labelledBy="report-problems">
          <h2 id="report-problems">{t('form.problemTitle')}</h2>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </FocusHere>
      )}
      {period && scope && (
        // The form answers at once; a year of all missions takes seconds to count, and streams in.
        <Suspense
          key={`${period.label}|${scopeText(scope)}`}
          fallback={
            <p className="notice" role="status">
              {t('reports.counting')}
            </p>
          }
        >
          <SummarySection actor={actor} period={period} scope={scope} missions={missions} />
        </Suspense>
      )}
    </>
  );
}
