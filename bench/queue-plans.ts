/**
 * `DATABASE_URL=postgres://… npm run bench:queues`: the query plan and timing of every built-in
 * queue's first page and capped count, as a supervisor over all missions, on whatever data the
 * database holds (e.g. after `npm run demo:generate -- --cases 100000`). PostgreSQL only.
 */
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { getHandle } from '@/db';
import { queueCountQuery, queueListQuery } from '@/db/queries/queues';
import { users } from '@/db/schema';
import { actorOf } from '@/lib/testing/actors';
import { queueViews } from '@/lib/domain/queues';

const RUNS = 7;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL: the plans are PostgreSQL’s');
  const handle = await getHandle();
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const [sup] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
  const supervisor = actorOf('supervisor', { id: sup?.id ?? null, timeZone: 'Asia/Jakarta' });
  const [{ n }] = (await client`SELECT count(*)::int AS n FROM cases`) as unknown as [{ n: number }];
  await client`ANALYZE`;
  console.log(`# Queue plans on ${n.toLocaleString('en')} cases (${new Date().toISOString()})\n`);
  const now = new Date();
  const explain = async (label: string, query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    const times: number[] = [];
    let plan = '';
    for (let i = 0; i < RUNS; i++) {
      const rows = await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params as never[]);
      const lines = rows.map((r) => r['QUERY PLAN'] as string);
      times.push(Number(/Execution Time: ([\d.]+) ms/.exec(lines.at(-1) ?? '')?.[1] ?? Number.NaN));
      plan = lines.join('\n');
    }
    times.sort((a, b) => a - b);
    console.log(`## ${label}: median ${times[Math.floor(RUNS / 2)]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms\n\n\`\`\`\n${plan}\n\`\`\`\n`);
  };
  for (const view of [undefined, ...queueViews]) {
    const filter = { view, sort: 'opened' as const, dir: 'asc' as const };
    await explain(`${view ?? 'all open'} — page of 50`, queueListQuery(handle.db, supervisor, filter, now, 50));
    await explain(`${view ?? 'all open'} — count`, queueCountQuery(handle.db, supervisor, filter, now));
  }
  await client.end();
  await handle.close();
}

main().catch((e) => {
  console.error(`bench:queues failed: ${(e as Error).message}`);
  process.exit(1);
});
