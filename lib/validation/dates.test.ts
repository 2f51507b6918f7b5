import { describe, expect, it } from 'vitest';
import { pastEventDate, todayIso } from './dates';
import { ageClaimSchema } from './legal';

const issue = (value: unknown) => {
  const r = pastEventDate({ earliestYear: 1950 }).safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('pastEventDate (an event date from the picker)', () => {
  it('takes a real past date or nothing', () => {
    expect(pastEventDate().parse('2026-02-28')).toBe('2026-02-28');
    expect(pastEventDate().parse('')).toBe('');
    expect(issue(todayIso())).toBeNull();
  });

  it('refuses an impossible, a future or an implausible date, each with its message', () => {
    expect(issue('2026-02-30')).toBe('validation.dateReal');
    expect(issue('3 March')).toBe('validation.dateReal');
    expect(issue(`${Number(todayIso().slice(0, 4)) + 1}-01-01`)).toBe('validation.dateFuture');
    expect(issue('1949-12-31')).toBe('validation.datePlausible');
  });

  it('still reads a draft saved when the date was three boxes', () => {
    expect(pastEventDate().parse({ day: '5', month: '3', year: '2024' })).toBe('2024-03-05');
    expect(pastEventDate().parse({ day: '', month: '', year: '' })).toBe('');
    expect(issue({ day: '31', month: '2', year: '2024' })).toBe('validation.dateReal');
  });
});

describe('a claimed date of birth (a memorable date, three boxes)', () => {
  const claim = { caseId: '7d1e2f52-6a4c-4a8e-9d55-3b5f0f0f2a11', partyId: '0b6f1e8e-3c1d-4a57-8d1a-2f0e6b9c1d22', relevantOn: '2026-09-01' };
  it('passes as the boxes typed (the action stores the date they make)', () => {
    expect(ageClaimSchema.parse({ ...claim, claimedDob: { day: '14', month: '2', year: '2010' } }).claimedDob).toEqual({ day: '14', month: '2', year: '2010' });
  });
  it('is required, and must be a real date', () => {
    const issues = (claimedDob: unknown) => ageClaimSchema.safeParse({ ...claim, claimedDob }).error?.issues.map((i) => i.message);
    expect(issues({ day: '', month: '', year: '' })).toEqual(['validation.dateRequired']);
    expect(issues({ day: '30', month: '2', year: '2010' })).toEqual(['validation.dateReal']);
  });
});
