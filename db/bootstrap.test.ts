import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError, type DbHandle, acquireDirLock } from './index';
import { prepareDatabase, startupOptions } from './bootstrap';
import { migrationStatus } from './migrate';
import { missions, users } from './schema';
import { DEMO_MISSIONS, DEMO_USERS } from './seed';
import { openTestDatabase, testDatabaseKinds } from './test-db';
import { isTimeZone } from '@/lib/validation/missions';

describe('startup rules', () => {
  it('development and the embedded database migrate and seed themselves', () => {
    expect(startupOptions({ NODE_ENV: 'development' })).toEqual({ migrate: true, seedDemo: true, demoCases: true, refuseDemoPasswords: false });
  });
  it('PAYUNG_DEMO_CASES=0 seeds the accounts without the demonstration cases (the end-to-end server)', () => {
    expect(startupOptions({ NODE_ENV: 'production', PAYUNG_DEMO: '1', PAYUNG_DEMO_CASES: '0' })).toEqual({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false });
    expect(startupOptions({ NODE_ENV: 'development', PAYUNG_DEMO_CASES: '0' })).toMatchObject({ seedDemo: true, demoCases: false });
  });
  it('production never seeds unless PAYUNG_DEMO=1, and refuses demo passwords', () => {
    expect(startupOptions({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x' })).toEqual({ migrate: false, seedDemo: false, demoCases: false, refuseDemoPasswords: true });
    expect(startupOptions({ NODE_ENV: 'production' })).toEqual({ migrate: true, seedDemo: false, demoCases: false, refuseDemoPasswords: true });
    expect(startupOptions({ NODE_ENV: 'production', PAYUNG_DEMO: '1', DATABASE_URL: 'postgres://x' })).toEqual({ migrate: true, seedDemo: true, demoCases: true, refuseDemoPasswords: false });
  });
});

describe('the demo missions', () => {
  it('are the 25 named in the brief and more, each with a kind, a country and a real time zone', () => {
    const codes = DEMO_MISSIONS.map((m) => m.code);
    for (const code of 'KUL JHB PEN KCH BKI TWU SIN BWN RUH JED AUH DXB DOH KWI AMM HKG TPE SEL TYO CBR SYD PER DRW BKK PNH'.split(' ')) {
      expect(codes).toContain(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of DEMO_MISSIONS) expect(isTimeZone(m.timeZone), m.timeZone).toBe(true);
    expect(DEMO_MISSIONS.find((m) => m.code === 'TPE')?.kind).toBe('economic_trade_office');
  });
});

describe.each(testDatabaseKinds())('an unmigrated database on %s', (kind) => {
  it('counts no migrations, and a production start refuses it with the command to run', async () => {
    const h = await openTestDatabase(kind, { migrated: false });
    try {
      expect(await migrationStatus(h)).toMatchObject({ current: false, applied: 0 });
      await expect(prepareDatabase({ migrate: false, seedDemo: false, demoCases: false, refuseDemoPasswords: true }, h)).rejects.toThrow(/has 0 of \d+ migrations applied\. Run `npm run db:migrate` first/);
    } finally {
      await h.close();
    }
  });
});

describe.each(testDatabaseKinds())('preparing the database on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
  });
  afterAll(() => h?.close());

  it('runs the app’s queries without JIT compilation on PostgreSQL', async () => {
    if (h.kind !== 'postgres') return;
    const rows = (await h.db.execute(sql`SHOW jit`)) as unknown as { jit: string }[];
    expect(rows[0]?.jit).toBe('off');
  });

  it('reports current migrations, seeds once, and refuses a production start with demo passwords', async () => {
    expect(await migrationStatus(h)).toMatchObject({ current: true });
    await prepareDatabase({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false }, h);
    await prepareDatabase({ migrate: true, seedDemo: true, demoCases: false, refuseDemoPasswords: false }, h);
    expect(await h.db.$count(missions)).toBe(DEMO_MISSIONS.length);
    expect(await h.db.$count(users)).toBe(DEMO_USERS.length);
    await expect(prepareDatabase({ migrate: false, seedDemo: false, demoCases: false, refuseDemoPasswords: true }, h)).rejects.toThrow(new RegExp(`${DEMO_USERS.length} active account\\(s\\) still have the demo password`));
  });
});

describe('the embedded database folder lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payung-lock-'));

  it('refuses a folder held by another live process, with a clear message', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'payung.lock'), String(other.pid));
      expect(() => acquireDirLock(dir)).toThrow(DatabaseInUseError);
      expect(() => acquireDirLock(dir)).toThrow(/in use by another process \(PID \d+\).*PGLITE_DIR/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process is gone, and releases it', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    fs.writeFileSync(path.join(dir, 'payung.lock'), String(gone.pid));
    const release = acquireDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'payung.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'payung.lock'))).toBe(false);
  });
});
