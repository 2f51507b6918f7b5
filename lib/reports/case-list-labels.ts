import {
  CODED_CASE_LIST_COLUMNS,
  type CaseListColumn,
  type CaseListValueLabels,
  type CodedCaseListColumn,
  DATE_CASE_LIST_COLUMNS,
  FLAG_CASE_LIST_COLUMNS,
} from '@/lib/domain/case-list-columns';
import type { Locale } from '@/lib/domain/users';
import { translateKey } from '@/lib/i18n/dynamic';

type Translate = Parameters<typeof translateKey>[0];

/**
 * How a case list's file names its columns and writes its flags: labels in the reader's language
 * for people (the default), or the codes for machines. Coded values are labelled by the database
 * (db/queries/case-export.ts, given caseListValueLabels).
 */
export interface CaseListText {
  header(column: CaseListColumn): string;
  cell(value: string | number | boolean | null): string | number | null;
  /** a workbook's number format for dates; without one, dates stay YYYY-MM-DD text */
  dateFormat?: string;
}

export const CASE_LIST_CODES: CaseListText = {
  header: (c) => c,
  cell: (v) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v),
};

/**
 * Excel's day-month-year in the reader's language ("3 Okt 2026" / "3 Oct 2026"): the [$-LCID]
 * prefix names the language of the month, whatever language the spreadsheet runs in.
 */
const WORKBOOK_DATE: Record<Locale, string> = { id: '[$-421]d mmm yyyy', en: '[$-809]d mmm yyyy' };

const yesNo = (t: Translate) => ({ yes: translateKey(t, 'exports.dictionary.yes'), no: translateKey(t, 'exports.dictionary.no') });

/** A file for people in the reader's language: labelled headers, flags as words, dates as dates in a workbook. */
export function caseListText(t: Translate, language: Locale): CaseListText {
  const { yes, no } = yesNo(t);
  return {
    header: (c) => translateKey(t, `exports.columns.${c}`, c),
    cell: (v) => (v === null ? '' : typeof v === 'boolean' ? (v ? yes : no) : v),
    dateFormat: WORKBOOK_DATE[language],
  };
}

/** Each coded column's labels by code, in the reader's language. */
export function caseListValueLabels(t: Translate): CaseListValueLabels {
  const codes = Object.fromEntries(
    Object.entries(CODED_CASE_LIST_COLUMNS).map(([column, { messages, codes }]) => [column, Object.fromEntries(codes.map((code) => [code, translateKey(t, `${messages}.${code}`, code)]))]),
  ) as Record<CodedCaseListColumn, Record<string, string>>;
  return { codes, ...yesNo(t) };
}

/** The data dictionary of a case list: one row per column, then one per code it can hold. */
export interface CaseListDictionary {
  title: string;
  headers: string[];
  rows: string[][];
}

/**
 * Each column's label, code name and meaning, and for a coded or yes/no column each code with its
 * label: what a data officer needs to read the file for people against the file for machines.
 */
export function caseListDictionary(t: Translate, columns: readonly CaseListColumn[]): CaseListDictionary {
  const values = caseListValueLabels(t);
  const rows: string[][] = [];
  for (const column of columns) {
    const label = translateKey(t, `exports.columns.${column}`, column);
    const meaning = translateKey(t, `exports.dictionary.meanings.${column}`, '');
    const dated = DATE_CASE_LIST_COLUMNS.includes(column) ? ` ${translateKey(t, 'exports.dictionary.dates')}` : '';
    rows.push([label, column, `${meaning}${dated}`, '', '']);
    const codes =
      column in CODED_CASE_LIST_COLUMNS
        ? Object.entries(values.codes[column as CodedCaseListColumn])
        : FLAG_CASE_LIST_COLUMNS.includes(column)
          ? [
              ['yes', values.yes],
              ['no', values.no],
            ]
          : [];
    for (const [code, codeLabel] of codes) rows.push([label, column, '', code!, codeLabel!]);
  }
  const header = (key: string) => translateKey(t, `exports.dictionary.headers.${key}`, key);
  return { title: translateKey(t, 'exports.dictionary.title'), headers: ['column', 'code', 'meaning', 'value', 'valueLabel'].map(header), rows };
}
