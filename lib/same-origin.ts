import type { ActionResult } from './action';

/**
 * Whether a request that changes data comes from a page of this site, checked as Next.js checks
 * a server action: the browser's Origin header must name the host the request was sent to (the
 * forwarded host behind a proxy). A form or script on another site gets no further, whatever
 * cookies the browser attaches; a request without an Origin (not a browser's) is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The answer to a change asked for from another site. */
export const foreignOrigin: ActionResult<never> = { ok: false, code: 'forbidden', error: 'errors.foreignOrigin' };
