import { describe, expect, it } from 'vitest';
import { suppressSmallCells, suppressionThreshold } from './suppress';
import type { ReportTable } from './tables';

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
