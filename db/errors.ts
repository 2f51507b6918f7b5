import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/**
 * What may be known of a failed statement outside the database: PostgreSQL's error code and the
 * names it gives (constraint, table, column), and the statement's text with its placeholders.
 * Never the parameters, PostgreSQL's detail (which quotes the row: "Key (nik)=(3201…) already
 * exists") or the quoted parts of its message ("invalid input syntax for type uuid: \"…\""):
 * identities must not reach a log, whoever logs the error — Next.js printing a page's error,
 * an action's handler, a route's.
 */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly statement: string | undefined,
    /** the driver's error reduced to its names: `code` stays for callers that test it (isUniqueViolation) */
    override readonly cause: { code?: string; constraint?: string; table?: string; column?: string },
  ) {
    super(message);
  }
}

type DriverError = Error & {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  table?: string;
  table_name?: string;
  column?: string;
  column_name?: string;
};

/** A message with its quoted parts and long digit runs (an NIK, a passport number, a phone) taken out. */
export function redactMessage(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"[^"]*"|'[^']*'|«[^»]*»/g, '"…"')
    .replace(/\d{5,}/g, '…')
    .slice(0, 200);
}

/** Turns whatever a driver threw (or drizzle's wrapper around it, which prints the parameters) into a DatabaseError. */
export function sanitizeDatabaseError(e: unknown, statement?: string): unknown {
  if (e instanceof DatabaseError || !(e instanceof Error)) return e;
  let driver: DriverError = e;
  for (let cur: unknown = e; cur instanceof Error; cur = (cur as { cause?: unknown }).cause) driver = cur as DriverError;
  const code = typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code) ? driver.code : undefined;
  const names = {
    code,
    constraint: driver.constraint ?? driver.constraint_name,
    table: driver.table ?? driver.table_name,
    column: driver.column ?? driver.column_name,
  };
  const label = code ? `PostgreSQL ${code}` : driver.name;
  const where = [names.table && `table ${names.table}`, names.column && `column ${names.column}`, names.constraint && `constraint ${names.constraint}`].filter(Boolean).join(', ');
  const error = new DatabaseError(`${label}: ${redactMessage(driver.message)}${where ? ` (${where})` : ''}`, statement, names);
  error.stack = `${error.name}: ${error.message}\n${(e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n')}`;
  return error;
}

const PATCHED = Symbol.for('payung.db.sanitizedErrors');

/**
 * Every statement drizzle runs, on either driver, goes through PgPreparedQuery.queryWithCache,
 * which wraps a failure in an error whose message lists the parameters. Wrapped once here, at the
 * client, so that no caller can forget: what leaves db/ is a DatabaseError.
 */
export function sanitizeDatabaseErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as Record<symbol, boolean> & {
    queryWithCache(this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>): Promise<unknown>;
  };
  if (proto[PATCHED]) return;
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (e) {
      throw sanitizeDatabaseError(e, queryString);
    }
  };
  proto[PATCHED] = true;
}
