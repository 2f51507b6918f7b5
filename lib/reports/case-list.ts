import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { CaseListColumn, CaseListRow } from '@/lib/domain/case-list-columns';
import { CSV_OPTIONS, neutraliseCell } from './csv';

export type { CaseListColumn, CaseListRow } from '@/lib/domain/case-list-columns';

const cell = (v: string | number | boolean | null) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);

/**
 * Writes a case list to a file a batch at a time, so that a list of a million cases never sits
 * in memory: CSV (code headers, UTF-8 with a byte-order mark, CRLF) or a workbook with one sheet
 * (frozen bold header). Text cells are neutralised against formula injection in both.
 */
export interface CaseListWriter {
  add(rows: CaseListRow[]): Promise<void>;
  /** finishes the file; returns its size in bytes */
  close(): Promise<number>;
}

const values = (columns: readonly CaseListColumn[], r: CaseListRow) => columns.map((c) => neutraliseCell(cell(r[c])));

export function caseListCsvWriter(path: string, columns: readonly CaseListColumn[]): CaseListWriter {
  const out = fs.createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
  let started = false;
  const header = async () => {
    if (started) return;
    started = true;
    await write(`\uFEFF${stringify([columns as unknown as string[]], CSV_OPTIONS)}`);
  };
  return {
    async add(rows) {
      await header();
      if (rows.length) await write(stringify(rows.map((r) => values(columns, r)), CSV_OPTIONS));
    },
    async close() {
      await header();
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return (await fs.promises.stat(path)).size;
    },
  };
}

export function caseListWorkbookWriter(path: string, columns: readonly CaseListColumn[], sheetName: string): CaseListWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Payung';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === 'subjects' ? 40 : c.endsWith('_on') ? 12 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async add(rows) {
      for (const r of rows) sheet.addRow(values(columns, r)).commit();
    },
    async close() {
      sheet.commit();
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
export async function caseListCsvFromCopy(path: string, columns: readonly CaseListColumn[], rows: Readable, onRecords: (records: number) => void): Promise<number> {
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
  file.write(`\uFEFF${stringify([columns as unknown as string[]], CSV_OPTIONS)}`);
  await pipeline(rows, crlf, file);
  return (await fs.promises.stat(path)).size;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR_LF = Buffer.from('\r\n');
