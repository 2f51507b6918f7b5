import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, neutraliseCell } from '@/lib/reports/csv';
import { REASON_COLUMN, type ImportProblem, type ImportResult, type RawSheet } from './template';

/** A translator over the whole message tree (next-intl's `t`, or use-intl's createTranslator on the command line). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "row 12, date_of_birth: “1990-02-30” is not a date…" in the reader's language. */
export function problemLine(t: Translate, p: ImportProblem): string {
  const message = t(`import.problems.${p.code}`, p.params ?? {});
  return p.column ? t('import.problemLine', { row: p.row, column: p.column, message }) : t('import.problemLineFile', { row: p.row, message });
}

/** Just the message of a problem (the page shows row and column in their own cells). */
export function problemMessage(t: Translate, p: ImportProblem): string {
  return t(`import.problems.${p.code}`, p.params ?? {});
}

/**
 * The rejected rows as they were in the file, with a last column giving the reasons: a row
 * that is itself correct is rejected with its case when another row of the case is not.
 * Cells a spreadsheet would run as formulas are neutralised; our reader restores them, so
 * the corrected file imports as it is.
 */
export function rejectedRowsCsv(t: Translate, sheet: RawSheet, rejectedRows: readonly number[], problems: readonly ImportProblem[]): string {
  const header = sheet.header.filter((h) => h !== REASON_COLUMN);
  const keep = header.map((h) => sheet.header.indexOf(h));
  const refIndex = sheet.header.indexOf('case_ref');
  const errorsByRow = new Map<number, string[]>();
  for (const p of problems) if (p.severity === 'error') errorsByRow.set(p.row, [...(errorsByRow.get(p.row) ?? []), problemLine(t, p)]);
  const wanted = new Set(rejectedRows);
  const rows = sheet.rows
    .filter((r) => wanted.has(r.row))
    .map((r) => {
      const reasons = errorsByRow.get(r.row) ?? [t('import.otherRowInvalid', { caseRef: r.cells[refIndex] ?? '' })];
      return [...keep.map((i) => neutraliseCell(r.cells[i] ?? '')), neutraliseCell(reasons.join('; '))];
    });
  return `\uFEFF${stringify([[...header, REASON_COLUMN], ...rows], CSV_OPTIONS)}`;
}

/** What the upload page shows of a problem: its place and its message in the user's language. */
export interface ProblemView {
  row: number;
  column: string | null;
  message: string;
}

/** The result of an upload for the page: counts, the first problems, and the rejected rows as a CSV file. */
export type ImportView = Omit<ImportResult, 'rejectedRows' | 'problems'> & {
  fileName: string;
  /** how many */
  rejectedRows: number;
  errors: ProblemView[];
  warnings: ProblemView[];
  /** null when every row passed */
  rejectedCsv: string | null;
};

/** A page of problems is enough to act on; the rejected-rows file carries every reason. */
export const PROBLEMS_SHOWN = 1000;

export function importView(t: Translate, sheet: RawSheet, fileName: string, result: ImportResult): ImportView {
  const view = (severity: ImportProblem['severity']) =>
    result.problems
      .filter((p) => p.severity === severity)
      .slice(0, PROBLEMS_SHOWN)
      .map((p) => ({ row: p.row, column: p.column, message: problemMessage(t, p) }));
  const { problems: _problems, rejectedRows, ...counts } = result;
  return {
    ...counts,
    fileName,
    rejectedRows: rejectedRows.length,
    errors: view('error'),
    warnings: view('warning'),
    rejectedCsv: result.rejectedRows.length ? rejectedRowsCsv(t, sheet, result.rejectedRows, result.problems) : null,
  };
}
