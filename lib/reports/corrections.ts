import type { ReportTable } from './tables';

type Cell = string | number | null;

/** A figure of a locked month that the data no longer gives: reported once, in a later month's summary. */
export interface Correction {
  /** the locked month corrected, "2026-10" */
  month: string;
  table: string;
  /** the row's key (first column): a figure, category, sex, period… */
  row: string;
  column: string;
  /** as submitted (or as last corrected) */
  was: Cell;
  now: Cell;
}

/**
 * Figures that describe the state of things when the summary was made rather than what
 * happened in the month — a claim decided, a prosecution moved on, an overdue step done,
 * a missing birth date filled in. Their change is progress, not a correction of the past.
 */
const PROGRESS: { table: string; row?: string; column?: string }[] = [
  { table: 'timeliness', row: 'overdue_steps_at_end' },
  { table: 'timeliness', row: 'pending_approvals' },
  { table: 'age_claims' },
  { table: 'data_quality' },
  { table: 'trafficking', column: 'files_p21' },
  { table: 'trafficking_outcomes', row: 'with_verdict' },
];

const isProgress = (table: string, row: string, column: string) =>
  PROGRESS.some((p) => p.table === table && (p.row === undefined || p.row === row) && (p.column === undefined || p.column === column));

const keyOf = (table: string, row: string, column: string) => JSON.stringify([table, row, column]);

/** Every cell of the tables, by table, row key and column. */
function cells(tables: ReportTable[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const t of tables) {
    for (const r of t.rows) {
      t.columns.slice(1).forEach((column, i) => out.set(keyOf(t.name, String(r[0]), column), r[i + 1] ?? null));
    }
  }
  return out;
}

/**
 * What changed in a locked month: its tables as submitted, with the corrections already
 * reported applied in order, against the tables from the data now. A row that appears or
 * disappears (a category with its first or last case) counts from or to 0.
 */
export function correctionsOf(month: string, submitted: ReportTable[], reported: Correction[], now: ReportTable[]): Correction[] {
  const before = cells(submitted);
  for (const c of reported) if (c.month === month) before.set(keyOf(c.table, c.row, c.column), c.now);
  const after = cells(now);
  const out: Correction[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [table, row, column] = JSON.parse(key) as [string, string, string];
    if (isProgress(table, row, column)) continue;
    const was = before.has(key) ? before.get(key)! : 0;
    const is = after.has(key) ? after.get(key)! : 0;
    if (was !== is) out.push({ month, table, row, column, was, now: is });
  }
  return out;
}

/** The corrections as a table for the summary's exports. */
export function correctionsTable(corrections: Correction[]): ReportTable {
  return {
    name: 'corrections',
    columns: ['month', 'table', 'row', 'column', 'submitted', 'corrected'],
    rows: corrections.map((c) => [c.month, c.table, c.row, c.column, c.was, c.now]),
  };
}
