import type { ExplainedQuery } from './plans';
import type { HttpResults } from './http';
import type { BenchResults } from './run';

/** One of issue 12's targets, as measured: pass, miss, or not measured in this run. */
export interface Target {
  target: string;
  measured: string;
  verdict: 'pass' | 'miss' | 'not measured';
}

const ms = (v: number | undefined | null) => (v == null || Number.isNaN(v) ? '—' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(2)} ms`);
const x = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(2)}×`);
const verdict = (ok: boolean): Target['verdict'] => (ok ? 'pass' : 'miss');

/** Issue 12's "Targets", judged from a run's figures. */
export function judgeTargets(r: BenchResults): Target[] {
  const targets: Target[] = [];
  const withRaw = r.operations.filter((o) => o.raw);
  const slow = withRaw.filter((o) => o.app.p50 > 2 * o.raw!.p50 + 0.3);
  targets.push({
    target: 'every screen query through the query layer: p50 ≤ 2 × raw + 0.3 ms',
    measured: slow.length ? `over on ${slow.map((o) => `${o.name} (${ms(o.app.p50)} vs ${ms(o.raw!.p50)})`).join('; ')}` : `all ${withRaw.length} within`,
    verdict: verdict(slow.length === 0),
  });
  const badPlans = r.plans.filter((p) => p.problems.length);
  targets.push({ target: 'no OFFSET, no sequential scan of a big table', measured: badPlans.length ? badPlans.map((p) => `${p.name}: ${p.problems.join(', ')}`).join('; ') : `${r.plans.length} plans clean`, verdict: verdict(badPlans.length === 0) });
  const myCases = r.operations.filter((o) => o.group === 'My cases');
  const worstMine = Math.max(...myCases.map((o) => o.app.p95));
  targets.push({ target: 'My cases: p95 ≤ 20 ms on any page', measured: `worst p95 ${ms(worstMine)}`, verdict: myCases.length ? verdict(worstMine <= 20) : 'not measured' });
  for (const [kinds, limit] of [
    [['NIK', 'passport'], 5],
    [['name, common', 'name, rare'], 50],
  ] as const) {
    const ops = r.operations.filter((o) => kinds.some((k) => o.name === `search: ${k}`));
    const runs = r.twentiethRun.filter((t) => kinds.some((k) => t.name === `search: ${k}`));
    const worst = Math.max(...ops.map((o) => o.app.p95), ...runs.map((t) => t.appMs));
    targets.push({ target: `search by ${kinds.join(' / ')}: ≤ ${limit} ms, also on the 20th run`, measured: `worst p95 or 20th run ${ms(worst)}`, verdict: ops.length ? verdict(worst <= limit) : 'not measured' });
  }
  for (const [label, limit] of [
    ['one month', 500],
    ['one year', 3000],
    ['ten years', 15000],
  ] as const) {
    const s = r.summaries.find((m) => m.label.startsWith(label));
    targets.push({ target: `summary of all missions, ${label}: ≤ ${limit / 1000} s, memory growth ≤ 150 MB`, measured: s ? (s.timedOut ? `not done after ${(s.ms / 1000).toFixed(0)} s (cancelled)` : `${(s.ms / 1000).toFixed(2)} s, +${s.rssGrowthMb} MB`) : '—', verdict: s ? verdict(!s.timedOut && s.ms <= limit && s.rssGrowthMb <= 150) : 'not measured' });
  }
  const e = r.export;
  targets.push({ target: 'case-list export: ≥ 100,000 rows/s, memory growth ≤ 150 MB', measured: e ? `${e.appRowsPerSecond!.toLocaleString('en')} rows/s, +${e.appRssGrowthMb} MB (COPY ${e.copyRowsPerSecond!.toLocaleString('en')} rows/s)` : '—', verdict: e ? verdict(e.appRowsPerSecond! >= 100_000 && e.appRssGrowthMb! <= 150) : 'not measured' });
  const h = r.http as HttpResults | null;
  const run = (path: string, c: number) => h?.runs.find((x) => x.label === path && x.connections === c);
  const q1 = run('/queues', 1);
  const q50 = run('/queues', 50);
  const p1 = run('/cases/<id>', 1);
  const p50 = run('/cases/<id>', 50);
  targets.push({ target: '/queues: p95 ≤ 25 ms with one client', measured: q1 ? `p95 ${ms(q1.app.p95)}` : '—', verdict: q1 ? verdict(q1.app.p95 <= 25) : 'not measured' });
  targets.push({
    target: '/queues at 50 connections: ≥ 35% of the floor’s req/s, p99 ≤ 250 ms, 0 errors',
    measured: q50 ? `${q50.app.rps} req/s = ${q50.floor ? Math.round((q50.app.rps / q50.floor.rps) * 100) : '—'}% of ${q50.floor?.rps ?? '—'}; p99 ${ms(q50.app.p99)}; ${q50.app.errors} errors` : '—',
    verdict: q50 ? verdict(!!q50.floor && q50.app.rps >= 0.35 * q50.floor.rps && q50.app.p99 <= 250 && q50.app.errors === 0) : 'not measured',
  });
  targets.push({ target: '/cases/<id>: p95 ≤ 30 ms (one client); ≥ 300 req/s at 50 connections', measured: p1 && p50 ? `p95 ${ms(p1.app.p95)}; ${p50.app.rps} req/s` : '—', verdict: p1 && p50 ? verdict(p1.app.p95 <= 30 && p50.app.rps >= 300) : 'not measured' });
  targets.push({ target: 'create over HTTP: p95 ≤ 15 ms after a durable commit', measured: h?.create ? `p95 ${ms(h.create.p95)} (${h.create.how})` : '—', verdict: h?.create ? verdict(h.create.p95 <= 15) : 'not measured' });
  targets.push({ target: '/api/health p99 ≤ 100 ms while 20 ten-year summaries run', measured: h?.health ? `p99 ${ms(h.health.during.p99)} (alone ${ms(h.health.alone.p99)}); ${h.health.reportsDone}/20 summaries done in ${h.health.seconds} s` : '—', verdict: h?.health ? verdict(h.health.during.p99 <= 100) : 'not measured' });
  targets.push({ target: 'embedded PGlite at 100,000 cases: every screen query ≤ 3 × PostgreSQL', measured: 'not part of this benchmark (PostgreSQL only)', verdict: 'not measured' });
  return targets;
}

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The figures as Markdown tables: printed by `npm run bench` and kept in results/latest.md. */
export function renderTable(r: BenchResults): string {
  const parts: string[] = [];
  parts.push(
    table(
      ['operation', 'n', 'app p50', 'app p95', 'app p99', 'raw p50', 'raw p95', 'raw p99', 'app_over_raw_p50', 'app_over_raw_p95', 'statements'],
      r.operations.map((o) => [o.name, o.app.n, ms(o.app.p50), ms(o.app.p95), ms(o.app.p99), ms(o.raw?.p50), ms(o.raw?.p95), ms(o.raw?.p99), x(o.app_over_raw_p50), x(o.app_over_raw_p95), o.statements || '—']),
    ),
  );
  if (r.twentiethRun.length) {
    parts.push(table(['same prepared statement, one connection', 'app, 20th run', 'raw, 20th run', 'app p50 runs 6–25', 'raw p50 runs 6–25'], r.twentiethRun.map((t) => [t.name, ms(t.appMs), ms(t.rawMs), ms(t.appP50), ms(t.rawP50)])));
  }
  if (r.summaries.length) parts.push(table(['summary (computeSummary)', 'period', 'time', 'peak RSS growth'], r.summaries.map((s) => [s.label, s.period, s.timedOut ? `> ${(s.ms / 1000).toFixed(0)} s (cancelled)` : `${(s.ms / 1000).toFixed(2)} s`, s.timedOut ? '—' : `${s.rssGrowthMb} MB`])));
  if (r.export) {
    const e = r.export;
    parts.push(
      table(
        ['case-list export, all closed cases', 'rows', 'rows/s', 'RSS growth'],
        [
          ['app (caseExportBatches → CSV file)', e.rows!.toLocaleString('en'), e.appRowsPerSecond!.toLocaleString('en'), `${e.appRssGrowthMb} MB`],
          ['raw, same keyset batches', e.rows!.toLocaleString('en'), e.rawBatchesRowsPerSecond!.toLocaleString('en'), `${e.rawBatchesRssGrowthMb} MB`],
          ['raw, one COPY … TO STDOUT', e.rows!.toLocaleString('en'), e.copyRowsPerSecond!.toLocaleString('en'), '—'],
        ],
      ),
    );
  }
  const h = r.http as HttpResults | null;
  if (h) {
    parts.push(
      table(
        ['HTTP', 'connections', 'app req/s', 'app p50', 'app p95', 'app p99', 'app errors', 'floor req/s', 'floor p50', 'floor p95', 'floor p99', 'floor errors', 'app / floor req/s'],
        h.runs.map((run) => [run.label, run.connections, run.app.rps, ms(run.app.p50), ms(run.app.p95), ms(run.app.p99), run.app.errors, run.floor?.rps ?? '—', ms(run.floor?.p50), ms(run.floor?.p95), ms(run.floor?.p99), run.floor?.errors ?? '—', run.floor?.rps ? `${Math.round((run.app.rps / run.floor.rps) * 100)}%` : '—']),
      ),
    );
    const extra: (string | number)[][] = [];
    if (h.health) extra.push(['/api/health alone', `p50 ${ms(h.health.alone.p50)}, p99 ${ms(h.health.alone.p99)}`], ['/api/health during 20 ten-year summaries', `p50 ${ms(h.health.during.p50)}, p99 ${ms(h.health.during.p99)}, ${h.health.during.errors} errors; ${h.health.reportsDone}/20 summaries answered in ${h.health.seconds} s`]);
    if (h.create) extra.push([`create (${h.create.how})`, `p50 ${ms(h.create.p50)}, p95 ${ms(h.create.p95)}, p99 ${ms(h.create.p99)}, ${h.create.errors} errors`]);
    if (extra.length) parts.push(table(['HTTP, other', 'measured'], extra));
    if (h.notes.length) parts.push(h.notes.map((n) => `- ${n}`).join('\n'));
  }
  if (r.targets.length) parts.push(table(['target (issue 12)', 'measured', 'verdict'], r.targets.map((t) => [t.target, t.measured, t.verdict === 'pass' ? 'pass' : t.verdict === 'miss' ? '**miss**' : t.verdict])));
  return parts.join('\n\n');
}

export function renderMarkdown(r: BenchResults, explained: readonly ExplainedQuery[]): string {
  const m = r.machine as { cpus: number; cpuModel: string; memoryGb: number; loadAverage: number[]; node: string; postgres: string; settings: Record<string, string> };
  const lines = [
    `# Benchmark run, ${r.date}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, load average at start ${m.loadAverage.join(' / ')}; Node ${m.node}; ${m.postgres}; ${Object.entries(m.settings).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    `Data: ${Object.entries(r.data).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`,
    '',
    r.iterations ? renderTable(r) : '',
    '',
    '## Plans of the screen queries (EXPLAIN ANALYZE, BUFFERS)',
    '',
    ...explained.flatMap((e) => [`### ${e.name}: ${e.executionMs.toFixed(2)} ms${e.problems.length ? ` — **${e.problems.map((p) => p.detail).join('; ')}**` : ''}${e.sortedRows.length ? ` (sorted ${e.sortedRows.join(', ')} rows)` : ''}`, '', '```sql', e.sql, '```', '', '```', e.text, '```', '']),
  ];
  return `${lines.join('\n')}\n`;
}
