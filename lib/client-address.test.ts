import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';

describe('the address a request came from', () => {
  it('is the connection’s when no proxy is trusted: a forwarded header is ignored', () => {
    const none = trustedProxies(undefined);
    expect(clientAddress('127.0.0.1', null, none)).toBe('127.0.0.1');
    expect(clientAddress('198.51.100.7', '203.0.113.9', none)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', '', trustedProxies('0'))).toBe('198.51.100.7');
    expect(clientAddress(null, '203.0.113.9', none)).toBeNull();
  });

  it('is read from the forwarded chain only as far as trusted proxies wrote it', () => {
    // One load balancer (10.0.0.2) in front: it appended the client's address to what the client sent.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', trustedProxies('1'))).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '203.0.113.9', trustedProxies('1'))).toBe('203.0.113.9');
    // Two hops, and a chain shorter than promised: the farthest address there is.
    expect(clientAddress('10.0.0.2', '203.0.113.9, 10.0.0.9', trustedProxies('2'))).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', null, trustedProxies('2'))).toBe('10.0.0.2');
    // By address: the first from the right that is not one of ours; junk in the header is skipped.
    const ours = trustedProxies('10.0.0.2, 10.0.0.9');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.9', ours)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.7', '203.0.113.9', ours)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', 'not-an-address, 203.0.113.9', ours)).toBe('203.0.113.9');
  });

  it('refuses a setting it cannot read', () => {
    expect(() => trustedProxies('proxy.internal')).toThrow(/PAYUNG_TRUSTED_PROXIES/);
  });
});
