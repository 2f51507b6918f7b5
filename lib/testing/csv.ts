import { parse } from 'csv-parse/sync';

/**
 * Every cell a spreadsheet could make of a CSV file when it splits lines by `,`, by `;` (the
 * list separator of Indonesian Excel) or by tab, whatever separator the file was written with.
 */
export function cellsAsSpreadsheetsRead(csv: string): string[] {
  return [',', ';', '\t'].flatMap((delimiter) =>
    (parse(csv, { bom: true, delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).flat(),
  );
}
