/**
 * Reporting periods as the directorate writes them: a month `2026-10`, a quarter `2026-Q3`,
 * a year `2026`, or a range of years `2005..2010`. Dates are local calendar dates: a case
 * belongs to a period by its date in its own mission's time zone.
 */
export interface PeriodUnit {
  /** "2026-10", "2026" */
  label: string;
  /** first day, inclusive: "2026-10-01" */
  start: string;
  /** day after the last, exclusive: "2026-11-01" */
  end: string;
}

export interface Period {
  label: string;
  kind: 'month' | 'quarter' | 'year' | 'years';
  start: string;
  end: string;
  /** the rows of a per-unit table: the month; a quarter's or a year's months; a range's years */
  units: PeriodUnit[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthUnit = (y: number, m: number): PeriodUnit => ({
  label: `${y}-${pad(m)}`,
  start: `${y}-${pad(m)}-01`,
  end: m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`,
});
const yearUnit = (y: number): PeriodUnit => ({ label: String(y), start: `${y}-01-01`, end: `${y + 1}-01-01` });
const months = (y: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => monthUnit(y, from + i));
const plausibleYear = (y: number) => y >= 1990 && y <= 2100;

/** The period a string names, or null if it names none. */
export function parsePeriod(value: string): Period | null {
  const text = value.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(y) || mo < 1 || mo > 12) return null;
    const unit = monthUnit(y, mo);
    return { label: text, kind: 'month', start: unit.start, end: unit.end, units: [unit] };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(y)) return null;
    const units = months(y, q * 3 - 2, q * 3);
    return { label: `${y}-Q${q}`, kind: 'quarter', start: units[0]!.start, end: units.at(-1)!.end, units };
  }
  m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    if (!plausibleYear(y)) return null;
    return { label: text, kind: 'year', start: `${y}-01-01`, end: `${y + 1}-01-01`, units: months(y, 1, 12) };
  }
  m = /^(\d{4})\.\.(\d{4})$/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(a) || !plausibleYear(b) || b < a) return null;
    const units = Array.from({ length: b - a + 1 }, (_, i) => yearUnit(a + i));
    return { label: `${a}..${b}`, kind: 'years', start: units[0]!.start, end: units.at(-1)!.end, units };
  }
  return null;
}

/** "2026-10" moved by n months: addMonths("2026-10", -24) = "2024-10". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * A period as a title says it, in the reader's language: "October 2026" / "Oktober 2026",
 * "Q3 2026" / "Triwulan 3 2026", "2026", "2005–2010". `locale` is a formatting locale (en-GB, id).
 */
export function periodTitle(period: Period, locale: string): string {
  const year = period.start.slice(0, 4);
  switch (period.kind) {
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period.start}T00:00:00Z`));
    case 'quarter': {
      const q = period.label.slice(-1);
      return locale.startsWith('en') ? `Q${q} ${year}` : `Triwulan ${q} ${year}`;
    }
    case 'year':
      return year;
    case 'years':
      return `${year}–${Number(period.end.slice(0, 4)) - 1}`;
  }
}
