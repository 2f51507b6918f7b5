import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './csv';

/**
 * The columns a case-list export may carry, in their fixed order. Codes are the headers (the
 * same in both languages, for spreadsheets and scripts). `subjects` gives each subject's name,
 * or their pseudonym where the identity is undisclosed — never both.
 */
export const caseListColumns = [
  'reference',
  'mission',
  'category',
  'subcategories',
  'class',
  'status',
  'risk',
  'opened_on',
  'closed_on',
  'outcome',
  'assigned_officer',
  'subjects',
  'subject_count',
  'child_subject',
  'death_penalty',
  'next_due_on',
  'last_activity_on',
  'legacy_ref',
] as const;
export type CaseListColumn = (typeof caseListColumns)[number];

/** What the form ticks when first shown: enough to work a list, without names. */
export const defaultCaseListColumns: CaseListColumn[] = ['reference', 'mission', 'category', 'status', 'risk', 'opened_on', 'assigned_officer', 'subject_count'];

export type CaseListRow = Record<CaseListColumn, string | number | boolean | null>;

const cell = (v: string | number | boolean | null) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);

/** A CSV of the chosen columns: header of codes, text cells neutralised against formula injection. */
export function caseListCsv(columns: readonly CaseListColumn[], rows: CaseListRow[]): string {
  return `\uFEFF${stringify([columns as unknown as string[], ...rows.map((r) => columns.map((c) => neutraliseCell(cell(r[c]))))], { record_delimiter: 'windows' })}`;
}

/** A workbook with one sheet of the chosen columns, frozen header, dates and numbers as such. */
export async function caseListWorkbook(columns: readonly CaseListColumn[], rows: CaseListRow[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Payung';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === 'subjects' ? 40 : c.endsWith('_on') ? 12 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => (typeof r[c] === 'string' ? neutraliseCell(r[c] as string) : cell(r[c]))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
