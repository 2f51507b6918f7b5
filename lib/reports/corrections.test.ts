import { describe, expect, it } from 'vitest';
import { correctionsOf } from './corrections';
import type { ReportTable } from './tables';

const tables = (newCases: number, labour: number, pending: number, p21: number): ReportTable[] => [
  { name: 'flow', columns: ['figure', 'value'], rows: [['new', newCases]] },
  { name: 'new_by_category', columns: ['category', 'cases'], rows: labour ? [['labour', labour]] : [] },
  { name: 'timeliness', columns: ['figure', 'value'], rows: [['pending_approvals', pending]] },
  { name: 'trafficking', columns: ['period', 'cases', 'files_p21'], rows: [['2026-10', 1, p21]] },
];

describe('corrections to a locked month', () => {
  it('name each changed figure with what was submitted and what the data now gives', () => {
    expect(correctionsOf('2026-10', tables(2, 2, 0, 0), [], tables(3, 3, 0, 0))).toEqual([
      { month: '2026-10', table: 'flow', row: 'new', column: 'value', was: 2, now: 3 },
      { month: '2026-10', table: 'new_by_category', row: 'labour', column: 'cases', was: 2, now: 3 },
    ]);
  });

  it('count a row that appears or disappears from or to 0', () => {
    expect(correctionsOf('2026-10', tables(1, 1, 0, 0), [], tables(0, 0, 0, 0))).toContainEqual({ month: '2026-10', table: 'new_by_category', row: 'labour', column: 'cases', was: 1, now: 0 });
    expect(correctionsOf('2026-10', tables(0, 0, 0, 0), [], tables(1, 1, 0, 0))).toContainEqual({ month: '2026-10', table: 'new_by_category', row: 'labour', column: 'cases', was: 0, now: 1 });
  });

  it('leave out progress since the lock: approvals decided, prosecutions moved on', () => {
    expect(correctionsOf('2026-10', tables(2, 2, 4, 0), [], tables(2, 2, 0, 1))).toEqual([]);
  });

  it('start from the last reported correction, so a change is reported once', () => {
    const reported = [{ month: '2026-10', table: 'flow', row: 'new', column: 'value', was: 2, now: 3 }];
    expect(correctionsOf('2026-10', tables(2, 3, 0, 0), reported, tables(3, 3, 0, 0))).toEqual([]);
    // a correction of another month does not apply
    expect(correctionsOf('2026-09', tables(2, 3, 0, 0), reported, tables(3, 3, 0, 0))).toHaveLength(1);
  });
});
