/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database in PGLITE_DIR. */
import { dataDir, getHandle } from '../index';
import { migrationStatus, runMigrations } from '../migrate';
import { ensureReferenceData } from '../reference';

async function main() {
  const handle = await getHandle();
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${dataDir()}`;
  await runMigrations(handle);
  await ensureReferenceData(handle.db);
  const status = await migrationStatus(handle);
  console.log(`Migrations applied to ${where}: ${status.applied} of ${status.expected}.`);
  await handle.close();
}

main().catch((e) => {
  console.error(`db:migrate failed: ${(e as Error).message}`);
  process.exit(1);
});
