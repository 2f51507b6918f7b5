import type { SQL } from 'drizzle-orm';
import type { Conn } from './index';

/** The rows of a statement, on either driver (postgres.js returns them as the result, PGlite under `rows`). */
export async function rowsOf<T>(conn: Conn, query: SQL): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
