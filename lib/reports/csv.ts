import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { type TableLabels, labelledTable, summaryDictionary } from './labels';
import type { ReportTable } from './tables';

/**
 * What a spreadsheet would run as a formula at the start of a cell, after any spaces (or that
 * hides what follows), and text that already looks like our mark: both get the mark, so reading
 * back is exact.
 */
const TRIGGER = String.raw` *(?:[=+\-@\t\r]|' *[=+\-@\t\r'])`;
/**
 * A cell starts at the start of the text, and — for a spreadsheet that splits the line by
 * another separator than ours (Indonesian Excel uses `;`) — after any comma, semicolon or tab in it.
 */
const MARK_AT = new RegExp(String.raw`(?<=^|[,;\t])(?=${TRIGGER})`, 'g');
const MARKED_AT = new RegExp(String.raw`(?<=^|[,;\t])'(?=${TRIGGER})`, 'g');

/**
 * Text a spreadsheet would run as a formula gets an apostrophe where the formula would start
 * (OWASP's advice), at the start and after every separator; numbers stay numbers. `restoreCell`
 * takes the marks off again when our own tools read the file back.
 */
export function neutraliseCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return value.replace(MARK_AT, "'");
}

export function restoreCell(value: string): string {
  return value.replace(MARKED_AT, '');
}

/**
 * How Payung writes CSV: RFC 4180, CRLF lines, and every non-empty cell quoted, so that a
 * separator inside a text never splits it, whichever separator the reader assumes.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quoted: true } as const;

/** One table as RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheets read the letters right), CRLF lines. */
export function tableCsv(table: ReportTable): string {
  return `\uFEFF${stringify([table.columns, ...table.rows.map((r) => r.map(neutraliseCell))], CSV_OPTIONS)}`;
}

/**
 * Every table as its own CSV file in one ZIP: `<prefix>-<table>.csv`. For people (given labels):
 * headers and row keys in the reader's language, and `<prefix>-dictionary.csv` giving each file's
 * column and row codes with their labels; for machines (no labels): codes only, as scheduled jobs read them.
 */
export function tablesZip(tables: ReportTable[], prefix: string, labels?: TableLabels & { dictionary: string[] }): Uint8Array {
  const fileOf = (name: string) => `${prefix}-${name}.csv`;
  const files = labels ? [...tables.map((t) => labelledTable(t, labels)), summaryDictionary(tables, fileOf, labels, labels.dictionary)] : tables;
  return zipSync(Object.fromEntries(files.map((t) => [fileOf(t.name), strToU8(tableCsv(t))])), { level: 6 });
}
