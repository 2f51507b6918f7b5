/**
 * `npm run demo:generate -- --cases 100000 [--seed 20261128] [--years 10]`: adds realistic
 * generated history to the configured database (DATABASE_URL, or the embedded one in
 * PGLITE_DIR while the app is not running). Migrates and seeds an empty database first.
 */
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap';
import { generateDemoCases } from '../demo/generate';
import { dataDir, getHandle } from '../index';
import { refreshPlannerStatistics } from '../maintenance';

async function main() {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '1000' }, seed: { type: 'string', default: '20261128' }, years: { type: 'string', default: '10' }, batch: { type: 'string', default: '500' } },
  });
  const count = Number(values.cases);
  const seed = Number(values.seed);
  const years = Number(values.years);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--cases must be a whole number above 0 (got ${values.cases})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${values.seed})`);
  if (!(years > 0 && years <= 30)) throw new Error(`--years must be between 1 and 30 (got ${values.years})`);
  const handle = await getHandle();
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${dataDir()}`;
  await prepareDatabase({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false }, handle);
  console.log(`Generating ${count.toLocaleString('en')} cases over ${years} years into ${where} (seed ${seed})…`);
  const started = Date.now();
  let lastPrinted = 0;
  const totals = await generateDemoCases(handle.db, {
    cases: count,
    seed,
    years,
    batchSize: Number(values.batch),
    onProgress: (done, total) => {
      if (done === total || Date.now() - lastPrinted > 2000) {
        lastPrinted = Date.now();
        const seconds = (Date.now() - started) / 1000;
        console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${Math.round((done / total) * 100)}%, ${seconds.toFixed(0)} s)`);
      }
    },
  });
  await refreshPlannerStatistics(handle.db);
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${totals.cases.toLocaleString('en')} cases, ${totals.persons.toLocaleString('en')} people, ` +
      `${totals.steps.toLocaleString('en')} steps, ${totals.events.toLocaleString('en')} timeline events. Generated officers use the demo password.`,
  );
  await handle.close();
}

main().catch((e) => {
  console.error(`demo:generate failed: ${(e as Error).message}`);
  process.exit(1);
});
