import { getHandle } from '@/db';
import { prepareDatabase, startupOptions } from '@/db/bootstrap';
import { keepStatisticsFresh, pruneNowAndThen } from '@/db/maintenance';
import { authSecret } from './auth/secret';
import { trustedProxies } from './client-address';
import { StartupError } from './errors';

/**
 * What a refused start prints. Next.js 16 logs "Ready" before it loads anything of the app
 * (next/dist/server/lib/start-server.js: before next.config, before instrumentation.ts), so this
 * always comes after that line: it says in so many words that the server did not start.
 */
export function refusal(reason: string): string {
  const rule = '─'.repeat(72);
  return [
    '',
    `[payung] ${rule}`,
    `[payung] Cannot start: ${reason}`,
    '[payung] Payung is NOT running (ignore "Ready" above: Next.js prints it before Payung starts). Exit code 1.',
    `[payung] ${rule}`,
    '',
  ].join('\n');
}

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
    console.error(refusal(expected ? (e as Error).message : (e as Error).stack!));
    process.exit(1);
  }
}
