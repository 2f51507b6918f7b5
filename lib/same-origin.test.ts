import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:3100/api/imports', { method: 'POST', headers });

describe('a change asked for by a page of this site', () => {
  it('is one whose Origin names the host it was sent to, or the forwarded host', () => {
    expect(isSameOrigin(post({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }))).toBe(true);
    expect(isSameOrigin(post({ host: '10.0.0.5:3000', 'x-forwarded-host': 'payung.kemlu.go.id', origin: 'https://payung.kemlu.go.id' }))).toBe(true);
  });

  it('is not one from another site, or without an Origin', () => {
    expect(isSameOrigin(post({ host: '127.0.0.1:3100', origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOrigin(post({ host: '127.0.0.1:3100', origin: 'null' }))).toBe(false);
    expect(isSameOrigin(post({ host: '127.0.0.1:3100' }))).toBe(false);
  });
});
