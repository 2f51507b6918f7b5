/**
 * `DATABASE_URL=postgres://… npm run bench:seed -- --cases 1000000 [--seed 20261128] [--years 10] [--now 2026-12-01]`:
 * the benchmark's data set. Migrates and seeds an empty database as the app does, then writes
 * realistic cases — the demo generator's cases (db/demo/generate.ts: missions, categories,
 * statuses, people, steps, timeline, court track) with the rest of their history (bench/history.ts)
 * — through COPY, a chunk of cases a transaction, every trigger firing as for any writer.
 * Deterministic: the same seed and day give the same data. Ends with VACUUM ANALYZE.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Faker, base, en, id_ID } from '@faker-js/faker';
import { eq, sql as dsql } from 'drizzle-orm';
import postgres from 'postgres';
import { prepareDatabase } from '@/db/bootstrap';
import { addDemoCase, demoContext, demoOpenings, saveDemoCounters } from '@/db/demo/generate';
import { getHandle } from '@/db';
import { emptyCaseBatch } from '@/db/queries/case-batch';
import * as schema from '@/db/schema';
import { type CopyChunk, copyChunk } from './copy';
import { addHistory, emptyHistory, type HistoryContext } from './history';

const CHUNK = 5_000;

/** The tables COPY writes. */
const LOADED = ['persons', 'cases', 'case_parties', 'trafficking_assessments', 'case_steps', 'case_events', 'legal_proceedings', 'detentions', 'hearings', 'approvals', 'transfers', 'consular_visits', 'age_claims', 'financial_claims', 'claim_payments'];
/**
 * Tables whose statement triggers keep cases.next_due_on, cases.overdue_from,
 * cases.has_child_subject, cases.awaiting_approval and the subjects' label and count (migrations
 * 0013, 0016, 0024, 0035): switched off
 * during the load, and their rule applied to every case once at the end (backfillTriggerColumns)
 * instead of once a chunk.
 */
const DERIVING_TABLES = ['case_parties', 'case_steps', 'age_claims', 'approvals'];

/**
 * What the switched-off triggers would have written, set-wise, as their migrations backfill it:
 * the due dates from the open steps, and the child flag by case_has_child() — the rule's one
 * definition — asked only of cases with a subject near 18 or an age claim; the subjects' label
 * and the parties' names by cases_refresh_subjects(), their one definition, for every case with a party.
 */
async function backfillTriggerColumns(client: postgres.Sql): Promise<void> {
  await client`
    UPDATE cases c SET next_due_on = d.next_due, overdue_from = d.overdue_from
    FROM (SELECT case_id, min(due_date) AS next_due, min(due_date + grace_days) AS overdue_from
          FROM case_steps WHERE status IN ('planned', 'in_progress') GROUP BY case_id) d
    WHERE c.id = d.case_id`;
  await client`
    UPDATE cases SET has_child_subject = true
    WHERE id IN (SELECT cp.case_id FROM case_parties cp JOIN persons p ON p.id = cp.person_id JOIN cases c ON c.id = cp.case_id
                 WHERE cp.role = 'subject' AND p.date_of_birth > c.opened_at::date - interval '18 years 2 days'
                 UNION SELECT case_id FROM age_claims)
      AND case_has_child(id)`;
  await client`UPDATE cases SET awaiting_approval = true WHERE id IN (SELECT case_id FROM approvals WHERE status = 'pending')`;
  await client`SELECT cases_refresh_subjects(ARRAY(SELECT DISTINCT case_id FROM case_parties))`;
}

/**
 * The secondary indexes of the loaded tables, dropped before the load and built again after it
 * from their own definitions: a sorted build of a million rows is many times faster than a
 * million inserts into each of twenty indexes. Constraints (primary keys, unique, foreign keys)
 * stay and check each row as it comes; case_parties_case_idx stays for case_has_child().
 */
async function dropSecondaryIndexes(client: postgres.Sql): Promise<{ name: string; definition: string }[]> {
  const rows = (await client`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ANY(${LOADED}) AND i.indexname <> 'case_parties_case_idx'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
    ORDER BY i.tablename, i.indexname`) as unknown as { name: string; definition: string }[];
  for (const r of rows) await client.unsafe(`DROP INDEX ${r.name}`);
  return rows;
}

/**
 * The loaded tables' foreign keys, dropped for the load and added again after it: checked row by
 * row, each child row locks its parent (FOR KEY SHARE) — most of COPY's time; added back, each
 * key is validated once by a join over the whole table.
 */
async function dropForeignKeys(client: postgres.Sql): Promise<{ table: string; name: string; definition: string }[]> {
  const rows = (await client`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(${LOADED})
    ORDER BY 1, 2`) as unknown as { table: string; name: string; definition: string }[];
  for (const r of rows) await client.unsafe(`ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}`);
  return rows;
}

/** Two builders at once (two cores), the biggest first. */
async function buildIndexes(url: string, indexes: { name: string; definition: string }[]): Promise<void> {
  const queue = [...indexes];
  const builder = async () => {
    const conn = postgres(url, { max: 1, onnotice: () => {} });
    await conn`SET maintenance_work_mem = '512MB'`;
    for (let next = queue.shift(); next; next = queue.shift()) await conn.unsafe(next.definition);
    await conn.end();
  };
  await Promise.all([builder(), builder()]);
}

function chunksOf(batch: ReturnType<typeof emptyCaseBatch>, history: ReturnType<typeof emptyHistory>): CopyChunk[] {
  // Parents before children, as the foreign keys want.
  return [
    copyChunk(schema.persons, batch.persons),
    copyChunk(schema.cases, batch.cases),
    copyChunk(schema.caseParties, batch.parties),
    copyChunk(schema.traffickingAssessments, batch.assessments),
    copyChunk(schema.caseSteps, batch.steps),
    copyChunk(schema.caseEvents, batch.events),
    copyChunk(schema.legalProceedings, batch.proceedings),
    copyChunk(schema.detentions, batch.detentions),
    copyChunk(schema.hearings, batch.hearings),
    copyChunk(schema.approvals, batch.approvals),
    copyChunk(schema.transfers, history.transfers),
    copyChunk(schema.consularVisits, history.visits),
    copyChunk(schema.ageClaims, history.ageClaims),
    copyChunk(schema.financialClaims, history.claims),
    copyChunk(schema.claimPayments, history.payments),
  ].filter((c) => c.rows > 0);
}

/** Milliseconds each table's COPY took, summed: where the database's time went. */
const copyMs: Record<string, number> = {};

async function writeChunks(client: postgres.Sql, monitor: postgres.Sql, chunks: CopyChunk[]): Promise<void> {
  await client.begin(async (tx) => {
    const [{ pid }] = (await tx`SELECT pg_backend_pid() AS pid`) as unknown as [{ pid: number }];
    for (const c of chunks) {
      const t0 = performance.now();
      const stream = await tx`COPY ${tx(c.table)} (${tx(c.columns)}) FROM STDIN`.writable();
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
      });
      stream.end(c.text);
      // postgres.js drops a COPY's error once its stream has ended ('finish' then never comes):
      // watch the backend from another connection, and stop when its transaction has failed.
      let watching = true;
      const failed = (async () => {
        while (watching) {
          await new Promise((r) => setTimeout(r, 1000));
          const [row] = (await monitor`SELECT state FROM pg_stat_activity WHERE pid = ${pid}`) as unknown as [{ state: string } | undefined];
          if (watching && row?.state === 'idle in transaction (aborted)') throw new Error(`COPY into ${c.table} failed: PostgreSQL's log says why`);
        }
      })();
      await Promise.race([finished, failed]).finally(() => {
        watching = false;
      });
      copyMs[c.table] = (copyMs[c.table] ?? 0) + performance.now() - t0;
    }
  });
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '20261128' },
      years: { type: 'string', default: '10' },
      now: { type: 'string' },
    },
  });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  const years = Number(values.years);
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a whole number above 0 (got ${values.cases})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${values.seed})`);
  if (!(years > 0 && years <= 30)) throw new Error(`--years must be between 1 and 30 (got ${values.years})`);
  // Today at midnight UTC unless told: the same seed on the same day gives the same data.
  const now = new Date(`${values.now ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date YYYY-MM-DD (got ${values.now})`);
  return { cases, seed, years, now };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to an empty PostgreSQL database: the benchmark runs on PostgreSQL only');
  const opts = parseOptions();
  const started = performance.now();
  const handle = await getHandle();
  await prepareDatabase({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false }, handle);
  const db = handle.db;
  const [{ n }] = (await db.select({ n: dsql<number>`count(*)::int` }).from(schema.cases)) as [{ n: number }];
  if (n > 0) throw new Error(`the database already has ${n.toLocaleString('en')} cases: seed a fresh database (createdb …)`);

  const ctx = await demoContext(db, opts.now);
  const [supervisor] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'supervisor@payung.test'));
  const countries = await db.select({ id: schema.missions.id, country: schema.missions.country }).from(schema.missions);
  const hctx: HistoryContext = { ...ctx, countryOf: new Map(countries.map((m) => [m.id, m.country])), supervisorId: supervisor?.id ?? null };
  // Two streams: the cases exactly as `npm run demo:generate` makes them for this seed, and their further history.
  const faker = new Faker({ locale: [id_ID, en, base], seed: opts.seed });
  const historyFaker = new Faker({ locale: [id_ID, en, base], seed: opts.seed + 1 });
  const openings = demoOpenings(faker, opts.cases, opts.years, opts.now);
  console.log(`Seeding ${opts.cases.toLocaleString('en')} cases over ${opts.years} years to ${opts.now.toISOString().slice(0, 10)} (seed ${opts.seed}) by COPY, ${CHUNK.toLocaleString('en')} cases a transaction…`);

  const client = postgres(url, { max: 1, onnotice: () => {} });
  const monitor = postgres(url, { max: 1 });
  const indexes = await dropSecondaryIndexes(client);
  const foreignKeys = await dropForeignKeys(client);
  for (const table of DERIVING_TABLES) await client.unsafe(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  console.log(`Dropped ${indexes.length} secondary indexes, ${foreignKeys.length} foreign keys and the deriving triggers of ${DERIVING_TABLES.join(', ')} until the load is done (if it stops half-way, drop the database and start again).`);
  const rows: Record<string, number> = {};
  let writing: Promise<void> = Promise.resolve();
  let done = 0;
  let lastPrinted = 0;
  let waitMs = 0;
  const loadStarted = performance.now();
  for (let offset = 0; offset < opts.cases; offset += CHUNK) {
    const batch = emptyCaseBatch();
    const history = emptyHistory();
    const end = Math.min(opts.cases, offset + CHUNK);
    for (let i = offset; i < end; i++) {
      addHistory(historyFaker, hctx, batch, history, addDemoCase(faker, ctx, batch, openings[i]!));
      // Let the previous chunk's COPY stream on while this one is built.
      if (i % 500 === 499) await yieldToIo();
    }
    const chunks = chunksOf(batch, history);
    const waitStarted = performance.now();
    await writing;
    waitMs += performance.now() - waitStarted;
    done = offset;
    for (const c of chunks) rows[c.table] = (rows[c.table] ?? 0) + c.rows;
    writing = writeChunks(client, monitor, chunks).then(() => {
      done = end;
    });
    if (performance.now() - lastPrinted > 5000) {
      lastPrinted = performance.now();
      const seconds = (performance.now() - loadStarted) / 1000;
      const rate = done / seconds;
      console.log(
        `  ${done.toLocaleString('en')} / ${opts.cases.toLocaleString('en')} cases written (${Math.round((done / opts.cases) * 100)}%), ` +
          `${seconds.toFixed(0)} s, ${Math.round(rate).toLocaleString('en')} cases/s, about ${Math.round((opts.cases - done) / Math.max(rate, 1))} s to go`,
      );
    }
  }
  await writing;
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await saveDemoCounters(db, ctx.counters, { action: 'system.bench_seed', details: { cases: opts.cases, seed: opts.seed, years: opts.years, now: opts.now.toISOString() } });
  const rowTotal = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`Wrote ${rowTotal.toLocaleString('en')} rows in ${loadSeconds.toFixed(0)} s (${Math.round(rowTotal / loadSeconds).toLocaleString('en')} rows/s): ${Object.entries(rows).map(([t, k]) => `${t} ${k.toLocaleString('en')}`).join(', ')}`);
  console.log(`Waited ${(waitMs / 1000).toFixed(0)} s for the database; built rows the rest of the time.`);
  console.log(`Time in COPY by table: ${Object.entries(copyMs).map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  const derivedStarted = performance.now();
  await backfillTriggerColumns(client);
  for (const table of DERIVING_TABLES) await client.unsafe(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  console.log(`Due dates, child flags and subjects' labels of every case set by the triggers' rules in ${((performance.now() - derivedStarted) / 1000).toFixed(0)} s; triggers back on.`);
  const indexStarted = performance.now();
  await buildIndexes(url, indexes);
  console.log(`Built ${indexes.length} indexes in ${((performance.now() - indexStarted) / 1000).toFixed(0)} s.`);
  const keysStarted = performance.now();
  for (const k of foreignKeys) await client.unsafe(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.definition}`);
  console.log(`Validated and added ${foreignKeys.length} foreign keys in ${((performance.now() - keysStarted) / 1000).toFixed(0)} s.`);
  const vacuumStarted = performance.now();
  await client.unsafe('VACUUM (ANALYZE)');
  console.log(`VACUUM ANALYZE in ${((performance.now() - vacuumStarted) / 1000).toFixed(0)} s. Done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  await client.end();
  await monitor.end();
  await handle.close();
}

main().catch((e) => {
  console.error(`bench:seed failed: ${(e as Error).message}`);
  process.exit(1);
});
