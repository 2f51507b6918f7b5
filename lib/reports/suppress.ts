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

/** A relation a reader can form between published cells: Σ sign × value = 0. */
interface Relation {
  cells: Cell[];
  signs: number[];
}

const FLOW_BALANCE: [string, number][] = [
  ['open_at_start', 1],
  ['new', 1],
  ['transferred_in', 1],
  ['resolved', -1],
  ['closed_unresolved', -1],
  ['transferred_out', -1],
  ['open_at_end', -1],
];
const BACKLOG: [string, number][] = [
  ['backlog_under_30_days', 1],
  ['backlog_30_to_89_days', 1],
  ['backlog_90_to_364_days', 1],
  ['backlog_365_days_or_more', 1],
  ['open_at_end', -1],
];

/**
 * Every sum a reader can form from the tables, so that hidden cells in it are tied to the
 * shown ones: the flow's balance (open at start + new + in − out = open at end); the backlog's
 * age bands and "open at end"; each breakdown of new cases against "new"; people by sex against
 * people by age, and those of unknown sex against the data-quality figure; each column of the
 * trafficking table against its total, and its cases against the trafficking category's new
 * cases.
 */
function publishedRelations(tables: ReportTable[]): Relation[] {
  const at = (name: string) => tables.findIndex((t) => t.name === name);
  const row = (ti: number, key: string): Cell[] => (ti < 0 ? [] : tables[ti]!.rows.flatMap((r, ri) => (String(r[0]) === key ? [[ti, ri, 1] as Cell] : [])));
  const rows = (ti: number, sign: number, column = 1, skip?: string): [Cell, number][] =>
    ti < 0 ? [] : tables[ti]!.rows.flatMap((r, ri) => (String(r[0]) === skip ? [] : [[[ti, ri, column] as Cell, sign] as [Cell, number]]));
  const relation = (terms: [Cell, number][]): Relation => ({ cells: terms.map(([c]) => c), signs: terms.map(([, s]) => s) });
  const named = (ti: number, terms: [string, number][]) => terms.flatMap(([key, sign]) => row(ti, key).map((c) => [c, sign] as [Cell, number]));
  const flow = at('flow');
  const newCases = named(flow, [['new', -1]]);
  const relations = [relation(named(flow, FLOW_BALANCE)), relation(named(flow, BACKLOG))];
  for (const name of ['new_by_category', 'new_by_class', 'new_by_mission']) if (at(name) >= 0) relations.push(relation([...rows(at(name), 1), ...newCases]));
  relations.push(relation([...rows(at('subjects_by_sex'), 1), ...rows(at('subjects_by_age'), -1)]));
  relations.push(relation([...row(at('subjects_by_sex'), 'unknown').map((c) => [c, 1] as [Cell, number]), ...named(at('data_quality'), [['subjects_without_sex', -1]])]));
  const trafficking = at('trafficking');
  if (trafficking >= 0) {
    const table = tables[trafficking]!;
    const hasTotal = table.rows.some((r) => r[0] === 'total');
    if (hasTotal) table.columns.slice(1).forEach((_, i) => relations.push(relation([...rows(trafficking, 1, i + 1, 'total'), ...row(trafficking, 'total').map((c) => [[c[0], c[1], i + 1] as Cell, -1] as [Cell, number])])));
    const cases = table.columns.indexOf('cases');
    if (cases > 0 && at('new_by_category') >= 0) relations.push(relation([...rows(trafficking, 1, cases, 'total'), ...row(at('new_by_category'), 'trafficking').map((c) => [c, -1] as [Cell, number])]));
  }
  return relations.filter((r) => r.cells.length > 1);
}

type Range = [number, number];

/** A linear equation over the hidden cells: Σ coefs[i] × cell[vars[i]] + constant = 0. */
export interface Equation {
  vars: number[];
  coefs: number[];
  constant: number;
}

/**
 * Whether the equations have a solution in integers, each cell within its range: the ranges
 * narrowed equation by equation until nothing changes, then a search that halves the widest
 * open range. Exact: it finds what a reader could conclude, also from several equations
 * together (x − y = 0 and x + y = 10 leave only x = 5, which narrowing alone does not see).
 */
export function hasIntegerSolution(equations: Equation[], ranges: Range[], budget = { steps: 50_000 }): boolean {
  // A search that runs too long counts as finding nothing: the cell is then taken as given away
  // and more is hidden, never less.
  if (--budget.steps < 0) return false;
  const lo = ranges.map((r) => r[0]);
  const hi = ranges.map((r) => r[1]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of equations) {
      for (let j = 0; j < e.vars.length; j++) {
        let min = -e.constant;
        let max = -e.constant;
        e.vars.forEach((v, i) => {
          if (i === j) return;
          const a = e.coefs[i]! * lo[v]!;
          const b = e.coefs[i]! * hi[v]!;
          min -= Math.max(a, b);
          max -= Math.min(a, b);
        });
        const v = e.vars[j]!;
        const c = e.coefs[j]!;
        const [l, h] = c > 0 ? [Math.ceil(min / c), Math.floor(max / c)] : [Math.ceil(max / c), Math.floor(min / c)];
        if (l > lo[v]!) [lo[v], changed] = [l, true];
        if (h < hi[v]!) [hi[v], changed] = [h, true];
        if (lo[v]! > hi[v]!) return false;
      }
    }
  }
  // Branch on the open cell with the fewest values left, among those the equations hold.
  let pick = -1;
  for (const e of equations) for (const v of e.vars) if (hi[v]! > lo[v]! && (pick < 0 || hi[v]! - lo[v]! < hi[pick]! - lo[pick]!)) pick = v;
  if (pick < 0) return equations.every((e) => e.vars.reduce((sum, v, i) => sum + e.coefs[i]! * lo[v]!, e.constant) === 0);
  const narrowed = (range: Range) => lo.map((l, i) => (i === pick ? range : [l, hi[i]!]) as Range);
  if (hi[pick]! - lo[pick]! < 8) {
    for (let x = lo[pick]!; x <= hi[pick]!; x++) if (hasIntegerSolution(equations, narrowed([x, x]), budget)) return true;
    return false;
  }
  const mid = Math.floor((lo[pick]! + Math.min(hi[pick]!, lo[pick]! + 1e9)) / 2);
  return hasIntegerSolution(equations, narrowed([lo[pick]!, mid]), budget) || hasIntegerSolution(equations, narrowed([mid + 1, hi[pick]!]), budget);
}

/** The equations tied to cell `start` through shared cells: the only ones that can pin it. */
function componentOf(equations: Equation[], start: number): Equation[] {
  const cells = new Set([start]);
  const chosen = new Set<Equation>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of equations) {
      if (chosen.has(e) || !e.vars.some((v) => cells.has(v))) continue;
      chosen.add(e);
      e.vars.forEach((v) => cells.add(v));
      grew = true;
    }
  }
  return [...chosen];
}

/** The cells a reader can pin to one value: no solution puts them anywhere but where they are. */
export function pinnedCells(equations: Equation[], ranges: Range[], truth: number[]): number[] {
  return truth.flatMap((v, i) => {
    const tied = componentOf(equations, i);
    const other = (range: Range) => hasIntegerSolution(tied, ranges.map((r, j) => (j === i ? range : r)));
    return other([ranges[i]![0], v - 1]) || other([v + 1, ranges[i]![1]]) ? [] : [i];
  });
}

/**
 * Tables for outside the ministry: every count from 1 to threshold − 1 becomes "<threshold",
 * so a small group of victims cannot be picked out. Zero stays zero (it identifies no one).
 * Then complementary suppression against a reader who knows every relation between the
 * published cells (publishedRelations) and solves them together, exactly, in whole numbers:
 * while any hidden count has only one possible value, a shown count tied to it is hidden too
 * (shown as "x", since it may be any size) — the one whose hiding frees it, the nearest and
 * smallest first.
 */
export function suppressSmallCells(tables: ReportTable[], threshold: number): ReportTable[] {
  const primary = new Set<string>();
  const secondary = new Set<string>();
  const key = ([t, r, c]: Cell) => `${t}:${r}:${c}`;
  const value = ([t, r, c]: Cell) => {
    const v = tables[t]!.rows[r]![c];
    return typeof v === 'number' ? v : 0;
  };
  const isCount = ([t, r]: Cell) => !NOT_A_COUNT.test(String(tables[t]!.rows[r]![0]));
  tables.forEach((table, t) =>
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (c > 0 && typeof v === 'number' && v > 0 && v < threshold && isCount([t, r, c])) primary.add(key([t, r, c]));
      }),
    ),
  );
  const relations = publishedRelations(tables);
  const isHidden = (c: Cell) => primary.has(key(c)) || secondary.has(key(c));
  /** The reader's equations over the hidden cells (with `extra` hidden too): "<t" is 1 to t − 1, "x" any count. */
  const readerView = (extra?: string) => {
    const xs = new Set(extra ? [...secondary, extra] : secondary);
    const cells = [...new Set([...primary, ...xs])];
    const index = new Map(cells.map((k, i) => [k, i]));
    const ranges = cells.map((k): [number, number] => (xs.has(k) ? [0, 1e9] : [1, threshold - 1]));
    const equations: Equation[] = relations
      .map(({ cells: members, signs }) => {
        const e: Equation = { vars: [], coefs: [], constant: 0 };
        members.forEach((c, i) => {
          const at = index.get(key(c));
          if (at === undefined) e.constant += signs[i]! * value(c);
          else e.vars.push(at), e.coefs.push(signs[i]!);
        });
        return e;
      })
      .filter((e) => e.vars.length);
    const truth = cells.map((k) => value(k.split(':').map(Number) as Cell));
    return { cells, index, ranges, equations, truth };
  };
  for (;;) {
    const view = readerView();
    const pinned = pinnedCells(view.equations, view.ranges, view.truth);
    if (!pinned.length) break;
    const givenAway = view.cells[pinned[0]!]!;
    // The shown counts tied to the given-away cell through the relations (the nearest first, then
    // the smallest, non-zero before zero): hide the first whose hiding frees it, or else the first.
    const tied = componentOf(view.equations, pinned[0]!);
    const near = new Set(relations.filter((r) => r.cells.some((c) => key(c) === givenAway)).flatMap((r) => r.cells.map(key)));
    const inComponent = new Set(relations.filter((r) => r.cells.some((c) => tied.some((e) => e.vars.some((v) => view.cells[v] === key(c))))).flatMap((r) => r.cells.map(key)));
    const candidates = [...new Set([...near, ...inComponent])]
      .map((k) => k.split(':').map(Number) as Cell)
      .filter((c) => !isHidden(c) && typeof tables[c[0]]!.rows[c[1]]![c[2]] === 'number' && isCount(c))
      .sort((a, b) => Number(!near.has(key(a))) - Number(!near.has(key(b))) || Number(value(a) === 0) - Number(value(b) === 0) || value(a) - value(b));
    const frees = candidates.find((c) => {
      const next = readerView(key(c));
      return !pinnedCells(next.equations, next.ranges, next.truth).includes(next.index.get(givenAway)!);
    });
    const chosen = frees ?? candidates[0];
    if (chosen) {
      secondary.add(key(chosen));
      continue;
    }
    // Every count tied to it is hidden already and the bands alone pin it (four age bands of
    // "<5" whose total is "<5" can only be 1 each): say no more of it than "x".
    if (secondary.has(givenAway)) break;
    secondary.add(givenAway);
  }
  return tables.map((table, t) => ({
    ...table,
    rows: table.rows.map((row, r) => row.map((v, c) => (secondary.has(key([t, r, c])) ? SECONDARY_MARK : primary.has(key([t, r, c])) ? `<${threshold}` : v))),
  }));
}
