import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import type { CaseListColumn, CaseListRow } from '@/lib/domain/case-list-columns';
import type { QueueFilter } from '@/lib/validation/queues';
import type { Conn } from '../index';
import { cases, missions, users } from '../schema';
import { whereOf } from './queues';

/** Rows read per query: a page of the keyset walk, and the unit of progress. */
export const EXPORT_BATCH = 2_000;

const localDay = (col: unknown) => sql<string | null>`to_char(${col} AT TIME ZONE ${missions.timeZone}, 'YYYY-MM-DD')`;

/** Each column's SQL. Subjects: name, or pseudonym where the identity is undisclosed, in pseudonym order. */
const COLUMN_SQL: Record<CaseListColumn, unknown> = {
  reference: cases.reference,
  mission: missions.code,
  category: cases.category,
  subcategories: sql<string>`array_to_string(${cases.subcategories}, ' ')`,
  class: cases.caseClass,
  status: cases.status,
  risk: cases.riskLevel,
  opened_on: localDay(cases.openedAt),
  closed_on: localDay(cases.closedAt),
  outcome: cases.outcome,
  assigned_officer: users.name,
  subjects: sql<string | null>`(
    SELECT string_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END, '; ' ORDER BY length(cp.pseudonym), cp.pseudonym)
    FROM case_parties cp JOIN persons p ON p.id = cp.person_id
    WHERE cp.case_id = ${cases.id} AND cp.role = 'subject')`,
  subject_count: sql<number>`(SELECT count(*)::int FROM case_parties cp WHERE cp.case_id = ${cases.id} AND cp.role = 'subject')`,
  child_subject: cases.hasChildSubject,
  death_penalty: cases.deathPenalty,
  next_due_on: sql<string | null>`${cases.nextDueOn}::text`,
  last_activity_on: localDay(cases.lastActivityAt),
  legacy_ref: cases.legacyRef,
};

/** One batch of a case-list export after the given case (keyset: opening time and id, read from the (opened_at, id) indexes); the benchmark explains it. */
export function caseExportQuery(
  conn: Conn,
  actor: Actor,
  filter: Partial<QueueFilter>,
  columns: readonly CaseListColumn[],
  now: Date,
  after: { openedAt: string; id: string } | null,
  batch = EXPORT_BATCH,
) {
  assertCan(actor, 'case:export');
  const select = Object.fromEntries(columns.map((c) => [c, COLUMN_SQL[c]])) as Record<string, never>;
  return conn
    .select({ ...select, __openedAt: sql<string>`${cases.openedAt}::text`, __id: cases.id })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(users, eq(users.id, cases.assignedOfficerId))
    .where(and(whereOf(actor, filter, now), after ? sql`(${cases.openedAt}, ${cases.id}) > (${after.openedAt}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(asc(cases.openedAt), asc(cases.id))
    .limit(batch);
}

/** How many cases the export will hold (for its progress), uncapped. */
export async function countCaseExport(conn: Conn, actor: Actor, filter: Partial<QueueFilter>, now = new Date()): Promise<number> {
  assertCan(actor, 'case:export');
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(whereOf(actor, filter, now));
  return row?.n ?? 0;
}

/**
 * The cases of a queue's filter (as the supervisor sees them: their scope, the view's rule,
 * the filters), oldest first, with the chosen columns, a batch at a time (keyset on opening
 * time and id, so a long export neither skips nor repeats a case).
 */
export async function* caseExportBatches(
  conn: Conn,
  actor: Actor,
  filter: Partial<QueueFilter>,
  columns: readonly CaseListColumn[],
  now = new Date(),
  batch = EXPORT_BATCH,
): AsyncGenerator<CaseListRow[]> {
  let after: { openedAt: string; id: string } | null = null;
  for (;;) {
    const rows = await caseExportQuery(conn, actor, filter, columns, now, after, batch);
    if (rows.length === 0) return;
    const last = rows.at(-1) as unknown as { __openedAt: string; __id: string };
    after = { openedAt: last.__openedAt, id: last.__id };
    yield rows.map(({ __openedAt: _o, __id: _i, ...r }) => r as unknown as CaseListRow);
    if (rows.length < batch) return;
  }
}
