/** `npm run db:seed`: fills an empty, migrated database with the reference missions and demo accounts. */
import { getHandle } from '../index';
import { migrationStatus } from '../migrate';
import { ensureReferenceData } from '../reference';
import { isEmpty, seedDemo } from '../seed';

async function main() {
  const handle = await getHandle();
  const status = await migrationStatus(handle);
  if (!status.current) throw new Error('the database is not migrated: run `npm run db:migrate` first');
  await ensureReferenceData(handle.db);
  if (!(await isEmpty(handle.db))) {
    console.log('The database already has data: nothing seeded.');
  } else {
    await seedDemo(handle.db);
    console.log('Demo data seeded. Demo accounts use the password payung-demo; a production start refuses to run until they are changed (or PAYUNG_DEMO=1).');
  }
  await handle.close();
}

main().catch((e) => {
  console.error(`db:seed failed: ${(e as Error).message}`);
  process.exit(1);
});
