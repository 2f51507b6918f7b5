import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, eachDayOfInterval, endOfMonth, endOfWeek, format, startOfWeek } from 'date-fns';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-12", or null for anything else. */
export function parseMonth(value: string | undefined): string | null {
  return value && MONTH.test(value) ? value : null;
}

/** The month ("YYYY-MM") a date falls in, in a zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM');
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return format(addMonths(new Date(y, m - 1, 1), by), 'yyyy-MM');
}

/** The local date ("YYYY-MM-DD") of an instant in a zone: a hearing's day at its court. */
export function localDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/**
 * The weeks shown for a month, Monday first, as local dates; days outside the month are
 * included to fill the first and last week.
 */
export function monthWeeks(month: string): string[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(y, m - 1, 1);
  const days = eachDayOfInterval({ start: startOfWeek(first, { weekStartsOn: 1 }), end: endOfWeek(endOfMonth(first), { weekStartsOn: 1 }) }).map((d) => format(d, 'yyyy-MM-dd'));
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/**
 * The instants to query for a month's hearings, whatever the courts' zones: a day either side
 * covers every zone from UTC−12 to UTC+14; the caller keeps those whose court-local day is in the month.
 */
export function monthQueryRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: addDays(new Date(Date.UTC(y, m - 1, 1)), -1), to: addDays(new Date(Date.UTC(y, m, 1)), 1) };
}
