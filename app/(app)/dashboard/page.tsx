import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getDashboard } from '@/db/queries/dashboard';
import { requirePermission } from '@/lib/auth/actor';
import { translateKey } from '@/lib/i18n/dynamic';
import { BarsChart } from '@/app/_components/bars-chart';
import { CHART_BLUE, CHART_ORANGE } from '@/app/_components/chart-colours';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

const BLUE = CHART_BLUE;
const ORANGE = CHART_ORANGE;

/** One chart with its numbers: the table is what screen readers read and people copy. */
function Panel({ id, title, note, chart, table }: { id: string; title: string; note?: string; chart: React.ReactNode; table: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      <div className="panel-body">
        {chart}
        {/* Scrolls when long: focusable so the keyboard can scroll it too. */}
        <div className="panel-table" role="region" aria-label={title} tabIndex={0}>
          {table}
        </div>
      </div>
    </section>
  );
}

/** A supervisor's overview of the missions in scope: where cases are, how they flow, how fast, where steps are late. */
export default async function DashboardPage() {
  const actor = await requirePermission('queue:read');
  const [t, format, d] = await Promise.all([getTranslations(), getFormatter(), getDashboard(await getDb(), actor)]);
  const monthLabel = (m: string) => format.dateTime(new Date(`${m}-15T00:00:00Z`), { timeZone: 'UTC', month: 'short', year: '2-digit' });
  const days = (v: number | null) => (v == null ? '—' : format.number(v, { maximumFractionDigits: 1 }));
  const totalOpen = d.openByMission.reduce((a, r) => a + r.open, 0);
  const empty = <p className="empty">{t('dashboard.none')}</p>;
  const table = (caption: string, head: string[], rows: (string | number)[][]) => (
    <TableScroll>
      <table className="list numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i} className="num">
                    {typeof c === 'number' ? format.number(c) : c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p>
        {t('dashboard.intro', { open: totalOpen, missions: d.openByMission.length })} <Link href="/queues">{t('dashboard.toQueues')}</Link>
      </p>

      <Panel
        id="open-by-mission"
        title={t('dashboard.openByMission')}
        chart={d.openByMission.length ? <BarsChart horizontal data={d.openByMission} categoryKey="missionCode" series={[{ key: 'open', label: t('dashboard.open'), colour: BLUE }]} height={Math.max(160, d.openByMission.length * 26)} /> : empty}
        table={table(t('dashboard.openByMission'), [t('dashboard.mission'), t('dashboard.open')], d.openByMission.map((r) => [r.missionCode, r.open]))}
      />

      <Panel
        id="flow"
        title={t('dashboard.flow')}
        note={t('dashboard.flowNote')}
        chart={
          <BarsChart
            data={d.flow.map((f) => ({ ...f, label: monthLabel(f.month) }))}
            categoryKey="label"
            series={[
              { key: 'opened', label: t('dashboard.opened'), colour: BLUE },
              { key: 'closed', label: t('dashboard.closed'), colour: ORANGE },
            ]}
          />
        }
        table={table(t('dashboard.flow'), [t('dashboard.month'), t('dashboard.opened'), t('dashboard.closed')], d.flow.map((f) => [monthLabel(f.month), f.opened, f.closed]))}
      />

      <Panel
        id="by-category"
        title={t('dashboard.byCategory')}
        chart={
          d.openByCategory.length ? (
            <BarsChart horizontal data={d.openByCategory.map((c) => ({ ...c, label: translateKey(t, `categories.${c.category}`) }))} categoryKey="label" series={[{ key: 'open', label: t('dashboard.open'), colour: BLUE }]} height={Math.max(160, d.openByCategory.length * 30)} />
          ) : (
            empty
          )
        }
        table={table(t('dashboard.byCategory'), [t('dashboard.category'), t('dashboard.open')], d.openByCategory.map((c) => [translateKey(t, `categories.${c.category}`), c.open]))}
      />

      <Panel
        id="timeliness"
        title={t('dashboard.timeliness')}
        note={t('dashboard.timelinessNote')}
        chart={
          d.timeliness.length ? (
            <BarsChart
              horizontal
              data={d.timeliness}
              categoryKey="missionCode"
              series={[
                { key: 'firstContactDays', label: t('dashboard.firstContact'), colour: BLUE },
                { key: 'resolutionDays', label: t('dashboard.resolution'), colour: ORANGE },
              ]}
              height={Math.max(180, d.timeliness.length * 34)}
            />
          ) : (
            empty
          )
        }
        table={table(
          t('dashboard.timeliness'),
          [t('dashboard.mission'), t('dashboard.firstContact'), t('dashboard.resolution')],
          d.timeliness.map((r) => [r.missionCode, days(r.firstContactDays), days(r.resolutionDays)]),
        )}
      />

      <Panel
        id="overdue"
        title={t('dashboard.overdue')}
        chart={d.overdueByMission.length ? <BarsChart horizontal data={d.overdueByMission} categoryKey="missionCode" series={[{ key: 'overdue', label: t('dashboard.overdueSteps'), colour: ORANGE }]} height={Math.max(160, d.overdueByMission.length * 26)} /> : <p className="empty">{t('dashboard.noOverdue')}</p>}
        table={table(t('dashboard.overdue'), [t('dashboard.mission'), t('dashboard.overdueSteps')], d.overdueByMission.map((r) => [r.missionCode, r.overdue]))}
      />
    </>
  );
}
