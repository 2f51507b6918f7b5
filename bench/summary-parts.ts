/**
 * The monthly summary of all missions, taken apart: each of its statements timed alone, with its
 * plan (EXPLAIN ANALYZE, BUFFERS) on request, then the whole computeSummary as the app runs it
 * (the statements side by side on the pool). PostgreSQL only.
 *   DATABASE_URL=postgres://…/payung_bench_1m npx tsx --conditions=react-server bench/summary-parts.ts [--period 2026-11] [--rounds 2] [--plans] [--work-mem 64MB]
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { getHandle } from '@/db';
import { computeSummary, summaryStatements } from '@/db/queries/summary';
import { missions, users } from '@/db/schema';
import { parsePeriod } from '@/lib/domain/periods';
import { actorOf } from '@/lib/testing/actors';

async function main() {
  const { values } = parseArgs({ options: { period: { type: 'string', default: '2026-11' }, rounds: { type: 'string', default: '2' }, plans: { type: 'boolean', default: false }, 'work-mem': { type: 'string' } } });
  const period = parsePeriod(values.period!);
  if (!period) throw new Error(`not a period: ${values.period}`);
  const handle = await getHandle();
  // JIT off, as the app's connections run (db/index.ts)
  const raw = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, connection: { jit: 'off' } });
  if (values['work-mem']) await raw.unsafe(`SET work_mem = '${values['work-mem'].replace(/[^0-9A-Za-z]/g, '')}'`);
  const scopeIds = (await handle.db.select({ id: missions.id }).from(missions)).map((m) => m.id);
  const [sup] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
  const supervisor = actorOf('supervisor', { id: sup!.id, timeZone: 'Asia/Jakarta', locale: 'en' });
  const dialect = new PgDialect();
  const statements = Object.entries(summaryStatements(scopeIds, period)).map(([name, s]) => ({ name, ...dialect.sqlToQuery(s) }));
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const s of statements) {
      const started = performance.now();
      await raw.unsafe(s.sql, s.params as never[]);
      console.log(`round ${round} ${s.name.padEnd(8)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
    }
    const started = performance.now();
    await computeSummary(handle.db, supervisor, period, { kind: 'all' });
    console.log(`round ${round} computeSummary ${(performance.now() - started).toFixed(0)} ms`);
  }
  if (values.plans) {
    for (const s of statements) {
      const plan = (await raw.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params as never[])) as unknown as { 'QUERY PLAN': string }[];
      console.log(`\n## ${s.name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await raw.end();
  await handle.close();
}

void main();
