import { sql } from 'drizzle-orm';
import type { Conn, DbHandle } from './index';

/** How often a running server refreshes the embedded database's statistics. */
export const ANALYZE_EVERY_MS = 15 * 60_000;

/**
 * Refreshes the planner's statistics. PGlite has no autovacuum, so after migrations, an import
 * or generated history nothing else would: its plans then go stale (counts were 4.6× slower
 * than PostgreSQL's on the same 20,000 cases, 1.4× after ANALYZE). On PostgreSQL autovacuum
 * catches up on its own, but a bulk write is worth analysing at once there too.
 */
export async function refreshPlannerStatistics(conn: Conn): Promise<void> {
  await conn.execute(sql`ANALYZE`);
}

/** On the embedded database, refresh the statistics now and then while the server runs. */
export function keepStatisticsFresh(handle: DbHandle): void {
  if (handle.kind !== 'pglite') return;
  const timer = setInterval(() => {
    refreshPlannerStatistics(handle.db).catch((e) => console.error(`[payung] ANALYZE failed: ${(e as Error).message}`));
  }, ANALYZE_EVERY_MS);
  timer.unref();
}

/** Old windows of the rate limits (db/queries/rate-limits.ts) are removed hourly while the server runs. */
export function pruneNowAndThen(handle: DbHandle): void {
  const timer = setInterval(() => {
    import('./queries/rate-limits')
      .then(({ pruneRateLimits }) => pruneRateLimits(handle.db))
      .catch((e) => console.error(`[payung] pruning rate limits failed: ${(e as Error).message}`));
  }, 60 * 60_000);
  timer.unref();
}
