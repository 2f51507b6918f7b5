import { describe, expect, it } from 'vitest';
import { pastEventDate, todayIso } from './dates';

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
