import { describe, expect, it } from 'vitest';
import { authSecret } from './secret';

describe('the session secret', () => {
  it('is required in production, a demonstration start too, and the refusal says so', () => {
    expect(() => authSecret({ NODE_ENV: 'production' })).toThrow(/^AUTH_SECRET is not set\. Generate one with `openssl rand -base64 32`/);
    expect(() => authSecret({ NODE_ENV: 'production', PAYUNG_DEMO: '1' })).toThrow(/A demonstration start \(PAYUNG_DEMO=1\) needs one too\./);
    expect(authSecret({ NODE_ENV: 'production', PAYUNG_DEMO: '1', NEXTAUTH_SECRET: 'configured' })).toBe('configured');
  });
});
