import type postgres from 'postgres';
import { type PlanNode, type PlanProblem, planOutline, planProblems } from '@/db/plans';
import type { Statement } from './screens';

/**
 * The plans of the screen queries at the benchmark's scale, checked with db/plans.ts's rules
 * (no sequential scan of a big table, no OFFSET, no whole-table sort where an index gives the
 * order) and written out whole (EXPLAIN ANALYZE, BUFFERS) for bench/RESULTS.md.
 */
export interface ExplainedQuery {
  name: string;
  sql: string;
  /** the plan as PostgreSQL prints it */
  text: string;
  outline: string;
  executionMs: number;
  problems: PlanProblem[];
  /** rows that went into each Sort of the plan */
  sortedRows: number[];
}

/** Rows into each Sort of the main plan (not of a per-row subquery, such as a case's first subject). */
function sortInputs(node: PlanNode, out: number[] = []): number[] {
  if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') out.push(Number(node.Plans?.[0]?.['Actual Rows'] ?? 0) * Number(node.Plans?.[0]?.['Actual Loops'] ?? 1));
  for (const child of node.Plans ?? []) if (child['Parent Relationship'] !== 'SubPlan' && child['Parent Relationship'] !== 'InitPlan') sortInputs(child, out);
  return out;
}

export async function explainStatement(client: postgres.Sql, name: string, statement: Statement, opts: { sortedByIndex: boolean }): Promise<ExplainedQuery> {
  const params = statement.params as never[];
  const [json] = (await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, params)) as unknown as [Record<string, unknown>];
  const cell = Object.values(json)[0];
  const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode; 'Execution Time': number }[];
  const plan = parsed[0]!;
  const rows = (await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, params)) as unknown as Record<string, string>[];
  return {
    name,
    sql: statement.sql,
    text: rows.map((r) => r['QUERY PLAN']).join('\n'),
    outline: planOutline(plan.Plan),
    executionMs: plan['Execution Time'],
    problems: planProblems(statement.sql, plan.Plan, opts),
    sortedRows: sortInputs(plan.Plan),
  };
}

/**
 * What fails the run: a sequential scan of a big table or an OFFSET. A Sort in a list's plan is
 * reported, not failed: at this scale the planner sorts a selective view's few rows rather than
 * walk an index (db/queries/plans.test.ts checks, with sorting switched off, that an index can
 * give every list's order).
 */
export const isFailure = (p: PlanProblem) => p.kind !== 'sort';

/** The failures to print, one line a query: empty when every plan is as it should be. */
export function planFailures(explained: readonly ExplainedQuery[]): string[] {
  return explained.filter((e) => e.problems.some(isFailure)).map((e) => `${e.name}: ${e.problems.filter(isFailure).map((p) => p.detail).join('; ')}`);
}

/** Sorts in list plans, with how many rows each sorted. */
export function planSorts(explained: readonly ExplainedQuery[]): string[] {
  return explained.filter((e) => e.problems.some((p) => !isFailure(p))).map((e) => `${e.name}: ${e.sortedRows.join(', ')} rows sorted`);
}
