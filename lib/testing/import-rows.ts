import { IMPORT_COLUMNS, type ImportColumn, type RawSheet } from '@/lib/import/template';

/** A row of a legacy log by column name; columns left out are empty. */
export type LogRow = Partial<Record<ImportColumn, string>>;

/** Rows as the reader gives them: the header on row 1, the rows from 2 on. */
export function sheetOf(rows: LogRow[]): RawSheet {
  return { header: [...IMPORT_COLUMNS], rows: rows.map((r, i) => ({ row: i + 2, cells: IMPORT_COLUMNS.map((c) => r[c] ?? '') })) };
}

/** The same rows as the text of a CSV file (RFC 4180 quoting). */
export function csvOf(rows: LogRow[], columns: readonly string[] = IMPORT_COLUMNS): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c as ImportColumn] ?? '')).join(','))].join('\r\n') + '\r\n';
}
