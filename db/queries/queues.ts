import { TZDate } from '@date-fns/tz';
import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { COUNT_CAP, HEARING_SOON_DAYS, NO_CONTACT_DAYS, type QueueView, UNASSESSED_DAYS, queueViews } from '@/lib/domain/queues';
import type { QueueFilter } from '@/lib/validation/queues';
import type { CaseClass, CaseStatus, Category, RiskLevel } from '@/lib/domain/cases';
import type { Conn } from '../index';
import { sharedForScope } from '../scope-cache';
import { cases, missions, users } from '../schema';
import { type CaseListItem, caseListColumns } from './cases';

const DAY = 86_400_000;
const open = sql`${cases.status} <> 'closed'`;

/** A subject under 18 on the day the case was opened, or claiming to be: kept on the case by triggers (migration 0016). */
export const hasChildSubject = sql`${cases.hasChildSubject}`;

/** Someone on the case is held: a detention not ended, or a proceeding marked detained. */
export const hasDetainee = sql`(
  EXISTS (SELECT 1 FROM detentions d WHERE d.case_id = ${cases.id} AND d.released_on IS NULL)
  OR EXISTS (SELECT 1 FROM legal_proceedings lp WHERE lp.case_id = ${cases.id} AND lp.is_detained))`;

/** The start of the current month in a zone, as an instant. */
function monthStart(now: Date, timeZone: string): Date {
  const local = new TZDate(now, timeZone);
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), 1, timeZone).getTime());
}

/**
 * The rule of each built-in queue. Dates that depend on a day ("overdue", "opened this month")
 * are read in the case's mission zone, or the supervisor's for "this month".
 */
export function queueRule(view: QueueView, actor: Actor, now: Date): SQL {
  switch (view) {
    case 'unassessed':
      return sql`${cases.status} = 'new' AND ${cases.openedAt} < ${new Date(now.getTime() - UNASSESSED_DAYS * DAY).toISOString()}::timestamptz`;
    case 'overdue_steps':
      // The index bound uses the latest "today" on Earth (UTC+14); the exact test the mission's own today.
      return sql`${open} AND ${cases.overdueFrom} < ${new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10)}::date
        AND ${cases.overdueFrom} < (${now.toISOString()}::timestamptz AT TIME ZONE ${missions.timeZone})::date`;
    case 'children':
      return sql`${open} AND ${hasChildSubject}`;
    case 'hearings_soon':
      // Driven from the hearings in the window (hearings_starts_idx), their cases as an array from an
      // InitPlan: looked up by id, never a walk of every open case testing each for a hearing.
      return sql`${open} AND ${cases.id} = ANY(ARRAY(SELECT h.case_id FROM hearings h JOIN legal_proceedings lp ON lp.id = h.proceeding_id
        WHERE h.starts_at >= ${now.toISOString()}::timestamptz AND h.starts_at < ${new Date(now.getTime() + HEARING_SOON_DAYS * DAY).toISOString()}::timestamptz
          AND (lp.is_detained OR EXISTS (SELECT 1 FROM detentions d WHERE d.party_id = lp.party_id AND d.released_on IS NULL))))`;
    case 'death_penalty':
      return sql`${open} AND ${cases.deathPenalty}`;
    case 'awaiting_approval':
      // The flag kept by triggers on approvals (migration 0024), so a page is read from cases_open_awaiting_idx.
      return sql`${open} AND ${cases.awaitingApproval}`;
    case 'unassigned':
      return sql`${open} AND ${cases.assignedOfficerId} IS NULL`;
    case 'no_contact':
      return sql`${open} AND ${cases.lastActivityAt} < ${new Date(now.getTime() - NO_CONTACT_DAYS * DAY).toISOString()}::timestamptz`;
    case 'special_this_month':
      return sql`${cases.caseClass} = 'special' AND ${cases.openedAt} >= ${monthStart(now, actor.timeZone).toISOString()}::timestamptz`;
  }
}

/** The ad-hoc filters; without a status or a view that says otherwise, closed cases stay out. */
function filterConditions(filter: Partial<QueueFilter>): (SQL | undefined)[] {
  return [
    filter.mission ? eq(missions.code, filter.mission) : undefined,
    filter.country ? eq(missions.country, filter.country) : undefined,
    filter.region ? sql`${missions.country} = ANY (SELECT unnest(r.countries) FROM regions r WHERE r.code = ${filter.region})` : undefined,
    filter.category ? eq(cases.category, filter.category as Category) : undefined,
    filter.subcategory ? sql`${filter.subcategory} = ANY (${cases.subcategories})` : undefined,
    filter.caseClass ? eq(cases.caseClass, filter.caseClass as CaseClass) : undefined,
    filter.status ? eq(cases.status, filter.status as CaseStatus) : filter.view ? undefined : open,
    filter.risk ? eq(cases.riskLevel, filter.risk as RiskLevel) : undefined,
    filter.officer === 'none' ? isNull(cases.assignedOfficerId) : filter.officer ? eq(cases.assignedOfficerId, filter.officer) : undefined,
    filter.openedFrom ? sql`(${cases.openedAt} AT TIME ZONE ${missions.timeZone})::date >= ${filter.openedFrom}::date` : undefined,
    filter.openedTo ? sql`(${cases.openedAt} AT TIME ZONE ${missions.timeZone})::date <= ${filter.openedTo}::date` : undefined,
    filter.child ? hasChildSubject : undefined,
    filter.detained ? hasDetainee : undefined,
  ];
}

/** Who may see the case (scope), the view's rule and the ad-hoc filters: shared by the lists, counts and the case-list export. */
export function whereOf(actor: Actor, filter: Partial<QueueFilter>, now: Date): SQL | undefined {
  return and(missionScope(actor, cases.missionId, missions.country), filter.view ? queueRule(filter.view, actor, now) : undefined, ...filterConditions(filter));
}

const riskRank = sql<number>`(CASE ${cases.riskLevel} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`;
const dueKey = sql<string>`coalesce(${cases.nextDueOn}, '9999-12-31'::date)`;

/** Each sort's key columns, with the SQL type its cursor values are read back as. */
const SORT_KEYS = {
  opened: [
    [sql`${cases.openedAt}`, 'timestamptz'],
    [sql`${cases.id}`, 'uuid'],
  ],
  activity: [
    [sql`${cases.lastActivityAt}`, 'timestamptz'],
    [sql`${cases.id}`, 'uuid'],
  ],
  due: [
    [dueKey, 'date'],
    [sql`${cases.id}`, 'uuid'],
  ],
  risk: [
    [riskRank, 'int'],
    [sql`${cases.openedAt}`, 'timestamptz'],
    [sql`${cases.id}`, 'uuid'],
  ],
} as const satisfies Record<QueueFilter['sort'], readonly (readonly [SQL, string])[]>;

function encodeKey(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : String(v))))).toString('base64url');
}

function decodeKey(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' && v.length < 64) ? (values as string[]) : null;
  } catch {
    return null;
  }
}

export type QueueItem = CaseListItem;

/**
 * One page of a queue, by keyset on the sort's key (never OFFSET): each page starts after the
 * last row of the one before, so a deep page costs what the first does.
 */
export async function listQueue(conn: Conn, actor: Actor, filter: QueueFilter, now = new Date(), limit = 50): Promise<{ items: QueueItem[]; next: string | null }> {
  const rows = await queueListQuery(conn, actor, filter, now, limit);
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  return { items: page.map(({ sortKey: _k, ...item }) => item), next: last ? encodeKey(last.sortKey) : null };
}

/** The query behind a page of a queue (one row more than the page, to know if another follows); the benchmark explains it. */
export function queueListQuery(conn: Conn, actor: Actor, filter: QueueFilter, now: Date, limit: number) {
  assertCan(actor, 'queue:read');
  const keys = SORT_KEYS[filter.sort];
  const cursor = decodeKey(filter.after, keys.length);
  const op = filter.dir === 'desc' ? sql.raw('<') : sql.raw('>');
  const columns = (list: readonly (readonly [SQL, string])[]) =>
    sql.join(
      list.map(([k]) => k),
      sql`, `,
    );
  const after = cursor
    ? sql`(${columns(keys)}) ${op} (${sql.join(
        keys.map(([, type], i) => sql`${cursor[i]}::${sql.raw(type)}`),
        sql`, `,
      )})`
    : undefined;
  const direction = sql.raw(filter.dir === 'desc' ? 'DESC' : 'ASC');
  return conn
    .select({ ...caseListColumns(), sortKey: sql<unknown[]>`json_build_array(${columns(keys)})` })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(users, eq(users.id, cases.assignedOfficerId))
    .where(and(whereOf(actor, filter, now), after))
    .orderBy(...keys.map(([k]) => sql`${k} ${direction}`))
    .limit(limit + 1);
}

/** A count that is exact up to COUNT_CAP; above it, `capped` says "more than". */
export interface QueueCount {
  count: number;
  capped: boolean;
}

export async function countQueue(conn: Conn, actor: Actor, filter: Partial<QueueFilter>, now = new Date()): Promise<QueueCount> {
  const [row] = await queueCountQuery(conn, actor, filter, now);
  const n = row?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** The capped count behind a queue's number (stops at COUNT_CAP + 1 rows); the benchmark explains it. */
export function queueCountQuery(conn: Conn, actor: Actor, filter: Partial<QueueFilter>, now: Date) {
  assertCan(actor, 'queue:read');
  const inner = conn
    .select({ one: sql`1` })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(whereOf(actor, filter, now))
    .limit(COUNT_CAP + 1)
    .as('capped');
  return conn.select({ n: sql<number>`count(*)::int` }).from(inner);
}

/** The nine capped counts of the built-in queues in one statement (one round trip); the benchmark explains it. */
export function queueCountsQuery(conn: Conn, actor: Actor, now: Date) {
  assertCan(actor, 'queue:read');
  const capped = (view: QueueView) => {
    const inner = conn
      .select({ one: sql`1` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(whereOf(actor, { view }, now))
      .limit(COUNT_CAP + 1);
    return sql<number>`(SELECT count(*)::int FROM (${inner}) capped)`;
  };
  return conn.select(Object.fromEntries(queueViews.map((v) => [v, capped(v)])) as Record<QueueView, SQL<number>>).from(sql`(SELECT 1) AS one`);
}

/** How long the navigation's counts are reused for one scope: hints beside the queues, not the list. */
export const COUNTS_TTL_MS = 30_000;

/** What the counts depend on besides the data: the scope, and the supervisor's month ("special this month"). */
function scopeKey(actor: Actor, now: Date): string {
  return JSON.stringify([actor.role, actor.missionId, actor.regionCountries ?? null, actor.timeZone, new TZDate(now, actor.timeZone).getMonth()]);
}

/**
 * Every built-in queue's count in the actor's scope, for the queues' navigation. Computed in one
 * statement and shared for COUNTS_TTL_MS by every supervisor with the same scope (db/scope-cache.ts),
 * so the counts do not cost each page view nine scans. A view's own list and its count on its page are always read live.
 */
export async function countQueues(conn: Conn, actor: Actor, now = new Date()): Promise<Record<QueueView, QueueCount>> {
  assertCan(actor, 'queue:read');
  return sharedForScope(conn, `queues:${scopeKey(actor, now)}`, COUNTS_TTL_MS, now, () =>
    queueCountsQuery(conn, actor, now).then(
      ([row]) => Object.fromEntries(queueViews.map((v) => [v, { count: Math.min(row?.[v] ?? 0, COUNT_CAP), capped: (row?.[v] ?? 0) > COUNT_CAP }])) as Record<QueueView, QueueCount>,
    ),
  );
}
