/** Typed application errors. `message` is an i18n key under `errors.` shown to the user as is. */
/** `busy`: refused for now, to be tried again later (heavy work beyond the user's limit). */
export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'busy';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key of the message the user reads */
    readonly messageKey: string = `errors.${code}`,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
/** Someone else saved the record after the user opened it. */
export const staleVersion = (details?: Record<string, unknown>) =>
  new AppError('conflict', 'errors.staleVersion', undefined, details);

/** PostgreSQL's unique_violation, from either driver (postgres-js sets `code`, PGlite too). */
export function isUniqueViolation(e: unknown): { constraint?: string } | null {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const c = cur as { code?: string; constraint?: string; constraint_name?: string };
    if (c.code === '23505') return { constraint: c.constraint ?? c.constraint_name };
  }
  return null;
}

/** A server that must not start: printed as is, without a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/**
 * An unexpected error as it may go into the server's log: what failed and why, never the values
 * a query carried (a drizzle query error's message and `params` hold the names, NIKs and
 * passport numbers being written), nor the database's `detail` (it can quote a value).
 */
export function forLog(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const message = e.message.replace(/\nparams: [\s\S]*$/, '\nparams: (withheld)');
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const stack = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 8).join('\n');
  return [`${e.name}: ${message}`, cause ? `caused by: ${[cause.code, cause.message].filter(Boolean).join(' ')}` : '', stack].filter(Boolean).join('\n');
}
