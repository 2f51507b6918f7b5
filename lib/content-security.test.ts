import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './content-security';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the pages’ Content-Security-Policy', () => {
  it('lets only scripts with the nonce run in production: no inline script, no eval, no plugins, no framing', () => {
    const d = directives(contentSecurityPolicy('abc123', { development: false, https: false }));
    expect(d['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d['style-src']).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'self'"]);
    expect(JSON.stringify(d)).not.toContain('unsafe');
    expect(d).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('upgrades requests when served over HTTPS, and allows eval and inline styles only in development', () => {
    expect(directives(contentSecurityPolicy('n', { development: false, https: true }))).toHaveProperty('upgrade-insecure-requests');
    const dev = directives(contentSecurityPolicy('n', { development: true, https: false }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['style-src']).toContain("'unsafe-inline'");
  });

  it('draws a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
