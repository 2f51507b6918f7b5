import { describe, expect, it } from 'vitest';
import { countryZoneOptions } from './time-zones';

describe('the zones a court may sit in', () => {
  const at = new Date('2026-12-03T00:00:00Z');
  it('are the country’s, the mission’s own first', () => {
    expect(countryZoneOptions('ID', ['Asia/Jakarta'], at).map((o) => o.value)).toEqual(['Asia/Jakarta', 'Asia/Jayapura', 'Asia/Makassar', 'Asia/Pontianak']);
    // Malaysia's list names Kuching and Singapore: the mission's Kuala Lumpur comes first all the same.
    expect(countryZoneOptions('my', ['Asia/Kuala_Lumpur'], at)).toEqual([
      { value: 'Asia/Kuala_Lumpur', label: 'Kuala Lumpur (GMT+8)' },
      { value: 'Asia/Kuching', label: 'Kuching (GMT+8)' },
      { value: 'Asia/Singapore', label: 'Singapore (GMT+8)' },
    ]);
  });
  it('say their offset at the time (summer time in Sydney)', () => {
    expect(countryZoneOptions('AU', ['Australia/Sydney'], at)[0]).toEqual({ value: 'Australia/Sydney', label: 'Sydney (GMT+11)' });
  });
  it('keep a value already chosen outside the country', () => {
    expect(countryZoneOptions('SA', ['Asia/Riyadh', 'Asia/Dubai'], at).map((o) => o.value).slice(0, 2)).toEqual(['Asia/Riyadh', 'Asia/Dubai']);
  });
});
