import ExcelJS from 'exceljs';
import { type TableLabels, labelledTable } from './labels';
import type { ReportTable } from './tables';

export interface WorkbookLabels extends TableLabels {
  /** a sheet's tab (31 characters at most; `about` is the first sheet's) */
  sheet: (name: string) => string;
  title: string;
  /** lines under the title: period, scope, when generated, "counts only" */
  about: string[];
}

/**
 * The summary as a workbook: an "about" sheet, then one sheet per table (tabs and titles in the
 * user's language), headers bold and frozen, counts as whole numbers.
 */
export async function summaryWorkbook(tables: ReportTable[], labels: WorkbookLabels): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Payung';
  book.created = new Date();
  const about = book.addWorksheet(labels.sheet('about'));
  about.addRow([labels.title]).font = { bold: true, size: 14 };
  for (const line of labels.about) about.addRow([line]);
  about.getColumn(1).width = 90;

  for (const table of tables) {
    const sheet = book.addWorksheet(labels.sheet(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.properties.defaultColWidth = 16;
    const header = sheet.addRow(table.columns.map(labels.column));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    // Row keys are codes (category, period…): written as their label, as text, so nothing is read as a formula or a date.
    for (const row of labelledTable(table, labels).rows) sheet.addRow(row);
    sheet.getColumn(1).width = 42;
    for (let c = 2; c <= table.columns.length; c++) {
      const column = sheet.getColumn(c);
      column.numFmt = table.columns.includes('figure') ? '#,##0.##' : '#,##0';
      column.width = 18;
    }
    sheet.getColumn(1).numFmt = '@';
    sheet.headerFooter.oddHeader = labels.table(table.name);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
