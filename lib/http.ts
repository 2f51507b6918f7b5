import type { ActionResult } from './action';

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, invalid: 422, unexpected: 500 };

/** An action's result as an HTTP answer for route handlers. */
export function jsonResult<T>(result: ActionResult<T>, okStatus = 200): Response {
  return Response.json(result, { status: result.ok ? okStatus : (STATUS[result.code] ?? 400) });
}
