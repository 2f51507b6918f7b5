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
  /** seed demo data into an empty database */
  seedDemo: boolean;
  /** refuse to continue while an active account has the demo password */
  refuseDemoPasswords: boolean;
}


/**
 * What a starting server does: development and the embedded database migrate and seed
 * themselves; a production server on PostgreSQL expects `npm run db:migrate` and never
 * seeds unless PAYUNG_DEMO=1.
 */
export function startupOptions(env: NodeJS.ProcessEnv = process.env): PrepareOptions {
  const demo = env.PAYUNG_DEMO === '1';
  const production = env.NODE_ENV === 'production';
  const embedded = !env.DATABASE_URL;
  return {
    migrate: embedded || !production || demo,
    seedDemo: demo || (!production && embedded),
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
    await seedDemo(h.db);
    console.log('[payung] Demo data seeded: sign in as admin@payung.test with the password payung-demo.');
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
