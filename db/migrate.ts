import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import type { DbHandle } from './index';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// drizzle's own bookkeeping table, read to tell whether the database is current.
const drizzleMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial(),
  hash: text().notNull(),
  createdAt: bigint({ mode: 'number' }),
});

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

export interface MigrationStatus {
  current: boolean;
  applied: number | null;
  expected: number;
}

export async function migrationStatus(handle: DbHandle): Promise<MigrationStatus> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const expected = journal.entries.length;
  const latestExpected = journal.entries.at(-1)?.when ?? 0;
  try {
    const rows = await handle.db
      .select({ createdAt: drizzleMigrations.createdAt })
      .from(drizzleMigrations)
      .orderBy(desc(drizzleMigrations.createdAt));
    const latestApplied = rows[0]?.createdAt ?? 0;
    return { current: latestApplied >= latestExpected, applied: rows.length, expected };
  } catch (e) {
    // No bookkeeping table yet: nothing applied. Anything else (unreachable) is the caller's to report.
    // The app's client redacts quoted names from messages (db/errors.ts), so the SQLSTATE decides:
    // undefined table or schema.
    const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === '42P01' || code === '3F000' || /__drizzle_migrations|schema "drizzle"/.test(String((e as Error).message ?? e) + String((e as { cause?: Error }).cause?.message ?? ''))) {
      return { current: false, applied: 0, expected };
    }
    throw e;
  }
}
