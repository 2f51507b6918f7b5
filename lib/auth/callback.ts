const HERE = 'http://payung.invalid';

/**
 * Where to go after signing in: a path on this site, or home. The target is resolved as a browser
 * would resolve it (the URL parser drops tabs and line breaks, so "/\t/evil.example" is
 * "//evil.example", another site) and kept only when it stays on this origin: an open redirect
 * would lend the sign-in page to phishing.
 */
export function safeCallback(target: string | undefined): string {
  if (!target) return '/';
  try {
    const url = new URL(target, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
