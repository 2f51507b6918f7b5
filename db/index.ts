import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sanitizeDatabaseErrors } from './errors';
import * as schema from './schema';

// Errors of every statement lose their parameters and quoted values before anyone can log them.
sanitizeDatabaseErrors();

/**
 * The one database client. `DATABASE_URL` set: a PostgreSQL server through the `postgres`
 * driver. Unset: an embedded PostgreSQL (PGlite) in PGLITE_DIR (default `.data/`).
 * Nothing outside db/ talks to the database.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A query function can run on its own or inside a caller's transaction. */
export type Conn = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another process (PID ${pid}); ` +
        `PGlite allows one process at a time. Stop that process first (is Payung already running?), ` +
        `or set PGLITE_DIR to another folder.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || '.data');
}

export function configuredKind(): DbKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes: two openers of one folder silently lose writes.
 * Take an exclusive lock file holding our PID; take over one whose process is dead.
 */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'payung.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (owner === process.pid) return () => {};
      if (Number.isFinite(owner) && isAlive(owner)) throw new DatabaseInUseError(dir, owner);
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

async function openPglite(dir: string | null): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const release = dir ? acquireDirLock(dir) : () => {};
  try {
    const client = await PGlite.create(dir ? path.join(dir, 'pgdata') : undefined, { extensions: { pg_trgm } });
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    // No JIT for the app's short queries: PostgreSQL compiles any plan whose estimate is high, and
    // at a million cases that cost a queue's first page 0.5 s of compiling for 0.3 s of work.
    connection: { jit: 'off' },
    onnotice: () => {},
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/** Opens a database: a server URL, an embedded folder, or (neither) an in-memory PGlite for tests. */
export function openDatabase(opts: { url?: string; dir?: string }): Promise<DbHandle> {
  return opts.url ? openPostgres(opts.url) : openPglite(opts.dir ?? null);
}

const HANDLE = Symbol.for('payung.db');
type GlobalWithDb = typeof globalThis & { [HANDLE]?: Promise<DbHandle> };

/** The process's database, opened once (kept on globalThis so `next dev` reloads reuse it). */
export function getHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  if (!g[HANDLE]) {
    const url = process.env.DATABASE_URL;
    g[HANDLE] = (url ? openDatabase({ url }) : openDatabase({ dir: dataDir() })).catch((e) => {
      delete g[HANDLE];
      throw e;
    });
  }
  return g[HANDLE]!;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

/** For tests: make this process use a given handle. */
export function setHandle(handle: DbHandle): void {
  (globalThis as GlobalWithDb)[HANDLE] = Promise.resolve(handle);
}

export { schema };
