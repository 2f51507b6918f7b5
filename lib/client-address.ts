import { isIP } from 'node:net';

/**
 * Headers Payung's server hook (lib/peer-hook.ts) sets on every request from the connection
 * itself, overwriting whatever a client sent under these names.
 */
export const PEER_HEADER = 'x-payung-peer';
export const FORWARDED_HEADER = 'x-payung-forwarded-for';

/** Which forwarded addresses may be believed: none, the last `hops` proxies, or proxies at these addresses. */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: Set<string> };

const bare = (address: string) => address.trim().replace(/^::ffff:/, '');

/**
 * PAYUNG_TRUSTED_PROXIES: unset or "0" when clients reach Payung directly; a number of proxies
 * in front of it ("1" for one load balancer); or the proxies' addresses, comma-separated.
 */
export function trustedProxies(setting = process.env.PAYUNG_TRUSTED_PROXIES): TrustedProxies {
  const value = setting?.trim();
  if (!value || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const addresses = value.split(',').map(bare).filter(Boolean);
  const bad = addresses.filter((a) => !isIP(a));
  if (bad.length) throw new Error(`PAYUNG_TRUSTED_PROXIES: not an address: ${bad.join(', ')} (give a number of proxies, or their IP addresses)`);
  return { kind: 'addresses', addresses: new Set(addresses) };
}

/**
 * The address a request came from, for the audit and the sign-in limits. `peer` is the address of
 * the connection; `forwardedFor` the X-Forwarded-For it arrived with. The forwarded chain is read
 * only as far as proxies that are trusted wrote it: an address a client put in the header itself
 * is never taken for theirs.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: TrustedProxies = trustedProxies()): string | null {
  if (!peer) return null;
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map(bare)
      .filter((a) => isIP(a)),
    bare(peer),
  ];
  if (trusted.kind === 'none') return chain.at(-1)!;
  if (trusted.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trusted.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.addresses.has(chain[i]!)) return chain[i]!;
  return chain[0]!;
}
