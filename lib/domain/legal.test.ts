import { describe, expect, it } from 'vitest';
import { canMoveFileCode, canMoveStage } from './cases';

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
