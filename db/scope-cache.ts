import type { Conn } from './index';

/**
 * Figures shared for a short while by everyone who sees the same scope: the queues' counts
 * beside the navigation and the dashboard's charts. They are overviews, not the list an officer
 * works from, so a few seconds' lag is worth not recounting a million cases on every view.
 * Requests arriving together wait for the same computation. A write through this process makes
 * every entry stale at once (`sharedFiguresChanged`); other app instances catch up within the TTL.
 */
type Entry = { at: number; generation: number; value: Promise<unknown> };
/** Per database handle (a test may open two), per key. */
type Cache = { generation: number; byConn: WeakMap<object, Map<string, Entry>> };

const CACHE = Symbol.for('payung.sharedFigures');
function cache(): Cache {
  const g = globalThis as typeof globalThis & { [CACHE]?: Cache };
  return (g[CACHE] ??= { generation: 0, byConn: new WeakMap() });
}

/** Called after every successful write (the action wrapper, imports). */
export function sharedFiguresChanged(): void {
  cache().generation++;
}

/** The value for this key, computed at most once per `ttlMs` (and again after any write here). */
export function sharedForScope<T>(conn: Conn, key: string, ttlMs: number, now: Date, compute: () => Promise<T>): Promise<T> {
  const c = cache();
  let entries = c.byConn.get(conn);
  if (!entries) c.byConn.set(conn, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.generation === c.generation && now.getTime() - hit.at < ttlMs && now.getTime() >= hit.at) return hit.value as Promise<T>;
  const value = compute();
  const map = entries;
  map.set(key, { at: now.getTime(), generation: c.generation, value });
  value.catch(() => map.delete(key));
  return value;
}
