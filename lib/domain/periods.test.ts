import { describe, expect, it } from 'vitest';
import { formatLocale } from '@/lib/i18n/locale';
import { parsePeriod, periodTitle } from './periods';

describe('a period as a title says it', () => {
  const title = (label: string, language: 'en' | 'id') => periodTitle(parsePeriod(label)!, formatLocale(language));
  it('names months and quarters in the reader’s language', () => {
    expect(title('2026-10', 'en')).toBe('October 2026');
    expect(title('2026-10', 'id')).toBe('Oktober 2026');
    expect(title('2026-Q3', 'en')).toBe('Q3 2026');
    expect(title('2026-q3', 'id')).toBe('Triwulan 3 2026');
  });
  it('writes years and ranges of years as years', () => {
    expect(title('2026', 'id')).toBe('2026');
    expect(title('2005..2010', 'en')).toBe('2005–2010');
  });
});
