import { type NextRequest, NextResponse } from 'next/server';

/**
 * A fast redirect to the sign-in page when there is no session cookie at all. Never the real
 * check: every page, action and route handler resolves the actor against the database.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('next-auth.session-token'));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/cases/:path*', '/drafts/:path*', '/queues/:path*', '/approvals/:path*', '/calendar/:path*', '/dashboard/:path*', '/reports/:path*', '/exports/:path*', '/imports/:path*', '/admin/:path*', '/audit/:path*'],
};
