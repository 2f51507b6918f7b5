/**
 * `DATABASE_URL=postgres://… npm run bench:import [-- --rows 100000]`: writes a legacy case log
 * of 100,000 rows (one per person; cases of one to four people over ten years at the demo
 * missions) as CSV, imports it as `npm run import` does, and imports it again (every case
 * already there). Issue 7 asks for under a minute on PostgreSQL. Migrates and seeds an empty
 * database first; use a fresh one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '@/db/bootstrap';
import { getHandle } from '@/db';
import { DEMO_MISSIONS } from '@/db/seed';
import { importCases } from '@/db/queries/import';
import { systemActor } from '@/lib/actor';
import { caseOutcomes, categories, categoryCodes } from '@/lib/domain/cases';
import { readImportFile } from '@/lib/import/read';
import { type LogRow, csvOf } from '@/lib/testing/import-rows';

/** A small deterministic generator (mulberry32): the same file every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Sri', 'Siti', 'Dewi', 'Ani', 'Nur', 'Rina', 'Budi', 'Agus', 'Joko', 'Eko', 'Wayan', 'Made', 'Yuli', 'Fitri', 'Rudi', 'Hendra'];
const FAMILY = ['Wahyuni', 'Rahmawati', 'Lestari', 'Susanti', 'Hidayat', 'Santoso', 'Saputra', 'Kusuma', 'Pratama', 'Setiawan', 'Wijaya', 'Nugroho'];

export function legacyLog(rows: number, seed = 7): LogRow[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = (from: number, spanDays: number) => new Date(from + Math.floor(rnd() * spanDays) * 86_400_000).toISOString().slice(0, 10);
  const start = Date.UTC(2014, 0, 1);
  const out: LogRow[] = [];
  for (let n = 1; out.length < rows; n++) {
    const mission = pick(DEMO_MISSIONS).code;
    const openedOn = date(start, 3650);
    const category = pick(categoryCodes);
    const subs = categories[category] as readonly string[];
    const closed = rnd() < 0.8;
    const caseCells: LogRow = {
      case_ref: `${mission}/${openedOn.slice(0, 4)}/${n}`,
      mission_code: mission,
      opened_on: openedOn,
      category,
      subcategory: subs.length ? pick(subs) : '',
      status: closed ? 'closed' : pick(['new', 'in_progress', 'waiting_external'] as const),
      closed_on: closed ? date(Date.parse(openedOn), 200) : '',
      outcome: closed ? pick(caseOutcomes) : '',
    };
    // Most cases one citizen; some a couple or a crew, some with the people who exploited them.
    const size = rnd();
    const subjects = size < 0.7 ? 1 : size < 0.9 ? 2 : 3;
    const perpetrators = category === 'trafficking' ? 1 : rnd() < 0.1 ? 1 : 0;
    for (let s = 0; s < subjects && out.length < rows; s++) {
      const sex = rnd() < 0.6 ? 'F' : 'M';
      const dob = date(Date.UTC(1960, 0, 1), 16000);
      const [y, m, d] = dob.split('-') as [string, string, string];
      const nik = `${31 + Math.floor(rnd() * 40)}${pad(Math.floor(rnd() * 99) + 1)}${pad(Math.floor(rnd() * 99) + 1)}${pad(Number(d) + (sex === 'F' ? 40 : 0))}${m}${y.slice(2)}${pad(Math.floor(rnd() * 9998) + 1, 4)}`;
      out.push({
        ...caseCells,
        role: 'subject',
        full_name: `${pick(NAMES)} ${pick(FAMILY)}`,
        sex,
        date_of_birth: dob < openedOn ? dob : '',
        nik: dob < openedOn && rnd() < 0.7 ? nik : '',
        passport_no: rnd() < 0.5 ? `C${pad(Math.floor(rnd() * 9_999_999), 7)}` : '',
        nationality: 'ID',
        prosecution_stage: category === 'trafficking' && s === 0 && rnd() < 0.3 ? pick(['P-16', 'P-21', 'P-22', 'P-31']) : '',
      });
    }
    for (let p = 0; p < perpetrators && out.length < rows; p++) {
      out.push({ ...caseCells, role: pick(['recruiter', 'agent', 'employer', 'trafficker']), full_name: `${pick(NAMES)} ${pick(FAMILY)}`, sex: 'M', nationality: pick(['ID', 'MY', 'SA']) });
    }
  }
  return out;
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
  const rows = Number(values.rows);
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL: the target is PostgreSQL');
  const file = path.join(os.tmpdir(), `payung-legacy-${rows}.csv`);
  fs.writeFileSync(file, csvOf(legacyLog(rows)));
  const size = fs.statSync(file).size;

  const handle = await getHandle();
  await prepareDatabase({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false }, handle);
  const directorate = { ...systemActor, role: 'supervisor' as const };
  const run = async () => {
    const started = performance.now();
    const sheet = await readImportFile(new Uint8Array(fs.readFileSync(file)), file);
    const read = performance.now();
    let lastPrinted = 0;
    const result = await importCases(handle.db, directorate, sheet, {
      fileName: path.basename(file),
      via: 'command line',
      onProgress: (done, total) => {
        if (done === total || performance.now() - lastPrinted > 5000) {
          lastPrinted = performance.now();
          process.stderr.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        }
      },
    });
    const end = performance.now();
    return { result, readSeconds: (read - started) / 1000, totalSeconds: (end - started) / 1000 };
  };

  const first = await run();
  const second = await run();
  const line = (label: string, r: Awaited<ReturnType<typeof run>>) =>
    `| ${label} | ${r.totalSeconds.toFixed(1)} s | ${r.readSeconds.toFixed(1)} s | ${r.result.cases.toLocaleString('en')} | ${r.result.people.toLocaleString('en')} | ${r.result.skippedExisting.toLocaleString('en')} | ${r.result.errorCount} | ${r.result.warningCount} |`;
  console.log(`# Import of a ${rows.toLocaleString('en')}-row legacy case log (${new Date().toISOString()})\n`);
  console.log(`PostgreSQL ${handle.kind === 'postgres' ? '(DATABASE_URL)' : ''}, ${os.cpus().length} cores, Node ${process.version}; CSV of ${(size / 1_048_576).toFixed(1)} MB; batches of 1,000 cases, one transaction each.\n`);
  console.log('| run | total | of which reading the file | cases written | people | already imported | errors | warnings |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(line('first import', first));
  console.log(line('same file again', second));
  console.log(`\nTarget (issue 7): under 60 s for 100,000 rows on PostgreSQL — ${first.totalSeconds < 60 ? 'met' : 'NOT met'}.`);
  await handle.close();
  fs.rmSync(file, { force: true });
}

main().catch((e) => {
  console.error(`bench:import failed: ${(e as Error).message}`);
  process.exit(1);
});
