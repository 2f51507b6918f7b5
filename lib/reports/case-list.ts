import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { type CaseListColumn, type CaseListRow, DATE_CASE_LIST_COLUMNS } from '@/lib/domain/case-list-columns';
import { type CaseListDictionary, CASE_LIST_CODES, type CaseListText } from './case-list-labels';
import { CSV_OPTIONS, neutraliseCell } from './csv';

export type { CaseListColumn, CaseListRow } from '@/lib/domain/case-list-columns';

/**
 * Writes a case list to a file a batch at a time, so that a list of a million cases never sits
 * in memory: CSV (UTF-8 with a byte-order mark, CRLF) or a workbook (frozen bold header, then
 * its data dictionary on a second sheet). Headers and flags are labels or codes as the file's
 * text says (lib/reports/case-list-labels.ts); coded values come labelled from the database.
 * Text cells are neutralised against formula injection in both.
 */
export interface CaseListWriter {
  add(rows: CaseListRow[]): Promise<void>;
  /** finishes the file; returns its size in bytes */
  close(): Promise<number>;
}

const values = (columns: readonly CaseListColumn[], r: CaseListRow, text: CaseListText) => columns.map((c) => neutraliseCell(text.cell(r[c])));

const csvHeader = (columns: readonly CaseListColumn[], text: CaseListText) => `\uFEFF${stringify([columns.map((c) => neutraliseCell(text.header(c)))], CSV_OPTIONS)}`;

export function caseListCsvWriter(path: string, columns: readonly CaseListColumn[], text: CaseListText = CASE_LIST_CODES): CaseListWriter {
  const out = fs.createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
  let started = false;
  const header = async () => {
    if (started) return;
    started = true;
    await write(csvHeader(columns, text));
  };
  return {
    async add(rows) {
      await header();
      if (rows.length) await write(stringify(rows.map((r) => values(columns, r, text)), CSV_OPTIONS));
    },
    async close() {
      await header();
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return (await fs.promises.stat(path)).size;
    },
  };
}

/** A YYYY-MM-DD day as a spreadsheet date (midnight UTC: the writer's serial day). */
const asDate = (v: string | number | null) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v);

/**
 * A workbook: the cases on the first sheet, then the dictionary of its columns. In a file for
 * people, dates are spreadsheet dates shown in the reader's way ("3 Okt 2026"), so that they
 * still sort and filter as dates; in a file for machines they stay YYYY-MM-DD text.
 */
export function caseListWorkbookWriter(
  path: string,
  columns: readonly CaseListColumn[],
  sheetName: string,
  text: CaseListText = CASE_LIST_CODES,
  dictionary?: CaseListDictionary,
): CaseListWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Payung';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const isDate = (c: CaseListColumn) => !!text.dateFormat && DATE_CASE_LIST_COLUMNS.includes(c);
  sheet.columns = columns.map((c) => ({
    header: String(neutraliseCell(text.header(c))),
    key: c,
    width: c === 'subjects' ? 40 : c.endsWith('_on') ? 12 : 16,
    ...(isDate(c) ? { style: { numFmt: text.dateFormat } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async add(rows) {
      for (const r of rows) sheet.addRow(values(columns, r, text).map((v, i) => (isDate(columns[i]!) ? asDate(v) : v))).commit();
    },
    async close() {
      sheet.commit();
      if (dictionary) {
        const sheet = workbook.addWorksheet(dictionary.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = dictionary.headers.map((header, i) => ({ header, width: [28, 18, 60, 22, 36][i] }));
        sheet.getRow(1).font = { bold: true };
        for (const row of dictionary.rows) sheet.addRow(row.map((v) => (v ? neutraliseCell(v) : null))).commit();
        sheet.commit();
      }
      await workbook.commit();
      return (await fs.promises.stat(path)).size;
    },
  };
}

/**
 * Writes a case list whose rows PostgreSQL has already made as CSV (db/queries/case-export.ts,
 * `COPY … TO STDOUT`): our header and byte-order mark first, then the rows with their line ends
 * made CRLF (outside quoted cells, whose text stays as it is), counting records for progress.
 */
export async function caseListCsvFromCopy(
  path: string,
  columns: readonly CaseListColumn[],
  rows: Readable,
  onRecords: (records: number) => void,
  text: CaseListText = CASE_LIST_CODES,
): Promise<number> {
  let quoted = false;
  let records = 0;
  const crlf = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let from = 0;
      const parts: Buffer[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LF && !quoted) {
          parts.push(chunk.subarray(from, i), CR_LF);
          from = i + 1;
          records++;
        }
      }
      parts.push(chunk.subarray(from));
      onRecords(records);
      done(null, Buffer.concat(parts));
    },
  });
  const file = fs.createWriteStream(path, { flags: 'wx', mode: 0o600 });
  file.write(csvHeader(columns, text));
  await pipeline(rows, crlf, file);
  return (await fs.promises.stat(path)).size;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR_LF = Buffer.from('\r\n');
