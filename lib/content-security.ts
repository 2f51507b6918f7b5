/**
 * The Content-Security-Policy of every page. Scripts run only when they carry the request's
 * nonce (Next.js reads it from this header and puts it on its own scripts) or are loaded by one
 * that does; no inline script, no eval (development excepted: React's error overlay needs it),
 * no plugins, no <base>, no framing, forms posting only here. Styles come from the app's own
 * stylesheets (development allows inline ones for Next.js's overlay).
 */
export function contentSecurityPolicy(nonce: string, opts: { development: boolean; https: boolean }): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? ` 'unsafe-eval'` : ''}`,
    opts.development ? `style-src 'self' 'unsafe-inline'` : `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${opts.development ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
