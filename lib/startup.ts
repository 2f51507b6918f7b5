import { getHandle } from '@/db';
import { prepareDatabase, startupOptions } from '@/db/bootstrap';
import { keepStatisticsFresh, pruneNowAndThen } from '@/db/maintenance';
import { authSecret } from './auth/secret';
import { trustedProxies } from './client-address';
import { StartupError } from './errors';

/**
 * What a starting server does before it answers: check the secret, open, migrate and seed
 * the database where that is the rule (db/bootstrap.ts). A server that must not run exits
 * with a message saying why, not a stack trace.
 */
export async function startServer(): Promise<void> {
  try {
    authSecret();
    try {
      trustedProxies();
    } catch (e) {
      throw new StartupError((e as Error).message);
    }
    await prepareDatabase(startupOptions());
    keepStatisticsFresh(await getHandle());
    pruneNowAndThen(await getHandle());
  } catch (e) {
    const expected = e instanceof StartupError || (e as Error).name === 'DatabaseInUseError';
    console.error(`\n[payung] Cannot start: ${expected ? (e as Error).message : (e as Error).stack}\n`);
    process.exit(1);
  }
}
