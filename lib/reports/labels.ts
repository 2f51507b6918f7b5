import { translateKey } from '@/lib/i18n/dynamic';
import type { ReportTable } from './tables';

type Translate = Parameters<typeof translateKey>[0];

/** A summary table's row key (a code) as the user reads it. */
export function reportRowLabel(t: Translate, table: string, code: string): string {
  switch (table) {
    case 'new_by_category':
      return translateKey(t, `categories.${code}`, code);
    case 'new_by_class':
      return translateKey(t, `caseClass.${code}`, code);
    case 'subjects_by_sex':
      return translateKey(t, `reports.sex.${code}`, code);
    case 'subjects_by_age':
      return translateKey(t, `reports.age.${code}`, code);
    case 'flow':
    case 'trafficking_outcomes':
    case 'legal':
    case 'age_claims':
    case 'money':
    case 'timeliness':
    case 'data_quality':
      return translateKey(t, `reports.figures.${code}`, code);
    case 'services':
      return translateKey(t, `services.${code}`, code);
    case 'trafficking':
      return code === 'total' ? translateKey(t, 'reports.total', code) : code;
    default:
      return code;
  }
}

/** How a summary's tables read for people: their titles, column headers and row keys as labels. */
export interface TableLabels {
  table: (name: string) => string;
  column: (code: string) => string;
  row: (table: string, code: string) => string;
}

/**
 * A table as people read it: headers and row keys as labels, and a correction's table, row and
 * column too (they name another table's codes); the figures as they are.
 */
export function labelledTable(table: ReportTable, labels: TableLabels): ReportTable {
  const row = (r: ReportTable['rows'][number]) => {
    if (table.name !== 'corrections') return [labels.row(table.name, String(r[0])), ...r.slice(1)];
    const [month, name, key, column, ...figures] = r;
    return [month!, labels.table(String(name)), labels.row(String(name), String(key)), labels.column(String(column)), ...figures];
  };
  return { name: table.name, columns: table.columns.map(labels.column), rows: table.rows.map(row) };
}

/**
 * The data dictionary of a summary's CSV files: for each file, each column's code and label,
 * then each row key that is a code (a category, a figure…) with its label. Months, periods and
 * mission codes are their own labels and are not repeated.
 */
export function summaryDictionary(tables: ReportTable[], fileOf: (table: string) => string, labels: TableLabels, headers: string[]): ReportTable {
  const rows: ReportTable['rows'] = [];
  for (const table of tables) {
    const file = fileOf(table.name);
    const title = labels.table(table.name);
    for (const column of table.columns) rows.push([file, title, column, labels.column(column), '', '']);
    if (table.name === 'corrections') continue;
    for (const [code] of table.rows) {
      const label = labels.row(table.name, String(code));
      if (label !== String(code)) rows.push([file, title, '', '', String(code), label]);
    }
  }
  return { name: 'dictionary', columns: headers, rows };
}
