import { describe, expect, it } from 'vitest';
import { canMoveFileCode, canMoveStage, visitIntervals } from './cases';

describe('the legal tracks', () => {
  it('move host stages forward, end in release or deportation, execute only after a verdict', () => {
    expect(canMoveStage(null, 'arrested')).toBe(true);
    expect(canMoveStage(null, 'trial')).toBe(false);
    expect(canMoveStage('arrested', 'trial')).toBe(true);
    expect(canMoveStage('trial', 'charged')).toBe(false);
    expect(canMoveStage('verdict', 'clemency')).toBe(true);
    expect(canMoveStage('charged', 'deported')).toBe(true);
    expect(canMoveStage('charged', 'executed')).toBe(false);
    expect(canMoveStage('appeal', 'executed')).toBe(true);
    expect(canMoveStage('released', 'trial')).toBe(false);
  });
  it('move home prosecution files forward, with the police’s return as the one way back', () => {
    expect(canMoveFileCode(null, 'P-21')).toBe(true);
    expect(canMoveFileCode('P-16', 'P-21')).toBe(true);
    expect(canMoveFileCode('P-21', 'P-16')).toBe(false);
    expect(canMoveFileCode('P-18/P-19', 'P-16')).toBe(true);
    expect(canMoveFileCode('P-42', 'P-48')).toBe(true);
  });
});

describe('age evidence', () => {
  it('separates documents from estimates, marks the X-ray disputed and late registration', async () => {
    const { summariseEvidence } = await import('./cases');
    expect(
      summariseEvidence(
        [
          { kind: 'birth_certificate', isVerified: true, issueDate: '2015-04-01' },
          { kind: 'village_head_statement', isVerified: false },
          { kind: 'xray', isVerified: false },
        ],
        '2010-02-14',
      ),
    ).toEqual({ documentary: 2, estimated: 1, verified: 1, disputed: true, weakOnly: false, lateRegistration: true });
    expect(summariseEvidence([{ kind: 'passport_or_seaman_book', isVerified: true }], '2009-01-01').weakOnly).toBe(true);
  });
});

describe('consular visit intervals', () => {
  it('counts each visit from the one before (the first from detention) and flags more than 90 days since the last', () => {
    expect(visitIntervals('2026-01-01', ['2026-03-01', '2026-02-01'], '2026-05-30')).toEqual({ gaps: [31, 28], daysSinceLast: 90, isOverdue: false });
    expect(visitIntervals('2026-01-01', ['2026-02-01', '2026-03-01'], '2026-05-31')).toMatchObject({ daysSinceLast: 91, isOverdue: true });
    expect(visitIntervals('2026-01-01', [], '2026-04-02')).toEqual({ gaps: [], daysSinceLast: 91, isOverdue: true });
  });
});
