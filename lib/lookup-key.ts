import { createHmac } from 'node:crypto';
import { authSecret } from './auth/secret';

/**
 * A keyed hash of a looked-up identity number for the audit: the same number always gives the
 * same value, so "who looked up this NIK" is one search (hash the NIK the same way), but the
 * audit never holds the number, and without the server's secret the value cannot be tried
 * against the 10^16 possible NIKs.
 */
export function lookupKey(kind: 'nik' | 'passport', value: string, secret = authSecret()): string {
  return createHmac('sha256', `payung-lookup:${secret}`).update(`${kind}:${value.trim().toUpperCase()}`).digest('hex');
}

/** The keyed hashes of what a duplicate check looked up, for its audit row. */
export function lookedUp(q: { nik: string; passportNumber: string }, secret?: string): { nik?: string; passport?: string } {
  return {
    ...(q.nik.length === 16 ? { nik: lookupKey('nik', q.nik, secret) } : {}),
    ...(q.passportNumber.length >= 7 ? { passport: lookupKey('passport', q.passportNumber, secret) } : {}),
  };
}
