import { describe, expect, it } from 'vitest';
import { lookedUp, lookupKey } from './lookup-key';

describe('keyed hashes of looked-up numbers', () => {
  it('are the same for the same number however typed, and never hold it', () => {
    const a = lookupKey('nik', '3201014708950001', 'secret-one');
    expect(lookupKey('nik', ' 3201014708950001 ', 'secret-one')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('3201014708950001');
    expect(lookupKey('passport', 'c1234567', 'secret-one')).toBe(lookupKey('passport', 'C1234567', 'secret-one'));
  });

  it('differ by server secret and by kind, so they cannot be tried without the secret', () => {
    expect(lookupKey('nik', '3201014708950001', 'secret-one')).not.toBe(lookupKey('nik', '3201014708950001', 'secret-two'));
    expect(lookupKey('nik', '12345678', 'secret-one')).not.toBe(lookupKey('passport', '12345678', 'secret-one'));
  });

  it('cover only the numbers a duplicate check looks up', () => {
    expect(Object.keys(lookedUp({ nik: '3201014708950001', passportNumber: 'C1234567' }, 's'))).toEqual(['nik', 'passport']);
    expect(lookedUp({ nik: '3201', passportNumber: '' }, 's')).toEqual({});
  });
});
