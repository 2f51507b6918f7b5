/**
 * `DATABASE_URL=postgres://… npm run bench [-- --iterations 200] [--op-seconds 45] [--explain] [--http URL|start] [--skip-heavy]`:
 * the app's query layer against the same SQL sent raw, on whatever data the database holds
 * (`npm run bench:seed` first). Prints a table, writes bench/results/latest.json and
 * bench/results/latest.md (the table and every screen query's EXPLAIN ANALYZE), and exits
 * non-zero when a screen query's plan reads a big table whole or pages by OFFSET.
 * `--explain` checks the plans only; `--skip-heavy` leaves out the summaries, the export and
 * /api/health under twenty summaries; `--skip-summaries` the summaries and that /api/health run;
 * `--skip-query-layer` the app-versus-raw operations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql as dsql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Db, getHandle, openDatabase } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { caseExportCsvStream, caseExportQuery, inlineParams } from '@/db/queries/case-export';
import { caseAccessQuery } from '@/db/queries/case-timeline';
import { type CaseListFilter, caseListQuery, createCase, getCase, listCases, searchPlanFor } from '@/db/queries/cases';
import { queueCountQuery, queueCountsQuery, queueListQuery } from '@/db/queries/queues';
import { localDate } from '@/db/queries/steps';
import { computeSummary } from '@/db/queries/summary';
import { missions, users } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { addMonths, parsePeriod } from '@/lib/domain/periods';
import { type QueueSort, queueSorts, queueViews } from '@/lib/domain/queues';
import { caseListCsvFromCopy } from '@/lib/reports/case-list';
import { actorOf } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import type { QueueFilter } from '@/lib/validation/queues';
import { runHttp } from './http';
import { type ExplainedQuery, explainStatement, isFailure, planFailures, planSorts } from './plans';
import { type Recording, type Statement, appWave, casePage, recorder, replay, statementCount } from './screens';
import { type Latency, latency, prng, ratio, withPeakRss } from './stats';
import { type Target, judgeTargets, renderMarkdown, renderTable } from './report';
import { intakeFacts } from '@/lib/testing/intake';

const RESULTS_DIR = path.join(process.cwd(), 'bench', 'results');

export interface OperationResult {
  group: string;
  name: string;
  app: Latency;
  raw: Latency | null;
  app_over_raw_p50: number | null;
  app_over_raw_p95: number | null;
  statements?: number;
  note?: string;
}

export interface BenchResults {
  date: string;
  machine: Record<string, unknown>;
  data: Record<string, number>;
  iterations: number;
  operations: OperationResult[];
  twentiethRun: { name: string; appMs: number; rawMs: number; appP50: number; rawP50: number }[];
  summaries: { period: string; label: string; runs: number; ms: number; rssGrowthMb: number; timedOut?: boolean }[];
  export: Record<string, number> | null;
  http: unknown;
  plans: { name: string; executionMs: number; problems: string[]; sorts: string[] }[];
  targets: Target[];
}

function options() {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'op-seconds': { type: 'string', default: '45' },
      'summary-seconds': { type: 'string', default: '120' },
      explain: { type: 'boolean', default: false },
      http: { type: 'string' },
      'skip-heavy': { type: 'boolean', default: false },
      'skip-query-layer': { type: 'boolean', default: false },
      'skip-summaries': { type: 'boolean', default: false },
      seed: { type: 'string', default: '7' },
    },
  });
  const iterations = Number(values.iterations);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`--iterations must be a whole number (got ${values.iterations})`);
  return { iterations, warmup: Number(values.warmup), opSeconds: Number(values['op-seconds']), summarySeconds: Number(values['summary-seconds']), explainOnly: values.explain!, http: values.http, skipHeavy: values['skip-heavy']!, skipQueryLayer: values['skip-query-layer']!, skipSummaries: values['skip-summaries']! || values['skip-heavy']!, seed: Number(values.seed) };
}

const toStatement = (q: { toSQL(): { sql: string; params: unknown[] } }): Statement => q.toSQL();

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL: the benchmark runs on PostgreSQL (npm run bench:seed first)');
  const opts = options();
  const random = prng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const handle = await getHandle();
  const db = handle.db;
  // The raw side: its own pool of the app's size, its types read as drizzle reads them (dates and JSON as text).
  const raw = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });
  drizzle({ client: raw });
  const recClient = postgres(url, { max: 1, onnotice: () => {} });
  const rec = recorder(drizzle({ client: recClient }).$client);

  const [{ n: caseCount }] = (await raw`SELECT count(*)::int AS n FROM cases`) as unknown as [{ n: number }];
  if (caseCount < 1000) throw new Error(`the database has ${caseCount} cases: run npm run bench:seed -- --cases 1000000 first`);
  const machine = await describeMachine(raw);
  const data = await describeData(raw);
  console.log(`# Payung benchmark: ${caseCount.toLocaleString('en')} cases, ${new Date().toISOString()}`);
  console.log(`${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB; ${machine.postgres}; ${Object.entries(machine.settings as object).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);

  // Who acts: the demo supervisor (every mission) and the officers of each mission.
  const [sup] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
  const supervisor = actorOf('supervisor', { id: sup!.id, email: 'supervisor@payung.test', timeZone: 'Asia/Jakarta', locale: 'en' });
  const officerRows = await db
    .select({ id: users.id, email: users.email, missionId: users.missionId, code: missions.code, timeZone: missions.timeZone })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(users.role, 'officer'), eq(users.isActive, true)));
  const officerOf = (o: (typeof officerRows)[number]): Actor => actorOf('officer', { id: o.id, email: o.email, missionId: o.missionId, missionCode: o.code, timeZone: o.timeZone });
  const officers = officerRows.map(officerOf);
  const kul = officerOf(officerRows.find((o) => o.email === 'officer.kul@payung.test')!);

  // Inputs, sampled the same way on every run (REPEATABLE): cases to open and page after, people to search for.
  const sampleCases = (await raw`SELECT id, mission_id, opened_at::text AS opened_at, reference FROM cases TABLESAMPLE SYSTEM (0.2) REPEATABLE (7) LIMIT 1000`) as unknown as { id: string; mission_id: number; opened_at: string; reference: string }[];
  const samplePeople = (await raw`SELECT p.nik, p.passport_number, p.full_name, cp.pseudonym FROM persons p JOIN case_parties cp ON cp.person_id = p.id
    WHERE p.id IN (SELECT id FROM persons TABLESAMPLE SYSTEM (0.2) REPEATABLE (7) LIMIT 1000) AND cp.role = 'subject'`) as unknown as { nik: string | null; passport_number: string | null; full_name: string; pseudonym: string }[];
  const niks = samplePeople.map((p) => p.nik).filter((v): v is string => !!v);
  const passports = samplePeople.map((p) => p.passport_number).filter((v): v is string => !!v);
  const rareNames = samplePeople.map((p) => p.full_name.toLowerCase());
  const commonNames = ['siti', 'nur', 'dewi', 'putri', 'sari', 'wati', 'ahmad', 'agus', 'budi', 'rahma'];
  const pseudonyms = samplePeople.map((p) => p.pseudonym);
  const references = sampleCases.map((c) => c.reference.slice(0, -2));
  const cursorOf = (c: { opened_at: string; id: string }) => `${new Date(c.opened_at).toISOString()}_${c.id}`;
  const casesOfMission = (missionId: number | null) => sampleCases.filter((c) => c.mission_id === missionId);

  const explained: ExplainedQuery[] = [];
  const explain = async (name: string, statement: Statement, sortedByIndex: boolean) => {
    explained.push(await explainStatement(raw, name, statement, { sortedByIndex }));
  };

  // ── Plans of every screen query ─────────────────────────────────────────────────────────
  const now = new Date();
  const officerDeep = casesOfMission(kul.missionId)[0] ?? sampleCases[0]!;
  await explain('My cases, page 1 (officer KUL)', toStatement(caseListQuery(db, kul, {})), true);
  await explain('My cases, deep page (officer KUL)', toStatement(caseListQuery(db, kul, { after: cursorOf(officerDeep) })), true);
  await explain('My cases, page 1 (supervisor)', toStatement(caseListQuery(db, supervisor, {})), true);
  await explain('My cases, deep page (supervisor)', toStatement(caseListQuery(db, supervisor, { after: cursorOf(sampleCases[1]!) })), true);
  const searches: [string, () => string][] = [
    ['NIK', () => pick(niks)],
    ['passport', () => pick(passports)],
    ['name, common', () => pick(commonNames)],
    ['name, rare', () => pick(rareNames)],
    ['pseudonym', () => pick(pseudonyms)],
    ['reference prefix', () => pick(references)],
  ];
  for (const [kind, input] of searches) {
    const q = input();
    const plan = await searchPlanFor(db, q);
    // A common name is walked newest first through the list's index: checked as a list (no sort).
    await explain(`search: ${kind}${plan.commonName ? ' (walked)' : ''}`, toStatement(caseListQuery(db, supervisor, { q }, plan)), plan.commonName);
  }
  const queueFilters: { label: string; filter: QueueFilter }[] = [undefined, ...queueViews].map((view) => ({ label: view ?? 'all open', filter: { view, sort: 'opened' as QueueSort, dir: 'asc' as const } }));
  for (const { label, filter } of queueFilters) {
    for (const sort of queueSorts) await explain(`queue ${label}: first page by ${sort}`, toStatement(queueListQuery(db, supervisor, { ...filter, sort }, now, 50)), true);
    await explain(`queue ${label}: count`, toStatement(queueCountQuery(db, supervisor, filter, now)), false);
  }
  await explain('queue counts (nine in one statement)', toStatement(queueCountsQuery(db, supervisor, now)), false);
  await explain('case-list export: a batch of closed cases', toStatement(caseExportQuery(db, supervisor, { status: 'closed' }, caseListColumns, now, { openedAt: sampleCases[2]!.opened_at, id: sampleCases[2]!.id })), true);
  // The access log probes each finished export's record: explained beside one export of every closed case, as a database in use holds.
  await keepBenchExportRecord(raw);
  await explain("a case's access log (events and exports)", new PgDialect().sqlToQuery(caseAccessQuery(sampleCases[3]!.id)), false);
  const { recording: pageRecording } = await rec.record((wave) => casePage(wave, supervisor, sampleCases[3]!.id));
  for (const [i, s] of pageRecording.flat(2).entries()) await explain(`case page statement ${i + 1}`, s, false);
  const failures = planFailures(explained);
  const sorts = planSorts(explained);
  if (sorts.length) console.log(`Sorts in list plans (reported, not failed):\n${sorts.map((s) => `  - ${s}`).join('\n')}`);

  if (opts.explainOnly) {
    writeResults({ date: now.toISOString(), machine, data, iterations: 0, operations: [], twentiethRun: [], summaries: [], export: null, http: null, plans: plansOf(explained), targets: [] }, explained);
    finish(failures);
    await Promise.all([raw.end(), recClient.end(), handle.close()]);
    return;
  }

  // ── Query layer: the app's function and the same SQL raw, side by side ─────────────────
  const operations: OperationResult[] = [];
  /**
   * `prepare` makes one iteration's input and the raw statements for it (untimed); then the app's
   * call and the raw replay are timed, in alternating order so that neither always runs on the
   * cache the other warmed.
   */
  const measure = async <I>(group: string, name: string, prepare: () => Promise<{ input: I; raw: Recording | null }>, app: (input: I) => Promise<unknown>, runRaw: (r: Recording, input: I) => Promise<unknown> = (r) => replay(raw, r)) => {
    const appTimes: number[] = [];
    const rawTimes: number[] = [];
    let statements = 0;
    const started = performance.now();
    for (let i = 0; i < opts.warmup + opts.iterations; i++) {
      // An operation of seconds would take hours at 2 × 220 runs: it stops at its time budget (its n says how many).
      if (performance.now() - started > opts.opSeconds * 1000 && appTimes.length >= 5) break;
      const { input, raw: recording } = await prepare();
      statements = recording ? statementCount(recording) : 0;
      const timeApp = async () => {
        const t0 = performance.now();
        await app(input);
        return performance.now() - t0;
      };
      const timeRaw = async () => {
        if (!recording) return null;
        const t0 = performance.now();
        await runRaw(recording, input);
        return performance.now() - t0;
      };
      let a: number;
      let r: number | null;
      if (i % 2 === 0) {
        a = await timeApp();
        r = await timeRaw();
      } else {
        r = await timeRaw();
        a = await timeApp();
      }
      if (i < opts.warmup && performance.now() - started < 10_000) continue;
      appTimes.push(a);
      if (r != null) rawTimes.push(r);
    }
    const appL = latency(appTimes);
    const rawL = rawTimes.length ? latency(rawTimes) : null;
    const result: OperationResult = { group, name, app: appL, raw: rawL, app_over_raw_p50: rawL ? ratio(appL.p50, rawL.p50) : null, app_over_raw_p95: rawL ? ratio(appL.p95, rawL.p95) : null, statements };
    operations.push(result);
    console.log(`  ${name}: app p50 ${appL.p50.toFixed(2)} ms, p95 ${appL.p95.toFixed(2)} ms${rawL ? `; raw p50 ${rawL.p50.toFixed(2)} ms, p95 ${rawL.p95.toFixed(2)} ms` : ''}`);
    return result;
  };
  const single = (statement: Statement): Recording => [[[statement]]];
  const listOp = (group: string, name: string, actorFor: () => { actor: Actor; filter: CaseListFilter }) =>
    measure(
      group,
      name,
      async () => {
        const input = actorFor();
        return { input, raw: single(toStatement(caseListQuery(db, input.actor, input.filter, await searchPlanFor(db, input.filter.q)))) };
      },
      (input) => listCases(db, input.actor, input.filter),
    );

  if (!opts.skipQueryLayer) console.log(`Query layer: ${opts.iterations} iterations after ${opts.warmup} of warm-up, inputs drawn at random (seed ${opts.seed})`);
  const queryLayer = !opts.skipQueryLayer;
  if (queryLayer) {
    await listOp('My cases', 'My cases page 1, an officer (any mission)', () => ({ actor: pick(officers), filter: {} }));
    await listOp('My cases', 'My cases deep page, an officer (any mission)', () => {
      const actor = pick(officers);
      const own = casesOfMission(actor.missionId);
      return { actor, filter: own.length ? { after: cursorOf(pick(own)) } : {} };
    });
    await listOp('My cases', 'My cases page 1, supervisor', () => ({ actor: supervisor, filter: {} }));
    await listOp('My cases', 'My cases deep page, supervisor', () => ({ actor: supervisor, filter: { after: cursorOf(pick(sampleCases)) } }));
    for (const [kind, input] of searches) await listOp('Search', `search: ${kind}`, () => ({ actor: supervisor, filter: { q: input() } }));

    for (const { label, filter } of queueFilters) {
      const choose = (): QueueFilter => ({ ...filter, sort: pick(queueSorts), dir: pick(['asc', 'desc'] as const) });
      await measure(
        'Queues',
        `queue ${label}: first page`,
        async () => {
          const f = choose();
          return { input: f, raw: single(toStatement(queueListQuery(db, supervisor, f, new Date(), 50))) };
        },
        (f) => queueListQuery(db, supervisor, f, new Date(), 50),
      );
      await measure(
        'Queues',
        `queue ${label}: count`,
        async () => ({ input: filter, raw: single(toStatement(queueCountQuery(db, supervisor, filter, new Date()))) }),
        (f) => queueCountQuery(db, supervisor, f, new Date()),
      );
  }
  await measure(
    'Queues',
    'queue counts, all nine (uncached)',
    async () => ({ input: null, raw: single(toStatement(queueCountsQuery(db, supervisor, new Date()))) }),
    () => queueCountsQuery(db, supervisor, new Date()),
  );

  await measure(
    'Case page',
    'getCase',
    async () => {
      const id = pick(sampleCases).id;
      return { input: id, raw: [[await rec.statements((d) => getCase(d, supervisor, id))]] };
    },
    (id) => getCase(db, supervisor, id),
  );
  await measure(
    'Case page',
    'case page data (getCase ×2 + sections)',
    async () => {
      const id = pick(sampleCases).id;
      return { input: id, raw: (await rec.record((wave) => casePage(wave, supervisor, id))).recording };
    },
    (id) => casePage(appWave(db), supervisor, id),
  );

  // Create: the action's transaction (createCase and its audit row), rolled back on both sides so
  // that the raw replay may reuse the recorded numbers; then committed through the app alone.
  const intake = () => createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'Benchmark', subjects: [{ ...emptySubject, fullName: `Bench ${Math.floor(random() * 1e6)}`, nik: '', passportNumber: '' }] });
  const ROLLBACK = new Error('rollback');
  const rolledBack = (p: Promise<unknown>) => p.catch((e) => { if (e !== ROLLBACK) throw e; });
  const createInTx = (d: Db, input: ReturnType<typeof intake>, commit: boolean, onCreated?: (id: string) => void) =>
    d.transaction(async (tx) => {
      const created = await createCase(tx, kul, input);
      onCreated?.(created.id);
      await appendAudit(tx, { id: kul.id, email: kul.email, ip: null }, { action: 'case.create', entityType: 'case', entityId: created.id, changes: created.changes });
      if (!commit) throw ROLLBACK;
    });
  await measure(
    'Create',
    'createCase + audit (one subject), rolled back',
    async () => {
      const form = intake();
      let createdId = '';
      await rolledBack(rec.statements((d) => createInTx(d, form, false, (id) => (createdId = id))));
      return { input: { form, createdId }, raw: [[rec.lastStatements()]] };
    },
    (input) => rolledBack(createInTx(db, input.form, false)),
    // The case's id is the database's: the replay puts the new one wherever the recorded one was.
    (r, input) =>
      rolledBack(
        raw.begin(async (tx) => {
          let newId = input.createdId;
          for (const s of r[0]![0]!) {
            const params = s.params.map((p) => (typeof p === 'string' && p.includes(input.createdId) ? p.replaceAll(input.createdId, newId) : p));
            const rows = (await tx.unsafe(s.sql, params as never[])) as unknown as { id?: string }[];
            if (/^insert into "cases"/i.test(s.sql) && rows[0]?.id) newId = rows[0].id;
          }
          throw ROLLBACK;
        }),
      ),
  );
  await measure('Create', 'createCase + audit (one subject), committed', async () => ({ input: intake(), raw: null }), (input) => createInTx(db, input, true));

  }
  // The 20th run of one prepared statement: PostgreSQL may switch to a generic plan after five.
  const twentiethRun: BenchResults['twentiethRun'] = [];
  if (queryLayer) {
    const prevPool = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = '1';
    const one = await openDatabase({ url });
    if (prevPool === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = prevPool;
    const oneRaw = postgres(url, { max: 1, onnotice: () => {} });
    drizzle({ client: oneRaw });
    for (const [kind, input] of searches) {
      const q = input();
      const statement = toStatement(caseListQuery(db, supervisor, { q }, await searchPlanFor(db, q)));
      const appTimes: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < 25; i++) {
        let t0 = performance.now();
        await listCases(one.db, supervisor, { q });
        appTimes.push(performance.now() - t0);
        t0 = performance.now();
        await oneRaw.unsafe(statement.sql, statement.params as never[]);
        rawTimes.push(performance.now() - t0);
      }
      twentiethRun.push({ name: `search: ${kind}`, appMs: appTimes[19]!, rawMs: rawTimes[19]!, appP50: latency(appTimes.slice(5)).p50, rawP50: latency(rawTimes.slice(5)).p50 });
    }
    await Promise.all([one.close(), oneRaw.end()]);
  }

  // ── Summaries and the export: time and memory ─────────────────────────────────────────
  const summaries: BenchResults['summaries'] = [];
  let exportResult: BenchResults['export'] = null;
  if (!opts.skipHeavy) {
    const month = addMonths(localDate('Asia/Jakarta').slice(0, 7), -1);
    const year = Number(month.slice(0, 4));
    if (!opts.skipSummaries) {
      // On their own connections (application_name payung-bench-summary), so that one over its
      // time budget can be cancelled in the database rather than left running.
      const summaryHandle = await openDatabase({ url: withParams(url, { application_name: 'payung-bench-summary' }) });
      for (const [label, period, budget] of [
        ['one month, all missions', month, opts.summarySeconds],
        ['one year, all missions', String(year - 1), opts.summarySeconds * 2],
        ['ten years, all missions', `${year - 9}..${year}`, opts.summarySeconds * 3],
      ] as const) {
        global.gc?.();
        const run = withPeakRss(() => computeSummary(summaryHandle.db, supervisor, parsePeriod(period)!, { kind: 'all' }));
        const outcome = await Promise.race([run.then((r) => ({ ...r, done: true })), new Promise<null>((r) => setTimeout(() => r(null), budget * 1000))]);
        if (!outcome) {
          await cancelUntilSettled(raw, 'payung-bench-summary', run);
          summaries.push({ period, label, runs: 1, ms: budget * 1000, rssGrowthMb: -1, timedOut: true });
          console.log(`  summary ${label} (${period}): not done after ${budget} s, cancelled`);
          continue;
        }
        summaries.push({ period, label, runs: 1, ms: outcome.ms, rssGrowthMb: outcome.rssGrowthMb });
        console.log(`  summary ${label} (${period}): ${(outcome.ms / 1000).toFixed(2)} s, peak RSS +${outcome.rssGrowthMb} MB`);
    }
    await summaryHandle.close();
    }
    exportResult = await measureExport(db, raw, supervisor);
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────
  const http = opts.http ? await runHttp({ base: opts.http, url, db, recorder: rec, supervisor, kul, caseIds: sampleCases.map((c) => c.id), skipHeavy: opts.skipSummaries,
        appDatabaseUrl: withParams(url, { application_name: 'payung-bench-app' }),
        cancelAppStatements: () => cancelUntilSettled(raw, 'payung-bench-app', idleFor(raw, 'payung-bench-app')),
      }) : null;

  const results: BenchResults = { date: now.toISOString(), machine, data, iterations: opts.iterations, operations, twentiethRun, summaries, export: exportResult, http, plans: plansOf(explained), targets: [] };
  results.targets = judgeTargets(results);
  console.log(`\n${renderTable(results)}`);
  writeResults(results, explained);
  finish(failures);
  await Promise.all([raw.end(), recClient.end(), handle.close()]);
}

const plansOf = (explained: ExplainedQuery[]) =>
  explained.map((e) => ({ name: e.name, executionMs: e.executionMs, problems: e.problems.filter(isFailure).map((p) => p.detail), sorts: e.problems.filter((p) => !isFailure(p)).map((p) => p.detail) }));

function writeResults(results: BenchResults, explained: ExplainedQuery[]) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), renderMarkdown(results, explained));
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.json'))} and latest.md`);
}

function finish(failures: string[]) {
  if (failures.length === 0) {
    console.log('Plans: no sequential scan of a big table and no OFFSET in any screen query.');
    return;
  }
  console.error(`\nPLAN CHECK FAILED: ${failures.length} screen quer${failures.length === 1 ? 'y reads' : 'ies read'} a big table whole or page${failures.length === 1 ? 's' : ''} by OFFSET:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exitCode = 1;
}

/**
 * The id under which the benchmark's export records its cases (export_cases). The record is kept,
 * one export's worth, as in a database in use: the access log's plan is read against it.
 */
const BENCH_EXPORT_ID = '00000000-0000-4000-8000-00000000be4c';

/** Writes the benchmark's export record if the database has none yet (after a fresh seed), as the export writes it. */
async function keepBenchExportRecord(raw: postgres.Sql): Promise<void> {
  const [{ n }] = (await raw`SELECT count(*)::int AS n FROM export_cases WHERE export_id = ${BENCH_EXPORT_ID}`) as unknown as [{ n: number }];
  if (n > 0) return;
  await raw`INSERT INTO export_cases (export_id, case_id) SELECT ${BENCH_EXPORT_ID}::uuid, id FROM cases WHERE status = 'closed' ORDER BY id`;
  await raw`ANALYZE export_cases`;
}

/** The case-list export of every closed case: the app's export into a CSV file, the keyset batches raw (the embedded database's and workbooks' path), and one raw COPY of the same rows. */
async function measureExport(db: Db, raw: postgres.Sql, supervisor: Actor): Promise<Record<string, number>> {
  const file = path.join(os.tmpdir(), `payung-bench-export-${process.pid}.csv`);
  const exportId = BENCH_EXPORT_ID;
  await raw`DELETE FROM export_cases WHERE export_id = ${exportId}`;
  global.gc?.();
  const app = await withPeakRss(async () => {
    // What the export job does on PostgreSQL (lib/exports/runner.ts): one COPY streamed into the file,
    // recording the cases it reads for their access logs (export_cases) in the same statement.
    let rows = 0;
    const stream = caseExportCsvStream(db, supervisor, { status: 'closed' }, caseListColumns, exportId)!;
    const bytes = await caseListCsvFromCopy(file, caseListColumns, stream, (n) => (rows = n));
    return { rows, bytes };
  });
  fs.rmSync(file, { force: true });
  const now = new Date();
  const rawRun = await withPeakRss(async () => {
    let rows = 0;
    let after: { openedAt: string; id: string } | null = null;
    for (;;) {
      const s = caseExportQuery(db, supervisor, { status: 'closed' }, caseListColumns, now, after).toSQL();
      // Unnamed columns, as drizzle sends them: the keyset is the last two.
      const batch = (await raw.unsafe(s.sql, s.params as never[]).values()) as unknown as string[][];
      rows += batch.length;
      if (batch.length === 0) break;
      const last = batch.at(-1)!;
      after = { openedAt: last.at(-2)!, id: last.at(-1)! };
    }
    return rows;
  });
  const whole = caseExportQuery(db, supervisor, { status: 'closed' }, caseListColumns, now, null, 100_000_000).toSQL();
  const copy = await withPeakRss(async () => {
    const stream = await raw.unsafe(`COPY (${inlineParams(whole.sql, whole.params)}) TO STDOUT (FORMAT csv)`).readable();
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return bytes;
  });
  const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
  const result = {
    rows: app.value.rows,
    appSeconds: Math.round(app.ms) / 1000,
    appRowsPerSecond: perSecond(app.value.rows, app.ms),
    appRssGrowthMb: app.rssGrowthMb,
    rawBatchesRowsPerSecond: perSecond(rawRun.value, rawRun.ms),
    rawBatchesRssGrowthMb: rawRun.rssGrowthMb,
    copyRowsPerSecond: perSecond(app.value.rows, copy.ms),
    fileMb: Math.round(app.value.bytes / 1024 / 1024),
  };
  console.log(`  export of ${result.rows.toLocaleString('en')} closed cases: app ${result.appRowsPerSecond.toLocaleString('en')} rows/s (+${result.appRssGrowthMb} MB), raw batches ${result.rawBatchesRowsPerSecond.toLocaleString('en')} rows/s, COPY ${result.copyRowsPerSecond.toLocaleString('en')} rows/s`);
  return result;
}

/** A connection URL with parameters PostgreSQL takes at connection (postgres.js passes the query string on). */
function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/** Cancels the named connections' statements until the work using them has given up. */
export async function cancelUntilSettled(raw: postgres.Sql, applicationName: string, work: Promise<unknown>): Promise<void> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    await raw`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = ${applicationName} AND state = 'active'`;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Settles once no statement of the named connections is running. */
async function idleFor(raw: postgres.Sql, applicationName: string): Promise<void> {
  for (;;) {
    const [{ n }] = (await raw`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${applicationName} AND state = 'active'`) as unknown as [{ n: number }];
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function describeMachine(raw: postgres.Sql): Promise<Record<string, unknown>> {
  const settings = (await raw`SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_connections', 'random_page_cost', 'synchronous_commit', 'max_parallel_workers_per_gather')`) as unknown as { name: string; setting: string; unit: string | null }[];
  const [{ version }] = (await raw`SELECT version()`) as unknown as [{ version: string }];
  const pretty = (s: { setting: string; unit: string | null }) => {
    if (s.unit === '8kB') return `${Math.round((Number(s.setting) * 8) / 1024)} MB`;
    if (s.unit === 'kB') return `${Math.round(Number(s.setting) / 1024)} MB`;
    return s.setting;
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    postgres: version.split(' on ')[0],
    settings: Object.fromEntries(settings.map((s) => [s.name, pretty(s)])),
  };
}

async function describeData(raw: postgres.Sql): Promise<Record<string, number>> {
  const tables = ['cases', 'persons', 'case_parties', 'case_steps', 'case_events', 'approvals', 'transfers', 'detentions', 'consular_visits', 'age_claims', 'financial_claims', 'claim_payments', 'audit_events'];
  const rows = (await raw`SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relname = ANY(${tables}) AND relkind = 'r'`) as unknown as { relname: string; n: string }[];
  const [{ size }] = (await raw`SELECT pg_database_size(current_database())::bigint AS size`) as unknown as [{ size: string }];
  const [{ open }] = (await raw`SELECT count(*)::int AS open FROM cases WHERE status <> 'closed'`) as unknown as [{ open: number }];
  return { ...Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)])), open_cases: open, database_mb: Math.round(Number(size) / 1024 / 1024) };
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
