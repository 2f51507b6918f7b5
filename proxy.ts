import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/content-security';

/** Pages that need a signed-in user. */
const SIGNED_IN_ONLY = ['/account', '/cases', '/drafts', '/queues', '/approvals', '/calendar', '/dashboard', '/reports', '/exports', '/imports', '/admin', '/audit'];

const needsSession = (path: string) => SIGNED_IN_ONLY.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Every page: a Content-Security-Policy with a nonce of its own (lib/content-security.ts), set on
 * the request too, where Next.js finds it and puts it on the scripts it writes. Pages for the
 * signed-in: a fast redirect to the sign-in page when there is no session cookie at all —
 * never the real check: every page, action and route handler resolves the actor against the
 * database.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), {
    development: process.env.NODE_ENV === 'development',
    https: (process.env.NEXTAUTH_URL ?? '').startsWith('https:'),
  });
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('next-auth.session-token'));
  let response: NextResponse;
  if (needsSession(request.nextUrl.pathname) && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = '';
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    // where lib/auth/actor.ts's requireActor learns which page is asked for (set here, never by the client)
    headers.set('x-payung-path', request.nextUrl.pathname);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // everything but the API (its own policy, next.config.js), built assets and the icon
  matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg).*)'],
};
