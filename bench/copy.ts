import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows typed by the schema (`$inferInsert`) as the text of a `COPY … FROM STDIN`: each value
 * goes through its column's own driver mapping (dates to ISO text, arrays to array literals,
 * JSON to text), so what COPY writes is what an insert through drizzle would have written.
 */

/** One field in COPY's text format: `\N` for null, and backslash, tab and line breaks escaped. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

export interface CopyChunk {
  table: string;
  /** the columns COPY names, snake_case as the database has them */
  columns: string[];
  text: string;
  rows: number;
}

/**
 * The rows of one table as COPY text. The columns are those any row sets; a row that leaves one
 * out gets the column's plain default (`false`, `1`…) or null — a column whose default is SQL
 * (`now()`, `gen_random_uuid()`) must then be set by every row or by none, so that COPY leaves
 * it to the database.
 */
export function copyChunk<T extends PgTable>(table: T, rows: T['$inferInsert'][]): CopyChunk {
  const all = getTableColumns(table);
  const keys = Object.keys(all).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const fill = keys.map((k) => {
    const column = all[k]!;
    const fallback = column.default;
    if (fallback !== undefined && is(fallback, SQL) && rows.some((r) => (r as Record<string, unknown>)[k] === undefined)) {
      throw new Error(`${getTableName(table)}.${k}: some rows leave out a column whose default is SQL; set it in every row or in none`);
    }
    return { key: k, column, fallback: fallback === undefined || is(fallback, SQL) ? null : fallback };
  });
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    let line = '';
    for (let j = 0; j < fill.length; j++) {
      const f = fill[j]!;
      const raw = row[f.key];
      const value = raw === undefined ? f.fallback : raw;
      line += (j ? '\t' : '') + copyField(value === null ? null : f.column.mapToDriverValue(value));
    }
    lines[i] = line;
  }
  return {
    table: getTableName(table),
    columns: fill.map((f) => (f.column.keyAsName ? toSnakeCase(f.key) : f.column.name)),
    text: rows.length ? `${lines.join('\n')}\n` : '',
    rows: rows.length,
  };
}
