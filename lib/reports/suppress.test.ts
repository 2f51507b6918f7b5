import { describe, expect, it } from 'vitest';
import { suppressSmallCells, suppressionThreshold } from './suppress';

describe('small-cell suppression', () => {
  it('hides counts from 1 to threshold − 1, keeps zeros, money and medians', () => {
    const [trafficking, flow] = suppressSmallCells(
      [
        { name: 'trafficking', columns: ['period', 'cases', 'victims_child'], rows: [['2026-10', 12, 3], ['2026-11', 0, 4], ['total', 12, 7]] },
        { name: 'flow', columns: ['figure', 'value'], rows: [['new', 2], ['backlog_median_days', 3.5], ['restitution_idr', 4], ['resolved', 5]] },
      ],
      5,
    );
    expect(trafficking!.rows).toEqual([
      ['2026-10', 12, '<5'],
      ['2026-11', 0, '<5'],
      ['total', 12, 7],
    ]);
    expect(flow!.rows).toEqual([
      ['new', '<5'],
      ['backlog_median_days', 3.5],
      ['restitution_idr', 4],
      ['resolved', 5],
    ]);
  });

  it('takes its threshold from the environment, within sense', () => {
    expect(suppressionThreshold({})).toBe(5);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: '10' })).toBe(10);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: '1' })).toBe(5);
    expect(suppressionThreshold({ PAYUNG_SUPPRESS_BELOW: 'many' })).toBe(5);
  });
});
