import type { ActionResult } from './action';
import { AppError } from './errors';

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, invalid: 422, busy: 429, unexpected: 500 };

/** An action's result as an HTTP answer for route handlers. */
export function jsonResult<T>(result: ActionResult<T>, okStatus = 200): Response {
  return Response.json(result, { status: result.ok ? okStatus : (STATUS[result.code] ?? 400) });
}

/** A request refused by the heavy-work limit as an action's result; anything else is thrown on. */
export function busyResult(e: unknown): ActionResult<never> {
  if (e instanceof AppError && e.code === 'busy') return { ok: false, code: e.code, error: e.messageKey };
  throw e;
}

/** The headers of a file downloaded by its owner: saved, never cached or sniffed. */
export function downloadHeaders(contentType: string, fileName: string): HeadersInit {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
