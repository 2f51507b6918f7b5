import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Conn } from './index';

/**
 * Reading query plans, for the test that keeps list queries on their indexes and for the
 * benchmark's EXPLAIN of every screen query. A list query that sorts the whole table or scans
 * a big table costs time that grows with the data: at a million cases it is the difference
 * between milliseconds and seconds.
 */

/** Tables that grow with the cases: never read whole by a screen query. */
export const BIG_TABLES = ['cases', 'persons', 'case_parties', 'case_steps', 'case_events', 'audit_events', 'export_cases'] as const;

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface PlanProblem {
  kind: 'seq_scan' | 'sort' | 'offset';
  detail: string;
}

/** EXPLAIN (FORMAT JSON) of a query, on either driver (they return the row in different shapes). */
export async function explainJson(conn: Conn, query: SQLWrapper, opts: { analyze?: boolean } = {}): Promise<PlanNode> {
  const result = (await conn.execute(sql`EXPLAIN (FORMAT JSON${sql.raw(opts.analyze ? ', ANALYZE, BUFFERS' : '')}) ${query}`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const cell = Object.values(rows[0]!)[0];
  const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
  return parsed[0]!.Plan;
}

/**
 * What is wrong with a plan for a screen query: a sequential scan of a big table anywhere, an
 * OFFSET, and — where the order should come from an index (`sortedByIndex`) — a Sort in the
 * main plan. A sort inside a correlated subquery (the first subject of one case), or feeding a
 * plain aggregate (one case's subjects in name order, in a lateral join), is per row and small,
 * so it is allowed.
 */
export function planProblems(sqlText: string, plan: PlanNode, opts: { sortedByIndex: boolean }): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (/\boffset\b/i.test(sqlText)) problems.push({ kind: 'offset', detail: 'the query pages by OFFSET' });
  const walk = (node: PlanNode, inSubquery: boolean) => {
    const type = node['Node Type'];
    if (type === 'Seq Scan' && (BIG_TABLES as readonly string[]).includes(node['Relation Name'] ?? '')) {
      problems.push({ kind: 'seq_scan', detail: `Seq Scan on ${node['Relation Name']}` });
    }
    if (opts.sortedByIndex && !inSubquery && (type === 'Sort' || type === 'Incremental Sort')) {
      problems.push({ kind: 'sort', detail: `${type} by ${(node['Sort Key'] ?? []).join(', ')}` });
    }
    for (const child of node.Plans ?? []) {
      const rel = child['Parent Relationship'];
      walk(child, inSubquery || rel === 'SubPlan' || rel === 'InitPlan' || (type === 'Aggregate' && node.Strategy === 'Plain'));
    }
  };
  walk(plan, false);
  return problems;
}

/** One line a node, indented, for a failure message or a report. */
export function planOutline(node: PlanNode, depth = 0): string {
  const label = [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`].filter(Boolean).join(' ');
  return [`${'  '.repeat(depth)}${label}`, ...(node.Plans ?? []).map((c) => planOutline(c, depth + 1))].join('\n');
}
