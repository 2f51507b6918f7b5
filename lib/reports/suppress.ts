import type { ReportTable } from './tables';

/** Counts under this are hidden in exports meant for outside the ministry (PAYUNG_SUPPRESS_BELOW, default 5). */
export function suppressionThreshold(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PAYUNG_SUPPRESS_BELOW ?? 5);
  return Number.isInteger(n) && n >= 2 && n <= 100 ? n : 5;
}

/** Amounts of money and medians are not counts of people or cases: they stay. */
const NOT_A_COUNT = /(_idr$|^median_|_median_)/;

/** A count hidden only so that a small one cannot be worked out: it may be any size. */
export const SECONDARY_MARK = 'x';

/** [table index, row index, column index] */
type Cell = [number, number, number];

const FLOW_BALANCE = ['open_at_start', 'new', 'transferred_in', 'resolved', 'closed_unresolved', 'transferred_out', 'open_at_end'];
const BACKLOG = ['backlog_under_30_days', 'backlog_30_to_89_days', 'backlog_90_to_364_days', 'backlog_365_days_or_more', 'open_at_end'];

/**
 * Sets of cells tied by a sum a reader can form, so one hidden cell among them could be worked
 * out from the rest: a column and its total; the flow's balance (open at start + in − out = open
 * at end) and the backlog's age bands; each breakdown of new cases against "new"; people by sex
 * against people by age.
 */
function linkedCells(tables: ReportTable[]): Cell[][] {
  const at = (name: string) => tables.findIndex((t) => t.name === name);
  const rowsOf = (ti: number, keys?: string[]): Cell[] =>
    ti < 0 ? [] : tables[ti]!.rows.flatMap((r, ri) => (!keys || keys.includes(String(r[0])) ? [[ti, ri, 1] as Cell] : []));
  const groups: Cell[][] = [];
  const flow = at('flow');
  groups.push(rowsOf(flow, FLOW_BALANCE), rowsOf(flow, BACKLOG));
  for (const name of ['new_by_category', 'new_by_class', 'new_by_mission']) groups.push([...rowsOf(at(name)), ...rowsOf(flow, ['new'])]);
  groups.push([...rowsOf(at('subjects_by_sex')), ...rowsOf(at('subjects_by_age'))]);
  const trafficking = at('trafficking');
  if (trafficking >= 0 && tables[trafficking]!.rows.some((r) => r[0] === 'total')) {
    tables[trafficking]!.columns.slice(1).forEach((_, i) => groups.push(tables[trafficking]!.rows.map((_, ri) => [trafficking, ri, i + 1] as Cell)));
  }
  return groups.filter((g) => g.length > 1);
}

/**
 * Tables for outside the ministry: every count from 1 to threshold − 1 becomes "<threshold",
 * so a small group of victims cannot be picked out. Zero stays zero (it identifies no one).
 * Then complementary suppression: where a hidden count could be worked out from the cells it
 * sums with, the smallest other non-zero count of that sum is hidden too (shown as "x", since it
 * may be any size), until none can be.
 */
export function suppressSmallCells(tables: ReportTable[], threshold: number): ReportTable[] {
  const hidden = new Set<string>();
  const secondary = new Set<string>();
  const key = ([t, r, c]: Cell) => `${t}:${r}:${c}`;
  const value = ([t, r, c]: Cell) => tables[t]!.rows[r]![c];
  const isCount = ([t, r]: Cell) => !NOT_A_COUNT.test(String(tables[t]!.rows[r]![0]));
  tables.forEach((table, t) =>
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (c > 0 && typeof v === 'number' && v > 0 && v < threshold && isCount([t, r, c])) hidden.add(key([t, r, c]));
      }),
    ),
  );
  const groups = linkedCells(tables);
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (group.filter((cell) => hidden.has(key(cell))).length !== 1) continue;
      const candidates = group.filter((cell) => !hidden.has(key(cell)) && typeof value(cell) === 'number' && (value(cell) as number) > 0);
      const smallest = candidates.sort((a, b) => (value(a) as number) - (value(b) as number))[0];
      if (!smallest) continue; // the others are all zero: the hidden one is as wide as the band anyway
      hidden.add(key(smallest));
      secondary.add(key(smallest));
      changed = true;
    }
  }
  return tables.map((table, t) => ({
    ...table,
    rows: table.rows.map((row, r) => row.map((v, c) => (secondary.has(key([t, r, c])) ? SECONDARY_MARK : hidden.has(key([t, r, c])) ? `<${threshold}` : v))),
  }));
}
