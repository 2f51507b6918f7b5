import { describe, expect, it } from 'vitest';
import { localDay, monthOf, monthQueryRange, monthWeeks, parseMonth, shiftMonth } from './month';

describe('calendar months', () => {
  it('lays a month out in Monday-first weeks, filled from the neighbouring months', () => {
    const weeks = monthWeeks('2026-02');
    expect(weeks[0]).toEqual(['2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31', '2026-02-01']);
    expect(weeks.at(-1)!.at(-1)).toBe('2026-03-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthWeeks('2026-06')[0]![0]).toBe('2026-06-01');
  });

  it('puts a hearing on its court’s local day, not the viewer’s', () => {
    const instant = new Date('2026-11-30T17:30:00Z');
    expect(localDay(instant, 'Asia/Kuala_Lumpur')).toBe('2026-12-01');
    expect(localDay(instant, 'Asia/Riyadh')).toBe('2026-11-30');
    expect(monthOf(instant, 'Asia/Kuala_Lumpur')).toBe('2026-12');
    const { from, to } = monthQueryRange('2026-12');
    expect(from <= instant && instant < to).toBe(true);
  });

  it('parses and shifts months across years, refusing anything else', () => {
    expect(parseMonth('2026-12')).toBe('2026-12');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('12-2026')).toBeNull();
    expect(parseMonth(undefined)).toBeNull();
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
