/**
 * `DATABASE_URL=postgres://… npm run bench:reports`: how long the directorate waits for its
 * monthly work on whatever data the database holds (e.g. after `npm run demo:generate -- --cases
 * 100000`): summaries of a mission and of all missions for a month, a quarter, a year and ten
 * years; their files; locking a mission's months one after another (each lock re-checks the
 * earlier locked months for corrections); and case-list exports. Wall-clock, median of 3 runs.
 * Locks are written in a transaction that is rolled back: the database is left as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTranslator } from 'use-intl/core';
import { getHandle } from '@/db';
import { caseExportBatches } from '@/db/queries/case-export';
import { lockMonth, summaryFor } from '@/db/queries/month-locks';
import { localDate } from '@/db/queries/steps';
import { missions, users } from '@/db/schema';
import { addMonths, parsePeriod } from '@/lib/domain/periods';
import en from '@/lib/i18n/messages/en.json';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { caseListCsvWriter } from '@/lib/reports/case-list';
import { renderSummary } from '@/lib/reports/render';
import { actorOf } from '@/lib/testing/actors';

const RUNS = 3;

/** Median wall-clock time of RUNS runs, and how far the process's memory rose above where it started (sampled every 10 ms). */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T; memoryMb: number }> {
  const times: number[] = [];
  let value!: T;
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await run();
    times.push(performance.now() - t0);
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, value, memoryMb: (peak - start) / 1024 / 1024 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL: the benchmark is for PostgreSQL');
  const handle = await getHandle();
  const db = handle.db;
  const [sup] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
  const supervisor = actorOf('supervisor', { id: sup?.id ?? null, timeZone: 'Asia/Jakarta', locale: 'en' });
  const [{ n }] = (await db.execute(sql`SELECT count(*)::int AS n FROM cases`)) as unknown as [{ n: number }];
  // The busiest mission is the one whose monthly summary takes longest.
  const [busiest] = (await db.execute(sql`SELECT m.code, count(*)::int AS n FROM cases c JOIN missions m ON m.id = c.mission_id GROUP BY m.code ORDER BY n DESC LIMIT 1`)) as unknown as [{ code: string; n: number }];
  const month = addMonths(localDate('Asia/Jakarta').slice(0, 7), -1);
  const year = month.slice(0, 4);
  const quarter = `${year}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
  console.log(`# Reports on ${n.toLocaleString('en')} cases (${new Date().toISOString()})\n`);
  console.log(`PostgreSQL, Node ${process.version}; busiest mission ${busiest!.code} (${busiest!.n.toLocaleString('en')} cases); median of ${RUNS} runs, wall-clock.\n`);
  console.log('| what | time | figures |\n| --- | --- | --- |');
  const row = (what: string, ms: number, note: string) => console.log(`| ${what} | ${seconds(ms)} | ${note} |`);

  const summaries: [string, string, { kind: 'all' } | { kind: 'mission'; code: string }][] = [
    [`${busiest!.code}, ${month}`, month, { kind: 'mission', code: busiest!.code }],
    [`all missions, ${month}`, month, { kind: 'all' }],
    [`all missions, ${quarter}`, quarter, { kind: 'all' }],
    [`all missions, ${year}`, year, { kind: 'all' }],
    [`all missions, ${Number(year) - 9}..${year}`, `${Number(year) - 9}..${year}`, { kind: 'all' }],
  ];
  let yearSummary = null;
  for (const [label, period, scope] of summaries) {
    const { ms, value, memoryMb } = await timed(() => summaryFor(db, supervisor, parsePeriod(period)!, scope));
    if (period === year) yearSummary = value;
    const figures = `new ${value.flow.new.toLocaleString('en')}, open at end ${value.flow.openAtEnd.toLocaleString('en')}, trafficking ${value.trafficking.at(-1)!.cases}`;
    row(`summary: ${label}`, ms, `${figures}; Node memory +${memoryMb.toFixed(0)} MB`);
  }
  const t = createTranslator({ locale: 'en', messages: en });
  const i18n = { t: t as never, number: (x: number) => x.toLocaleString('en'), now: new Date().toISOString(), locale: 'en' };
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    const { ms, value } = await timed(() => renderSummary(yearSummary!, format, i18n));
    row(`file of the ${year} summary: ${format}`, ms, `${(value.byteLength / 1024).toFixed(0)} KB`);
  }

  // The busiest mission's officer in charge locks its last 12 months, oldest first; rolled back.
  const [mission] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, busiest!.code));
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.missionId, mission!.id)).limit(1);
  const head = actorOf('officer', { id: officer!.id, missionId: mission!.id, missionCode: busiest!.code, isMissionHead: true, timeZone: 'Asia/Jakarta' });
  const lockTimes: number[] = [];
  await db
    .transaction(async (tx) => {
      for (let i = 11; i >= 0; i--) {
        const t0 = performance.now();
        await lockMonth(tx, head, addMonths(month, -i));
        lockTimes.push(performance.now() - t0);
      }
      throw new Error('rollback');
    })
    .catch((e) => {
      if ((e as Error).message !== 'rollback') throw e;
    });
  row(`lock ${busiest!.code}'s first month (no earlier locked month)`, lockTimes[0]!, '');
  row(`lock ${busiest!.code}'s 12th month (11 earlier locked months re-checked)`, lockTimes.at(-1)!, '');

  for (const [label, filter] of [
    ['all open cases', {}],
    ['all closed cases', { status: 'closed' }],
  ] as const) {
    const { ms, value } = await timed(async () => {
      const file = path.join(os.tmpdir(), `payung-bench-${process.pid}-${Date.now()}.csv`);
      const writer = caseListCsvWriter(file, caseListColumns);
      for await (const batch of caseExportBatches(db, supervisor, filter, caseListColumns)) await writer.add(batch);
      const size = await writer.close();
      fs.rmSync(file);
      return size;
    });
    row(`case list, every column, CSV: ${label}`, ms, `${(value / 1024 / 1024).toFixed(1)} MB`);
  }
  await handle.close();
}

main().catch((e) => {
  console.error(`bench:reports failed: ${(e as Error).stack}`);
  process.exit(1);
});
