/**
 * `DATABASE_URL=postgres://… PGLITE_DIR=… npm run bench:embedded`: every screen query through the
 * app's query layer on the embedded database (PGlite) next to the same on PostgreSQL, both holding
 * the same generated data (`npm run demo:generate -- --cases 100000` into each). Prints the median
 * of each and the ratio; the target is PGlite ≤ 3 × PostgreSQL. Writes bench/results/embedded.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { type DbHandle, openDatabase } from '@/db';
import { listCaseEvents } from '@/db/queries/case-timeline';
import { getCase, listCases } from '@/db/queries/cases';
import { listDocuments } from '@/db/queries/documents';
import { getLegalTrack } from '@/db/queries/legal';
import { countQueue, listQueue } from '@/db/queries/queues';
import { listSteps } from '@/db/queries/steps';
import { missions } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { queueViews } from '@/lib/domain/queues';
import { actorOf } from '@/lib/testing/actors';

const RUNS = Number(process.env.BENCH_RUNS || 30);
const TARGET_RATIO = 3;

interface Probe {
  label: string;
  run: (h: DbHandle) => Promise<unknown>;
}

/** Values both databases hold (the generator is deterministic), read from PostgreSQL. */
async function samples(h: DbHandle) {
  const one = async (text: string) => ((await h.db.execute(sql.raw(text))) as unknown as Record<string, string>[])[0]!;
  const person = await one(`SELECT nik, passport_number FROM persons WHERE nik IS NOT NULL AND passport_number IS NOT NULL ORDER BY nik LIMIT 1 OFFSET 500`);
  const party = await one(`SELECT pseudonym FROM case_parties ORDER BY pseudonym LIMIT 1 OFFSET 777`);
  const word = await one(`SELECT split_part(full_name, ' ', 1) AS w FROM persons WHERE full_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  return { nik: person.nik!, passport: person.passport_number!, pseudonym: party.pseudonym!, name: word.w! };
}

async function caseIdOf(h: DbHandle, pseudonym: string): Promise<string> {
  const rows = (await h.db.execute(sql`SELECT case_id FROM case_parties WHERE pseudonym = ${pseudonym}`)) as unknown as { case_id: string }[];
  return (rows[0] ?? (rows as unknown as { rows: { case_id: string }[] }).rows?.[0])!.case_id;
}

function probes(s: Awaited<ReturnType<typeof samples>>, officerOf: (h: DbHandle) => Promise<Actor>): Probe[] {
  const supervisor = actorOf('supervisor', { id: null, timeZone: 'Asia/Jakarta' });
  const list: Probe[] = [
    { label: 'My cases, officer, page 1', run: async (h) => listCases(h.db, await officerOf(h), {}) },
    { label: 'all cases, supervisor, closed', run: (h) => listCases(h.db, supervisor, { status: 'closed' }) },
    { label: 'search NIK', run: (h) => listCases(h.db, supervisor, { q: s.nik }) },
    { label: 'search passport', run: (h) => listCases(h.db, supervisor, { q: s.passport }) },
    { label: 'search pseudonym', run: (h) => listCases(h.db, supervisor, { q: s.pseudonym }) },
    { label: `search name "${s.name}"`, run: (h) => listCases(h.db, supervisor, { q: s.name }) },
    { label: 'search reference prefix', run: (h) => listCases(h.db, supervisor, { q: s.pseudonym.slice(0, 12) }) },
    {
      label: 'case page data',
      run: async (h) => {
        const id = await caseIdOf(h, s.pseudonym);
        return Promise.all([getCase(h.db, supervisor, id), listCaseEvents(h.db, id), listDocuments(h.db, id), listSteps(h.db, id), getLegalTrack(h.db, id)]);
      },
    },
  ];
  for (const view of [undefined, ...queueViews]) {
    list.push({ label: `queue ${view ?? 'all open'}`, run: (h) => listQueue(h.db, supervisor, { view, sort: 'opened', dir: 'asc' }) });
    list.push({ label: `queue ${view ?? 'all open'} count`, run: (h) => countQueue(h.db, supervisor, { view, sort: 'opened', dir: 'asc' }) });
  }
  return list;
}

async function median(h: DbHandle, probe: Probe): Promise<number> {
  for (let i = 0; i < 3; i++) await probe.run(h);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await probe.run(h);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const dir = process.env.PGLITE_DIR;
  if (!url || !dir) throw new Error('set DATABASE_URL (PostgreSQL) and PGLITE_DIR (the embedded copy of the same data)');
  const pg = await openDatabase({ url });
  const lite = await openDatabase({ dir });
  for (const h of [pg, lite]) await h.db.execute(sql`ANALYZE`);
  const officers = new Map<DbHandle, Actor>();
  const officerOf = async (h: DbHandle) => {
    if (!officers.has(h)) {
      const [kul] = await h.db.select({ id: missions.id }).from(missions).where(eq(missions.code, 'KUL'));
      officers.set(h, actorOf('officer', { id: null, missionId: kul!.id, timeZone: 'Asia/Kuala_Lumpur' }));
    }
    return officers.get(h)!;
  };
  const s = await samples(pg);
  const rows: { operation: string; postgres_ms: number; pglite_ms: number; ratio: number }[] = [];
  console.log(`Embedded vs PostgreSQL, median of ${RUNS} runs each (${os.cpus().length} cores, ${new Date().toISOString()})\n`);
  console.log(`${'operation'.padEnd(40)} ${'PostgreSQL'.padStart(11)} ${'PGlite'.padStart(9)} ${'ratio'.padStart(6)}`);
  for (const probe of probes(s, officerOf)) {
    const a = await median(pg, probe);
    const b = await median(lite, probe);
    rows.push({ operation: probe.label, postgres_ms: round(a), pglite_ms: round(b), ratio: round(b / a) });
    console.log(`${probe.label.padEnd(40)} ${a.toFixed(2).padStart(8)} ms ${b.toFixed(2).padStart(6)} ms ${(b / a).toFixed(1).padStart(5)}×${b / a > TARGET_RATIO ? '  over target' : ''}`);
  }
  const out = path.join('bench', 'results', 'embedded.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, targetRatio: TARGET_RATIO, rows }, null, 2)}\n`);
  await Promise.all([pg.close(), lite.close()]);
}

const round = (n: number) => Math.round(n * 100) / 100;

main().catch((e) => {
  console.error(`bench:embedded failed: ${(e as Error).message}`);
  process.exit(1);
});
