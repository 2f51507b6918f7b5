import { StartupError } from '@/lib/errors';
import { getHandle, type DbHandle } from './index';
import { refreshPlannerStatistics } from './maintenance';
import { migrationStatus, runMigrations } from './migrate';
import { countActiveDemoPasswords } from './queries/users';
import { ensureReferenceData } from './reference';
import { isEmpty, seedDemo } from './seed';

export interface PrepareOptions {
  /** apply pending migrations */
  migrate: boolean;
  /** seed demo data into an empty database: the missions and demo accounts */
  seedDemo: boolean;
  /** with them, the first start's demonstration cases (db/demo/first-start.ts) */
  demoCases: boolean;
  /** refuse to continue while an active account has the demo password */
  refuseDemoPasswords: boolean;
}


/**
 * What a starting server does: development and the embedded database migrate and seed
 * themselves; a production server on PostgreSQL expects `npm run db:migrate` and never
 * seeds unless PAYUNG_DEMO=1. A demo seed includes the demonstration cases unless
 * PAYUNG_DEMO_CASES=0 (the end-to-end tests, which start from no cases).
 */
export function startupOptions(env: NodeJS.ProcessEnv = process.env): PrepareOptions {
  const demo = env.PAYUNG_DEMO === '1';
  const production = env.NODE_ENV === 'production';
  const embedded = !env.DATABASE_URL;
  const seedDemo = demo || (!production && embedded);
  return {
    migrate: embedded || !production || demo,
    seedDemo,
    demoCases: seedDemo && env.PAYUNG_DEMO_CASES !== '0',
    refuseDemoPasswords: production && !demo,
  };
}

export async function prepareDatabase(opts: PrepareOptions, handle?: DbHandle): Promise<void> {
  const h = handle ?? (await getHandle());
  if (opts.migrate) await runMigrations(h);
  else {
    const status = await migrationStatus(h);
    if (!status.current) {
      throw new StartupError(
        `The database has ${status.applied ?? 0} of ${status.expected} migrations applied. Run \`npm run db:migrate\` first.`,
      );
    }
  }
  await ensureReferenceData(h.db);
  if (opts.seedDemo && (await isEmpty(h.db))) {
    const started = Date.now();
    await seedDemo(h.db);
    // Loaded only here: a production start never needs the generator (nor faker) in memory.
    const cases = opts.demoCases ? (await (await import('./demo/first-start')).seedDemoCases(h.db)).cases : 0;
    const what = cases ? `${cases} demonstration cases` : 'no cases';
    console.log(`[payung] Demo data seeded (${what}, ${((Date.now() - started) / 1000).toFixed(1)} s): sign in as officer.kul@payung.test, supervisor@payung.test or admin@payung.test with the password payung-demo.`);
  }
  if (h.kind === 'pglite') await refreshPlannerStatistics(h.db);
  if (opts.refuseDemoPasswords) {
    const n = await countActiveDemoPasswords(h.db);
    if (n > 0) {
      throw new StartupError(
        `${n} active account(s) still have the demo password. Reset or deactivate them before a production start ` +
          `(or set PAYUNG_DEMO=1 for a demonstration).`,
      );
    }
  }
}
