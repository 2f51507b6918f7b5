import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { CSV_OPTIONS } from '@/lib/reports/csv';
import { importCodeLabel, importCodes } from './codes';
import type { Translate } from './messages';
import { IMPORT_COLUMNS, type ImportColumn, TEMPLATE_EXAMPLE_REF } from './template';

/** A mission the reader may import into, for the codes sheet: its code and its name in the reader's language. */
export interface TemplateMission {
  code: string;
  name: string;
}

export const TEMPLATE_FILE_NAME = 'payung-import-template';

/**
 * The example case: a trafficking case whose two accused are at different stages of their
 * prosecution at home, the victim's row without one. Its case_ref is refused on import, so a
 * forgotten example never becomes a case.
 */
export function exampleRows(t: Translate, missionCode: string): Record<ImportColumn, string>[] {
  const theCase = { case_ref: TEMPLATE_EXAMPLE_REF, mission_code: missionCode, opened_on: '2015-03-10', category: 'trafficking', subcategory: 'forced_labour', status: 'closed', closed_on: '2015-09-01', outcome: 'repatriated' };
  const accused = { sex: 'M', date_of_birth: '', nik: '', passport_no: '', nationality: 'ID' };
  return [
    { ...theCase, role: 'subject', full_name: t('import.templateFile.exampleSubject'), sex: 'F', date_of_birth: '1990-05-12', nik: '3174015205900001', passport_no: 'C1234567', nationality: 'ID', prosecution_stage: '' },
    { ...theCase, role: 'recruiter', full_name: t('import.templateFile.exampleRecruiter'), ...accused, prosecution_stage: 'P-21' },
    { ...theCase, role: 'agent', full_name: t('import.templateFile.exampleAgent'), ...accused, prosecution_stage: 'P-18/P-19' },
  ];
}

/** The template as CSV: the header and the example case (UTF-8 with a byte-order mark, as our other CSV files). */
export function templateCsv(t: Translate, missions: readonly TemplateMission[]): string {
  const rows = exampleRows(t, missions[0]?.code ?? 'KUL').map((r) => IMPORT_COLUMNS.map((c) => r[c]));
  return `\uFEFF${stringify([[...IMPORT_COLUMNS], ...rows], CSV_OPTIONS)}`;
}

/**
 * The template as a workbook: first the sheet to fill in (the header and the example case;
 * every cell text, so a spreadsheet keeps a NIK's 16 digits and dates as written), then a
 * sheet of every code with its meaning in the reader's language, the reader's missions among them.
 */
export async function templateWorkbook(t: Translate, missions: readonly TemplateMission[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Payung';
  book.created = new Date();
  const cases = book.addWorksheet(t('import.templateFile.casesSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  cases.columns = IMPORT_COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(14, c.length + 4), style: { numFmt: '@' } }));
  cases.getRow(1).font = { bold: true };
  for (const row of exampleRows(t, missions[0]?.code ?? 'KUL')) cases.addRow(row);

  const codes = book.addWorksheet(t('import.templateFile.codesSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.columns = [
    { header: t('import.templateFile.column'), key: 'column', width: 20 },
    { header: t('import.templateFile.code'), key: 'code', width: 22 },
    { header: t('import.templateFile.meaning'), key: 'meaning', width: 50 },
    { header: t('import.templateFile.category'), key: 'category', width: 40 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const m of missions) codes.addRow({ column: 'mission_code', code: m.code, meaning: m.name });
  for (const c of importCodes()) {
    codes.addRow({ column: c.column, code: c.code, meaning: importCodeLabel(t, c), ...(c.category ? { category: `${c.category} · ${t(`categories.${c.category}`)}` } : {}) });
  }
  codes.getColumn('code').numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}
