import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BarsChart } from '@/app/_components/bars-chart';
import { CHART_BLUE, CHART_ORANGE } from '@/app/_components/chart-colours';
import { getDb } from '@/db';
import type { MissionListItem } from '@/db/queries/missions';
import { lockOverview, mayLockMonths, monthHasEnded, summaryFor } from '@/db/queries/month-locks';
import type { SummaryScope } from '@/db/queries/summary';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { heavyWork } from '@/lib/heavy';
import { translateKey } from '@/lib/i18n/dynamic';
import { reportRowLabel } from '@/lib/reports/labels';
import { scopeTitle } from '@/lib/reports/render';
import { suppressionThreshold } from '@/lib/reports/suppress';
import { summaryTables } from '@/lib/reports/tables';
import { scopeText } from '@/lib/validation/reports';
import { LockMonth } from './lock-month';
import { PrepareExport } from './prepare-export';
import { TableScroll } from '@/app/_components/ui/table-scroll';
import { type Period, parsePeriod, periodTitle } from '@/lib/domain/periods';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

/**
 * The summary itself, below the page's form: the lock of the month, downloads, corrections and
 * every table, counted when the page asks (streamed in: a year of all missions takes seconds).
 */
export async function SummarySection({ actor, period, scope, missions }: { actor: Actor; period: Period; scope: SummaryScope; missions: MissionListItem[] }) {
  const db = await getDb();
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const problems: string[] = [];
  // Counted in a heavy-work slot (lib/heavy.ts): a burst of ten-year summaries waits its turn.
  const summary = await heavyWork(actor.id ?? 'system', () => summaryFor(db, actor, period, scope)).catch((e: { fieldErrors?: unknown }) => {
    if (e.fieldErrors) {
      problems.push(t('validation.scopeUnknown'));
      return null;
    }
    if (e instanceof AppError && e.code === 'busy') {
      problems.push(t(e.messageKey as never));
      return null;
    }
    throw e;
  });
  const label = (table: string, code: string) => reportRowLabel(t, table, code);
  /** one mission's month: the one kind of summary that is locked */
  const lockedMission = summary && period.kind === 'month' && scope.kind === 'mission' ? (missions.find((m) => m.code === scope.code) ?? null) : null;
  // Several missions' month: how many of them have submitted it (their own summaries keep what they submitted).
  const submitted =
    summary && period.kind === 'month' && scope.kind !== 'mission' && summary.missions.length > 0
      ? (await lockOverview(db, actor, Number(period.label.slice(0, 4)))).filter((r) => summary.missions.includes(r.code) && r.months[period.label]).length
      : null;
  const download = (format: 'csv' | 'xlsx' | 'pdf', outside = false) =>
    summary && `/api/reports?period=${encodeURIComponent(summary.period)}&scope=${encodeURIComponent(scopeText(summary.scope))}&format=${format}${outside ? '&outside=1' : ''}`;

  if (!summary) {
    return (
      <div className="error-summary" role="alert" aria-labelledby="summary-problems">
        <h2 id="summary-problems">{t('form.problemTitle')}</h2>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <>
      <h2>{t('reports.heading', { period: periodTitle(parsePeriod(summary.period)!, locale), scope: scopeTitle(summary, t as never, locale) })}</h2>
      <p className="muted">{t('reports.countsOnly')}</p>
      {submitted !== null && summary.missions.length > 0 && (
        <p className="hint" data-testid="lock-status">
          {t('reports.lock.several', { locked: submitted, total: summary.missions.length, month: summary.period })}
        </p>
      )}
      {lockedMission &&
        (summary.locked ? (
          <p className="notice ok" data-testid="lock-status">
            {t('reports.lock.lockedNote', { at: format.dateTime(new Date(summary.locked.at), DATE_TIME_WITH_ZONE), by: summary.locked.by })}
          </p>
        ) : mayLockMonths(actor) && actor.missionCode === lockedMission.code ? (
          monthHasEnded(summary.period, lockedMission.timeZone) ? (
            <LockMonth month={summary.period} mission={lockedMission.code} />
          ) : (
            <p className="hint" data-testid="lock-status">
              {t('reports.lock.notEndedHint', { month: summary.period })}
            </p>
          )
        ) : (
          <p className="hint" data-testid="lock-status">
            {t('reports.lock.notLocked', { month: summary.period, mission: lockedMission.code })}
          </p>
        ))}
      <p>
        <Link href={`/reports/locks?year=${summary.period.slice(0, 4)}`}>{t('reports.lock.overviewLink')}</Link>
      </p>
      <h3>{t('reports.downloads')}</h3>
      <ul className="downloads">
        {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
          <li key={f}>
            <a href={download(f)!} download>
              {t(`reports.download.${f}`)}
            </a>
          </li>
        ))}
      </ul>
      <h3>{t('reports.outsideTitle')}</h3>
      <p className="hint">{t('reports.outsideHint', { n: suppressionThreshold(), max: suppressionThreshold() - 1 })}</p>
      <ul className="downloads">
        {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
          <li key={f}>
            <a href={download(f, true)!} download>
              {t(`reports.downloadOutside.${f}`)}
            </a>
          </li>
        ))}
      </ul>
      <h3>{t('exports.prepare')}</h3>
      <p className="hint">{t('exports.prepareHint')}</p>
      <PrepareExport period={summary.period} scope={scopeText(summary.scope)} />
      {summary.corrections && lockedMission && (
        <TableScroll>
          <table className="list numbers report" data-testid="corrections">
            <caption>{t(summary.locked ? 'reports.corrections.reported' : 'reports.corrections.pending')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.corrections.month')}</th>
                <th scope="col">{t('reports.corrections.figure')}</th>
                <th scope="col" className="num">
                  {t('reports.corrections.submitted')}
                </th>
                <th scope="col" className="num">
                  {t('reports.corrections.corrected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.corrections.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('reports.corrections.none')}
                  </td>
                </tr>
              ) : (
                summary.corrections.map((c) => (
                  <tr key={`${c.month}|${c.table}|${c.row}|${c.column}`}>
                    <td className="mono">{c.month}</td>
                    <th scope="row">
                      {translateKey(t, `reports.tables.${c.table}`, c.table)}: {label(c.table, c.row)}
                      {c.column !== 'value' && ` · ${translateKey(t, `reports.columns.${c.column}`, c.column)}`}
                    </th>
                    <td className="num">{typeof c.was === 'number' ? format.number(c.was) : (c.was ?? '—')}</td>
                    <td className="num">{typeof c.now === 'number' ? format.number(c.now) : (c.now ?? '—')}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {summaryTables(summary).filter((table) => table.name !== 'corrections').map((table) => (
        <div key={table.name}>
          {table.name === 'new_by_category' && table.rows.length > 1 && (
            <BarsChart horizontal data={table.rows.map(([code, n]) => ({ label: label(table.name, String(code)), cases: n }))} categoryKey="label" series={[{ key: 'cases', label: t('reports.columns.cases'), colour: CHART_BLUE }]} height={Math.max(140, table.rows.length * 28)} labelWidth={220} />
          )}
          {table.name === 'trafficking' && summary.trafficking.length > 2 && (
            <BarsChart
              data={summary.trafficking.filter((r) => r.period !== 'total').map((r) => ({ period: r.period, adult: r.victims_adult, child: r.victims_child }))}
              categoryKey="period"
              series={[
                { key: 'adult', label: t('reports.columns.victims_adult'), colour: CHART_BLUE },
                { key: 'child', label: t('reports.columns.victims_child'), colour: CHART_ORANGE },
              ]}
            />
          )}
        <TableScroll>
          <table className="list numbers report">
            <caption>{t(`reports.tables.${table.name}` as never)}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
                    {translateKey(t, `reports.columns.${c}`, c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length} className="muted">
                    {t('reports.noRows')}
                  </td>
                </tr>
              ) : (
                table.rows.map((row) => (
                  <tr key={String(row[0])}>
                    <th scope="row">{label(table.name, String(row[0]))}</th>
                    {row.slice(1).map((v, i) => (
                      <td key={i} className="num">
                        {v === null ? '—' : typeof v === 'number' ? format.number(v) : v}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableScroll>
        </div>
      ))}
    </>
  );
}
