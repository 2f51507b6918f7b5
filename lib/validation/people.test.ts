import { describe, expect, it } from 'vitest';
import { nikBirthDateConflict, nikBirthFacts } from './people';

describe('a NIK read against a date of birth', () => {
  // West Java, born 7 August 1995, a woman (47 = 7 + 40).
  const nik = '3201014708950777';
  it('reads the birth date and sex the NIK carries', () => {
    expect(nikBirthFacts(nik)).toEqual({ day: 7, month: 8, yy: '95', isFemale: true });
  });
  it('says nothing when they agree, or when either is missing or not a NIK', () => {
    expect(nikBirthDateConflict(nik, '1995-08-07')).toBeNull();
    expect(nikBirthDateConflict(nik, '')).toBeNull();
    expect(nikBirthDateConflict('1234', '1990-01-01')).toBeNull();
  });
  it('gives the NIK’s date when day, month or year disagree', () => {
    expect(nikBirthDateConflict(nik, '1995-08-08')).toBe('07-08-95');
    expect(nikBirthDateConflict(nik, '1995-09-07')).toBe('07-08-95');
    expect(nikBirthDateConflict(nik, '2002-08-07')).toBe('07-08-95');
  });
});
