import { describe, expect, it } from 'vitest';
import { auditQueryString, readAuditQuery } from './audit';

describe('the audit page’s address', () => {
  it('reads the filters, upper-casing references and dropping what is not one', () => {
    const read = readAuditQuery({ caseRef: ' kul-2026-00012 ', pseudonym: ['kul-2026-00012-s1', 'x'], user: 'officer.kul', action: 'case.reveal_identity', from: '2026-11-01', to: '2026-11-30', before: '120' });
    expect(read.filter).toEqual({ caseRef: 'KUL-2026-00012', pseudonym: 'KUL-2026-00012-S1', user: 'officer.kul', action: 'case.reveal_identity', from: '2026-11-01', to: '2026-11-30' });
    expect(read.before).toBe(120);
    expect(read.errors).toEqual({});
    expect(readAuditQuery({ action: 'drop.tables', before: '-3' })).toMatchObject({ filter: {}, before: undefined });
    expect(readAuditQuery({ action: 'identity_seen' }).filter).toEqual({ action: 'identity_seen' });
  });

  it('answers a date that is not one, or an end before the start, with a message, and keeps what was typed', () => {
    expect(readAuditQuery({ from: '2026-02-30' })).toMatchObject({ filter: {}, errors: { from: 'validation.dateReal' }, typed: { from: '2026-02-30' } });
    expect(readAuditQuery({ from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ filter: { from: '2026-11-30' }, errors: { to: 'validation.audit.toBeforeFrom' } });
    expect(readAuditQuery({ user: 'a\u0000b'.padEnd(300, 'x') }).filter.user).toHaveLength(100);
  });

  it('writes the filter back for the next page', () => {
    expect(auditQueryString({ caseRef: 'KUL-2026-00012', action: 'identity_seen' }, { before: 9 })).toBe('caseRef=KUL-2026-00012&action=identity_seen&before=9');
  });
});
