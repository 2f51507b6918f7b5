import { describe, expect, it } from 'vitest';
import { emptySummary, type Summary } from '@/db/queries/summary';
import { parsePeriod } from '@/lib/domain/periods';
import { type Equation, SECONDARY_MARK, hasIntegerSolution, pinnedCells, suppressSmallCells, suppressionThreshold } from './suppress';
import { type ReportTable, summaryTables } from './tables';

const flow = (values: Record<string, number>): ReportTable => ({ name: 'flow', columns: ['figure', 'value'], rows: Object.entries(values) });

describe('small-cell suppression', () => {
  it('hides counts from 1 to threshold − 1, keeps zeros, money and medians', () => {
    const [trafficking, f] = suppressSmallCells(
      [
        { name: 'trafficking', columns: ['period', 'cases', 'victims_child'], rows: [['2026-10', 12, 3], ['2026-11', 0, 4], ['total', 12, 7]] },
        { name: 'money', columns: ['figure', 'value'], rows: [['payments', 2], ['backlog_median_days', 3.5], ['restitution_idr', 4], ['resolved', 5]] },
      ],
      5,
    );
    expect(trafficking!.rows).toEqual([
      ['2026-10', 12, '<5'],
      ['2026-11', 0, '<5'],
      ['total', 12, 7],
    ]);
    expect(f!.rows).toEqual([
      ['payments', '<5'],
      ['backlog_median_days', 3.5],
      ['restitution_idr', 4],
      ['resolved', 5],
    ]);
  });

  it('hides a second count where the first could be worked out from a total', () => {
    const [trafficking] = suppressSmallCells(
      [{ name: 'trafficking', columns: ['period', 'victims_child'], rows: [['2026-10', 3], ['2026-11', 9], ['2026-12', 20], ['total', 32]] }],
      5,
    );
    // 32 − 9 − 20 would give the 3: the 9 goes too (the smallest other), marked x since it may be any size
    expect(trafficking!.rows).toEqual([
      ['2026-10', '<5'],
      ['2026-11', 'x'],
      ['2026-12', 20],
      ['total', 32],
    ]);
  });

  it('follows the flow’s balance and the breakdowns of new cases, until nothing can be worked out', () => {
    const tables: ReportTable[] = [
      flow({ open_at_start: 40, new: 12, transferred_in: 0, resolved: 2, closed_unresolved: 0, transferred_out: 0, open_at_end: 50 }),
      { name: 'new_by_category', columns: ['category', 'cases'], rows: [['labour', 9], ['trafficking', 3]] },
    ];
    const [f, byCategory] = suppressSmallCells(tables, 5);
    // resolved 2 is small: with the balance it would follow from 40 + 12 − 50; "new" (12) is hidden with it…
    expect(f!.rows.find((r) => r[0] === 'resolved')![1]).toBe('<5');
    expect(f!.rows.find((r) => r[0] === 'new')![1]).toBe('x');
    // …so trafficking's 3 cannot be had as 12 − 9 any more: labour's 9 stays
    expect(byCategory!.rows).toEqual([
      ['labour', 9],
      ['trafficking', '<5'],
    ]);
    // no set of linked cells is left with exactly one hidden
    expect(f!.rows.find((r) => r[0] === 'open_at_start')![1]).toBe(40);
  });

  it('takes its threshold from the environment, within sense', () => {
    expect(suppressionThreshold({})).toBe(5);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: '10' })).toBe(10);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: '1' })).toBe(5);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: 'many' })).toBe(5);
  });
});

/**
 * The reader's side, written apart from the code under test: everything a summary publishes
 * that ties its cells together, as equations Σ coef × cell + constant = 0 over the hidden cells.
 */
function readerEquations(tables: ReportTable[], original: ReportTable[]) {
  const cells: string[] = [];
  const ranges: [number, number][] = [];
  const truth: number[] = [];
  const table = (name: string) => tables.find((t) => t.name === name);
  const lookup = new Map<string, { shown: string | number | null; index?: number }>();
  for (const t of tables)
    t.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (c === 0) return;
        const id = `${t.name}/${row[0]}/${t.columns[c]}`;
        if (typeof v === 'string' && (v.startsWith('<') || v === SECONDARY_MARK)) {
          lookup.set(id, { shown: v, index: cells.length });
          cells.push(id);
          ranges.push(v === SECONDARY_MARK ? [0, 1e9] : [1, Number(v.slice(1)) - 1]);
          truth.push(original.find((o) => o.name === t.name)!.rows[r]![c] as number);
        } else lookup.set(id, { shown: v });
      }),
    );
  const equations: Equation[] = [];
  const equation = (terms: [string, number][]) => {
    const e = { vars: [] as number[], coefs: [] as number[], constant: 0 };
    for (const [id, coef] of terms) {
      const cell = lookup.get(id);
      if (cell?.index !== undefined) {
        e.vars.push(cell.index);
        e.coefs.push(coef);
      } else e.constant += coef * (typeof cell?.shown === 'number' ? cell.shown : 0);
    }
    if (e.vars.length) equations.push(e);
  };
  const all = (name: string, column: string, coef: number, except?: string) => (table(name)?.rows ?? []).filter((r) => r[0] !== except).map((r) => [`${name}/${r[0]}/${column}`, coef] as [string, number]);
  const flow = (key: string, coef: number) => [`flow/${key}/value`, coef] as [string, number];
  equation([flow('open_at_start', 1), flow('new', 1), flow('transferred_in', 1), flow('resolved', -1), flow('closed_unresolved', -1), flow('transferred_out', -1), flow('open_at_end', -1)]);
  equation([flow('backlog_under_30_days', 1), flow('backlog_30_to_89_days', 1), flow('backlog_90_to_364_days', 1), flow('backlog_365_days_or_more', 1), flow('open_at_end', -1)]);
  for (const [name, column] of [['new_by_category', 'cases'], ['new_by_class', 'cases'], ['new_by_mission', 'cases']] as const) equation([...all(name, column, 1), flow('new', -1)]);
  equation([...all('subjects_by_sex', 'subjects', 1), ...all('subjects_by_age', 'subjects', -1)]);
  equation([['subjects_by_sex/unknown/subjects', 1], ['data_quality/subjects_without_sex/value', -1]]);
  for (const column of table('trafficking')!.columns.slice(1)) equation([...all('trafficking', column, 1, 'total'), [`trafficking/total/${column}`, -1]]);
  equation([...all('trafficking', 'cases', 1, 'total'), ['new_by_category/trafficking/cases', -1]]);
  return { cells, ranges, equations, truth };
}

/** A small random summary whose figures agree with each other, as a real one's do. */
function randomSummary(seed: number): Summary {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const upTo = (n: number) => Math.floor(next() * (Math.max(0, n) + 1));
  const split = (total: number, parts: number) => {
    const out: number[] = [];
    let left = total;
    for (let i = 0; i < parts - 1; i++) out.push(upTo(left)), (left -= out[i]!);
    return [...out, left];
  };
  const s = emptySummary(parsePeriod('2026-Q4')!, { kind: 'mission', code: 'KUL' });
  const category = { labour: upTo(12), trafficking: upTo(7), criminal: upTo(4) };
  const fresh = category.labour + category.trafficking + category.criminal;
  const [general, special] = split(fresh, 2);
  const [kul, jed] = split(fresh, 2);
  const start = upTo(20);
  const incoming = upTo(3);
  const [resolved, unresolved, out, end] = split(start + fresh + incoming, 4);
  const bands = split(end!, 4);
  s.flow = { openAtStart: start, new: fresh, transferredIn: incoming, resolved: resolved!, closedUnresolved: unresolved!, transferredOut: out!, openAtEnd: end!, backlog: { median: 12.5, under30: bands[0]!, from30to90: bands[1]!, from90to365: bands[2]!, over365: bands[3]! } };
  s.newBy = { category, caseClass: { general: general!, special: special! }, mission: { JED: jed!, KUL: kul! } };
  const subjects = upTo(15);
  const [female, male, unknown] = split(subjects, 3);
  const [child, adult] = split(subjects, 2);
  s.subjectsBy = { sex: { female: female!, male: male!, unknown: unknown! }, age: { child: child!, adult: adult! } };
  s.dataQuality.subjectsWithoutSex = unknown!;
  const cases = split(category.trafficking, 3);
  s.trafficking = s.trafficking.slice(0, 3).map((row, i) => ({ ...row, cases: cases[i]!, victims_adult: upTo(5), victims_child: upTo(3), perpetrators: upTo(3), files_p21: upTo(cases[i]!) }));
  const sum = (k: keyof (typeof s.trafficking)[number]) => s.trafficking.reduce((a, r) => a + (r[k] as number), 0);
  s.trafficking.push({ period: 'total', cases: sum('cases'), victims_adult: sum('victims_adult'), victims_child: sum('victims_child'), perpetrators: sum('perpetrators'), files_p21: sum('files_p21') });
  s.legal = { detainees: upTo(6), consularVisits: upTo(9), lawyersAppointed: upTo(3), deathPenaltyOpenAtEnd: upTo(2) };
  return s;
}

describe('suppression against a reader who knows every published relation', () => {
  it('leaves every hidden cell of 300 generated summaries with more than one possible value', () => {
    const givenAway: string[] = [];
    let hiddenCells = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const original = summaryTables(randomSummary(seed));
      const published = suppressSmallCells(original, 5);
      const { cells, ranges, equations, truth } = readerEquations(published, original);
      hiddenCells += cells.length;
      expect(hasIntegerSolution(equations, ranges.map((r, i) => [truth[i]!, truth[i]!])), `seed ${seed}: the true figures solve the reader's equations`).toBe(true);
      for (const i of pinnedCells(equations, ranges, truth)) givenAway.push(`seed ${seed}: ${cells[i]} can only be ${truth[i]}`);
    }
    expect(hiddenCells).toBeGreaterThan(300);
    expect(givenAway).toEqual([]);
  });

  it('finds what only several equations together give away', () => {
    // x − y = 0 and x + y = 10: each alone leaves x anywhere from 0 to 10; together, only 5
    const equations: Equation[] = [
      { vars: [0, 1], coefs: [1, -1], constant: 0 },
      { vars: [0, 1], coefs: [1, 1], constant: -10 },
    ];
    expect(pinnedCells(equations, [[0, 1e9], [0, 1e9]], [5, 5])).toEqual([0, 1]);
    expect(pinnedCells(equations.slice(1), [[0, 1e9], [0, 1e9]], [5, 5])).toEqual([]);
    expect(hasIntegerSolution([{ vars: [0, 1], coefs: [2, 2], constant: -7 }], [[0, 10], [0, 10]])).toBe(false);
  });
});
