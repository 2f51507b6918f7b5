import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkSheet } from './check';
import { UnreadableFileError, formatOf, readCsv, readImportFile } from './read';
import { IMPORT_COLUMNS } from './template';

const encode = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV log', () => {
  it('numbers rows as a spreadsheet shows them: a quoted cell over two lines is one row, empty lines count', () => {
    const sheet = readCsv(encode('\uFEFFcase_ref,full_name\r\nA,"Sri\nWahyuni"\r\n\r\nB, Budi \r\n'));
    expect(sheet.header).toEqual(['case_ref', 'full_name']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A', 'Sri\nWahyuni'] },
      { row: 4, cells: ['B', 'Budi'] },
    ]);
  });
  it('takes the semicolons of spreadsheets set to Indonesian, and files in the Windows code page', () => {
    expect(readCsv(encode('case_ref;full_name\nA;Siti, Aminah\n')).rows[0]!.cells).toEqual(['A', 'Siti, Aminah']);
    const latin1 = Uint8Array.from([...encode('case_ref,full_name\nA,Jos'), 0xe9]);
    expect(readCsv(latin1).rows[0]!.cells).toEqual(['A', 'José']);
  });
  it('restores cells that our exports neutralised', () => {
    expect(readCsv(encode("case_ref,full_name\nA,'=1+2\n")).rows[0]!.cells).toEqual(['A', '=1+2']);
  });
  it('knows a workbook by its content, and refuses the old binary formats', async () => {
    expect(formatOf(encode('case_ref'), 'cases.xlsx')).toBeNull();
    expect(formatOf(Uint8Array.from([0x50, 0x4b, 3, 4]), 'cases.csv')).toBe('xlsx');
    expect(formatOf(encode('a,b'), 'cases.csv')).toBe('csv');
    await expect(readImportFile(encode('x'), 'cases.xls')).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(readImportFile(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 'cases.xlsx')).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('reading an XLSX log', () => {
  it('reads the first sheet: dates, long numbers and rich text as the cell shows them, with real row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kasus');
    sheet.addRow([...IMPORT_COLUMNS]);
    const row = (values: unknown[]) => sheet.addRow(values);
    row([
      'KUL/2015/001',
      'KUL',
      new Date(Date.UTC(2015, 2, 10)),
      'trafficking',
      'forced_labour',
      'in_progress',
      null,
      null,
      'subject',
      { richText: [{ text: 'Sri ' }, { font: { bold: true }, text: 'Wahyuni' }] },
      'F',
      new Date(Date.UTC(1990, 4, 12)),
      3174015205900001,
      'C1234567',
      'ID',
      'P-21',
    ]);
    sheet.addRow([]);
    row(['KUL/2015/001', 'KUL', '2015-03-10', 'trafficking', 'forced_labour', 'in_progress', '', '', 'trafficker', 'Pak Budi']);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const read = await readImportFile(bytes, 'legacy.xlsx');
    expect(read.header).toEqual([...IMPORT_COLUMNS]);
    expect(read.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(read.rows[0]!.cells).toEqual(['KUL/2015/001', 'KUL', '2015-03-10', 'trafficking', 'forced_labour', 'in_progress', '', '', 'subject', 'Sri Wahyuni', 'F', '1990-05-12', '3174015205900001', 'C1234567', 'ID', 'P-21']);
    const result = checkSheet(read, { missions: new Map([['KUL', { timeZone: 'Asia/Kuala_Lumpur', isInScope: true }]]), now: new Date('2026-01-01T00:00:00Z') });
    expect(result.problems).toEqual([]);
    expect(result.cases[0]!.people.map((p) => [p.row, p.fullName, p.dateOfBirth, p.nik])).toEqual([
      [2, 'Sri Wahyuni', '1990-05-12', '3174015205900001'],
      [4, 'Pak Budi', null, null],
    ]);
  });
});
