import type { ReportTable } from './tables';

/** Counts under this are hidden in exports meant for outside the ministry (PAYUNG_SUPPRESS_BELOW, default 5). */
export function suppressionThreshold(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PAYUNG_SUPPRESS_BELOW ?? 5);
  return Number.isInteger(n) && n >= 2 && n <= 100 ? n : 5;
}

/** Amounts of money and medians are not counts of people or cases: they stay. */
const NOT_A_COUNT = /(_idr$|^median_|_median_)/;

/**
 * Tables for outside the ministry: every count from 1 to threshold − 1 becomes "<threshold",
 * so a small group of victims cannot be picked out. Zero stays zero (it identifies no one).
 * Totals are suppressed by the same rule; they are not adjusted to hide suppressed cells.
 */
export function suppressSmallCells(tables: ReportTable[], threshold: number): ReportTable[] {
  return tables.map((table) => ({
    ...table,
    rows: table.rows.map((row) => (NOT_A_COUNT.test(String(row[0])) ? row : row.map((v, i) => (i > 0 && typeof v === 'number' && v > 0 && v < threshold ? `<${threshold}` : v)))),
  }));
}
