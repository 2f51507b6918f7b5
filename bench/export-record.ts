/**
 * The case-list export with and without recording its cases for their access logs (export_cases),
 * alternately on one database: what the record costs at this size. PostgreSQL only.
 *   DATABASE_URL=postgres://…/payung_bench_1m npx tsx bench/export-record.ts [--rounds 3]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { getHandle } from '@/db';
import { caseExportCsvStream } from '@/db/queries/case-export';
import { users } from '@/db/schema';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { caseListCsvFromCopy } from '@/lib/reports/case-list';
import { actorOf } from '@/lib/testing/actors';

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const handle = await getHandle();
  const raw = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [sup] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
  const supervisor = actorOf('supervisor', { id: sup!.id, timeZone: 'Asia/Jakarta', locale: 'en' });
  const file = path.join(os.tmpdir(), `payung-export-record-${process.pid}.csv`);
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const recorded of [false, true]) {
      const exportId = recorded ? randomUUID() : null;
      fs.rmSync(file, { force: true });
      const started = performance.now();
      let rows = 0;
      const stream = caseExportCsvStream(handle.db, supervisor, { status: 'closed' }, caseListColumns, exportId)!;
      await caseListCsvFromCopy(file, caseListColumns, stream, (n) => (rows = n));
      const seconds = (performance.now() - started) / 1000;
      const [{ n }] = exportId ? ((await raw`SELECT count(*)::int AS n FROM export_cases WHERE export_id = ${exportId}`) as unknown as [{ n: number }]) : [{ n: 0 }];
      console.log(`round ${round} ${recorded ? 'recorded  ' : 'unrecorded'}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s${exportId ? `; ${n.toLocaleString('en')} recorded` : ''}`);
      if (exportId) await raw`DELETE FROM export_cases WHERE export_id = ${exportId}`;
    }
  }
  fs.rmSync(file, { force: true });
  await raw.end();
  await handle.close();
}

void main();
