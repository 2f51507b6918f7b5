import { TZDate } from '@date-fns/tz';
import { addMonths, format } from 'date-fns';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import type { Category } from '@/lib/domain/cases';
import type { Conn } from '../index';
import { sharedForScope } from '../scope-cache';
import { caseSteps, cases, missions } from '../schema';

export interface Dashboard {
  openByMission: { missionCode: string; open: number }[];
  /** the last 12 months, oldest first, in the actor's zone: "2026-01" */
  flow: { month: string; opened: number; closed: number }[];
  openByCategory: { category: Category; open: number }[];
  /** medians in days over the last 12 months: first contact for cases opened, resolution for cases closed */
  timeliness: { missionCode: string; firstContactDays: number | null; resolutionDays: number | null }[];
  overdueByMission: { missionCode: string; overdue: number }[];
}

const open = sql`${cases.status} <> 'closed'`;

/** How long one scope's dashboard is reused: an overview of a year, not a work list. */
export const DASHBOARD_TTL_MS = 60_000;

/**
 * The figures behind a supervisor's dashboard, in their scope, shared for DASHBOARD_TTL_MS by
 * everyone with the same scope and day (db/scope-cache.ts): a year of a million-case ministry is
 * about a hundred thousand cases to group, not worth doing on every view.
 */
export async function getDashboard(conn: Conn, actor: Actor, now = new Date()): Promise<Dashboard> {
  assertCan(actor, 'queue:read');
  const key = JSON.stringify(['dashboard', actor.role, actor.missionId, actor.regionCountries ?? null, actor.timeZone, new TZDate(now, actor.timeZone).toDateString()]);
  return sharedForScope(conn, key, DASHBOARD_TTL_MS, now, () => computeDashboard(conn, actor, now));
}

/** One grouped query per chart, each on an index (open cases' partial indexes, opening and closing dates, open steps by due date). */
async function computeDashboard(conn: Conn, actor: Actor, now: Date): Promise<Dashboard> {
  const scope = missionScope(actor, cases.missionId, missions.country);
  const zone = actor.timeZone;
  const local = new TZDate(now, zone);
  const firstMonth = new TZDate(local.getFullYear(), local.getMonth() - 11, 1, zone);
  const since = new Date(firstMonth.getTime());
  const months = Array.from({ length: 12 }, (_, i) => format(addMonths(new Date(firstMonth.getFullYear(), firstMonth.getMonth(), 1), i), 'yyyy-MM'));
  const monthOf = (col: typeof cases.openedAt | typeof cases.closedAt) => sql<string>`to_char(${col} AT TIME ZONE ${zone}, 'YYYY-MM')`;
  const today = sql`(${now.toISOString()}::timestamptz AT TIME ZONE ${missions.timeZone})::date`;

  const [openByMission, opened, closed, openByCategory, firstContact, resolution, overdue] = await Promise.all([
    conn
      .select({ missionCode: missions.code, open: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, open))
      .groupBy(missions.code)
      .orderBy(desc(sql`count(*)`), missions.code),
    conn
      .select({ month: monthOf(cases.openedAt), n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, gte(cases.openedAt, since)))
      .groupBy(sql`1`),
    conn
      .select({ month: monthOf(cases.closedAt), n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, gte(cases.closedAt, since)))
      .groupBy(sql`1`),
    conn
      .select({ category: cases.category, open: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, open))
      .groupBy(cases.category)
      .orderBy(desc(sql`count(*)`)),
    conn
      .select({
        missionCode: missions.code,
        days: sql<number | null>`round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${cases.firstContactAt} - ${cases.openedAt}) / 86400))::numeric, 1)::float8`,
      })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, gte(cases.openedAt, since), sql`${cases.firstContactAt} IS NOT NULL`))
      .groupBy(missions.code),
    conn
      .select({
        missionCode: missions.code,
        days: sql<number | null>`round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${cases.closedAt} - ${cases.openedAt}) / 86400))::numeric, 1)::float8`,
      })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, gte(cases.closedAt, since)))
      .groupBy(missions.code),
    conn
      .select({ missionCode: missions.code, overdue: sql<number>`count(*)::int` })
      .from(caseSteps)
      .innerJoin(cases, eq(cases.id, caseSteps.caseId))
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(scope, open, sql`${caseSteps.status} IN ('planned', 'in_progress')`, sql`${caseSteps.dueDate} + ${caseSteps.graceDays} < ${today}`))
      .groupBy(missions.code)
      .orderBy(desc(sql`count(*)`), missions.code),
  ]);

  const count = (rows: { month: string; n: number }[], month: string) => rows.find((r) => r.month === month)?.n ?? 0;
  const codes = [...new Set([...firstContact.map((r) => r.missionCode), ...resolution.map((r) => r.missionCode)])].sort();
  return {
    openByMission,
    flow: months.map((month) => ({ month, opened: count(opened, month), closed: count(closed, month) })),
    openByCategory,
    timeliness: codes.map((missionCode) => ({
      missionCode,
      firstContactDays: firstContact.find((r) => r.missionCode === missionCode)?.days ?? null,
      resolutionDays: resolution.find((r) => r.missionCode === missionCode)?.days ?? null,
    })),
    overdueByMission: overdue,
  };
}
