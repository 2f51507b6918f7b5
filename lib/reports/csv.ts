import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { ReportTable } from './tables';

/**
 * Text a spreadsheet would read as a formula (or that hides what follows), and text that
 * already looks like our mark: both get the mark, so reading back is exact.
 */
const NEEDS_MARK = /^([=+\-@\t\r]|'[=+\-@\t\r'])/;

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice);
 * numbers stay numbers. `restoreCell` takes it off again when our own tools read the file back.
 */
export function neutraliseCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return NEEDS_MARK.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && NEEDS_MARK.test(value.slice(1)) ? value.slice(1) : value;
}

/** One table as RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheets read the letters right), CRLF lines. */
export function tableCsv(table: ReportTable): string {
  return `\uFEFF${stringify([table.columns, ...table.rows.map((r) => r.map(neutraliseCell))], { record_delimiter: 'windows' })}`;
}

/** Every table as its own CSV file in one ZIP: `<prefix>-<table>.csv`. */
export function tablesZip(tables: ReportTable[], prefix: string): Uint8Array {
  return zipSync(Object.fromEntries(tables.map((t) => [`${prefix}-${t.name}.csv`, strToU8(tableCsv(t))])), { level: 6 });
}
