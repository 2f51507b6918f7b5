import { randomBytes } from 'node:crypto';
import { type DbHandle, openDatabase } from '@/db';
import { runMigrations } from '@/db/migrate';
import { ensureReferenceData } from '@/db/reference';

export type TestDbKind = 'pglite' | 'postgres';

/**
 * Where data tests run: always an in-memory PGlite with the real migrations, and a
 * PostgreSQL server too when TEST_DATABASE_URL or DATABASE_URL names one.
 * TEST_DATABASE_KINDS=postgres narrows a run to the server (CI, whose first phase ran PGlite).
 */
export function testDatabaseKinds(): TestDbKind[] {
  const kinds: TestDbKind[] = serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
  const only = process.env.TEST_DATABASE_KINDS?.split(',').map((kind) => kind.trim());
  if (!only) return kinds;
  const chosen = kinds.filter((kind) => only.includes(kind));
  if (chosen.length === 0) throw new Error(`TEST_DATABASE_KINDS=${process.env.TEST_DATABASE_KINDS} names no configured database`);
  return chosen;
}

function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * A fresh, migrated database: in memory, or a new database on the server that `close()` drops.
 * `migrated: false` leaves it empty, as a server is before `npm run db:migrate`.
 */
export async function openTestDatabase(kind: TestDbKind, { migrated = true } = {}): Promise<DbHandle> {
  const prepare = async (handle: DbHandle) => {
    if (!migrated) return;
    await runMigrations(handle);
    await ensureReferenceData(handle.db);
  };
  if (kind === 'pglite') {
    const handle = await openDatabase({});
    await prepare(handle);
    return handle;
  }
  const base = new URL(serverUrl()!);
  const name = `payung_test_${randomBytes(6).toString('hex')}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await prepare(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
