import { sql } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Conn } from '../index';
import { rateLimits } from '../schema';

/**
 * Counts one more use of `key` in the current window of `windowMs` and refuses it (HTTP 429,
 * `errors.tooManyLookups` or the given message) once `limit` are used. One statement, so that
 * requests arriving together on several app instances cannot all pass. A refused use inside a
 * transaction rolls back with it; the count already at the limit keeps refusing.
 */
export async function consumeRateLimit(conn: Conn, key: string, limit: number, windowMs: number, now = new Date(), messageKey = 'errors.tooManyLookups'): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await conn
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  if ((row?.count ?? 0) > limit) throw new AppError('busy', messageKey, undefined, { retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000) });
}

/** Windows over a day old are of no further use. */
export async function pruneRateLimits(conn: Conn, now = new Date()): Promise<void> {
  await conn.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`);
}
