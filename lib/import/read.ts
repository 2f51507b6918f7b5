import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { restoreCell } from '@/lib/reports/csv';
import type { RawSheet } from './template';

export class UnreadableFileError extends Error {
  constructor(readonly reason: 'format' | 'content') {
    super(`unreadable import file (${reason})`);
    this.name = 'UnreadableFileError';
  }
}

export type ImportFormat = 'csv' | 'xlsx';

/** By content, not by name: an XLSX workbook is a ZIP (PK\x03\x04). */
export function formatOf(bytes: Uint8Array, fileName = ''): ImportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (/\.(xlsx|xls|ods)$/i.test(fileName)) return null;
  return 'csv';
}

/** Reads a legacy log, CSV or XLSX, into rows with their spreadsheet row numbers. */
export async function readImportFile(bytes: Uint8Array, fileName = ''): Promise<RawSheet> {
  const format = formatOf(bytes, fileName);
  if (!format) throw new UnreadableFileError('format');
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/**
 * Text in UTF-8 (with or without a byte-order mark); a file that is not valid UTF-8 was most
 * likely saved by an older spreadsheet in the Windows code page.
 */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Spreadsheets set to Indonesian write CSV with `;` between cells (the comma is the decimal
 * separator there): the header line says which one the file uses.
 */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Each CSV record is one spreadsheet row (a quoted cell may span lines), so row numbers are
 * counted by record, empty lines included. Cells our own exports neutralised
 * (`'=…`) are read back as they were.
 */
export function readCsv(bytes: Uint8Array): RawSheet {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch {
    throw new UnreadableFileError('content');
  }
  return toSheet(records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => restoreCell(c.trim())) })));
}

/** The first worksheet; dates, numbers and rich text become the text a person sees in the cell. */
export async function readXlsx(bytes: Uint8Array): Promise<RawSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('content');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = restoreCell(cellText(cell.value).trim());
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toSheet(rows);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Long numbers (a NIK typed as a number) without exponent or grouping.
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** The first non-empty row is the header; empty rows after it are dropped (their numbers are kept by the others). */
function toSheet(rows: { row: number; cells: string[] }[]): RawSheet {
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...rest] = filled;
  if (!head) return { header: [], rows: [] };
  return { header: head.cells.map(normaliseHeader), rows: rest };
}

/** "Case ref", " CASE_REF " and "case-ref" all name `case_ref`. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
