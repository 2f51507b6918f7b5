import 'server-only';
import { and, asc, eq, gte, like, lt } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { addMonths, parsePeriod, type Period } from '@/lib/domain/periods';
import { AppError } from '@/lib/errors';
import { type Correction, correctionsOf } from '@/lib/reports/corrections';
import { summaryTables } from '@/lib/reports/tables';
import type { Conn } from '../index';
import { missions, monthLocks, users } from '../schema';
import { localDate } from './steps';
import { type Summary, type SummaryScope, computeSummary } from './summary';

/**
 * How far back a new summary looks for changes to locked months. Older locked months keep
 * their submitted figures; a change to them is not reported (recomputing ten years of months
 * at every lock would make locking slow for the busiest missions).
 */
export const CORRECTION_LOOKBACK_MONTHS = 24;

/** The head of a mission's consular section (the officer in charge) locks its months. */
export function mayLockMonths(actor: Actor): boolean {
  return actor.role === 'officer' && actor.isMissionHead && actor.missionId != null;
}

interface MissionRef {
  id: number;
  code: string;
  timeZone: string;
}

async function missionInScope(conn: Conn, actor: Actor, code: string): Promise<MissionRef | null> {
  const [row] = await conn
    .select({ id: missions.id, code: missions.code, timeZone: missions.timeZone })
    .from(missions)
    .where(and(eq(missions.code, code.toUpperCase()), missionScope(actor, missions.id, missions.country)));
  return row ?? null;
}

/**
 * The corrections a mission's summary for `month` reports: each locked month before it (within
 * the look-back) whose figures the data no longer gives, against what was submitted and
 * corrected since. Once `month` is locked these are stored with it and not reported again.
 */
async function correctionsBefore(conn: Conn, actor: Actor, mission: MissionRef, month: string): Promise<Correction[]> {
  const earliest = addMonths(month, -CORRECTION_LOOKBACK_MONTHS);
  const locks = await conn
    .select({ month: monthLocks.month, figures: monthLocks.figures, corrections: monthLocks.corrections })
    .from(monthLocks)
    .where(and(eq(monthLocks.missionId, mission.id), gte(monthLocks.month, earliest), lt(monthLocks.month, month)))
    .orderBy(asc(monthLocks.month));
  const reported = locks.flatMap((l) => l.corrections as unknown as Correction[]);
  // Each month's figures are a few grouped statements (db/queries/summary.ts): all months are asked at once.
  const nows = await Promise.all(locks.map((lock) => computeSummary(conn, actor, parsePeriod(lock.month)!, { kind: 'mission', code: mission.code })));
  return locks.flatMap((lock, i) => correctionsOf(lock.month, summaryTables(lock.figures as unknown as Summary), reported, summaryTables(nows[i]!)));
}

/**
 * The summary as a user reads and exports it. For one mission's month that is locked: the
 * figures stored when it was locked, never recomputed, with the corrections it reported. For
 * one mission's open month: today's figures and the corrections that locking it will report.
 * Other scopes and periods: today's figures.
 */
export async function summaryFor(conn: Conn, actor: Actor, period: Period, scope: SummaryScope): Promise<Summary> {
  assertCan(actor, 'report:read');
  if (scope.kind !== 'mission' || period.kind !== 'month') return computeSummary(conn, actor, period, scope);
  const mission = await missionInScope(conn, actor, scope.code);
  if (!mission) return computeSummary(conn, actor, period, scope); // says the scope is unknown, as elsewhere
  const [lock] = await conn
    .select({ figures: monthLocks.figures, corrections: monthLocks.corrections, at: monthLocks.lockedAt, by: users.name })
    .from(monthLocks)
    .innerJoin(users, eq(users.id, monthLocks.lockedById))
    .where(and(eq(monthLocks.missionId, mission.id), eq(monthLocks.month, period.label)));
  if (lock) {
    const figures = lock.figures as unknown as Summary;
    return { ...figures, locked: { at: lock.at.toISOString(), by: lock.by }, corrections: lock.corrections as unknown as Correction[] };
  }
  const [summary, corrections] = await Promise.all([computeSummary(conn, actor, period, scope), correctionsBefore(conn, actor, mission, period.label)]);
  return { ...summary, corrections };
}

/** Whether a month has ended in the mission's zone: only then can its data be complete. */
export function monthHasEnded(month: string, timeZone: string, now = new Date()): boolean {
  const period = parsePeriod(month);
  return !!period && period.kind === 'month' && localDate(timeZone, now) >= period.end;
}

/**
 * Locks a month of the officer in charge's own mission: its figures as generated now are
 * stored and from then on are what its summary shows; the corrections to earlier locked
 * months found now are stored with it. A month is locked once, after it has ended.
 */
export async function lockMonth(conn: Conn, actor: Actor, month: string): Promise<{ mission: string; month: string; corrections: number }> {
  assertCan(actor, 'report:read');
  if (!mayLockMonths(actor)) throw new AppError('forbidden');
  const [mission] = await conn.select({ id: missions.id, code: missions.code, timeZone: missions.timeZone }).from(missions).where(eq(missions.id, actor.missionId!));
  if (!mission) throw new AppError('not_found');
  const period = parsePeriod(month);
  if (!period || period.kind !== 'month') throw new AppError('invalid', 'errors.invalid', { month: ['validation.month'] });
  if (!monthHasEnded(month, mission.timeZone)) throw new AppError('invalid', 'reports.lock.notEnded', { month: ['reports.lock.notEnded'] });
  const summary = await computeSummary(conn, actor, period, { kind: 'mission', code: mission.code });
  const corrections = await correctionsBefore(conn, actor, mission, month);
  const inserted = await conn
    .insert(monthLocks)
    .values({ missionId: mission.id, month, figures: summary as unknown as Record<string, unknown>, corrections: corrections as unknown as Record<string, unknown>[], lockedById: actor.id! })
    .onConflictDoNothing()
    .returning({ month: monthLocks.month });
  if (inserted.length === 0) throw new AppError('conflict', 'reports.lock.already');
  return { mission: mission.code, month, corrections: corrections.length };
}

export interface LockOverviewRow {
  code: string;
  country: string;
  /** month → when and by whom it was locked */
  months: Record<string, { at: Date; by: string }>;
}

/** The directorate's overview: for each mission in scope, which months of a year are locked. */
export async function lockOverview(conn: Conn, actor: Actor, year: number): Promise<LockOverviewRow[]> {
  assertCan(actor, 'report:read');
  const [inScope, locks] = await Promise.all([
    conn.select({ id: missions.id, code: missions.code, country: missions.country }).from(missions).where(missionScope(actor, missions.id, missions.country)).orderBy(asc(missions.country), asc(missions.code)),
    conn
      .select({ missionId: monthLocks.missionId, month: monthLocks.month, at: monthLocks.lockedAt, by: users.name })
      .from(monthLocks)
      .innerJoin(users, eq(users.id, monthLocks.lockedById))
      .innerJoin(missions, eq(missions.id, monthLocks.missionId))
      .where(and(like(monthLocks.month, `${year}-%`), missionScope(actor, missions.id, missions.country))),
  ]);
  return inScope.map((m) => ({
    code: m.code,
    country: m.country,
    months: Object.fromEntries(locks.filter((l) => l.missionId === m.id).map((l) => [l.month, { at: l.at, by: l.by }])),
  }));
}
