import { TZDate } from '@date-fns/tz';
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type HomeFileCode, type HostStage, VISIT_INTERVAL_DAYS, canMoveFileCode, canMoveStage } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { HearingInput, MoveProceedingInput, ProceedingInput } from '@/lib/validation/legal';
import type { Conn } from '../index';
import { caseParties, cases, consularVisits, detentions, hearings, legalProceedings, missions, users } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { lockCaseForEdit } from './cases';

async function assertPartyOnCase(conn: Conn, caseId: string, partyId: string) {
  const [p] = await conn.select({ pseudonym: caseParties.pseudonym }).from(caseParties).where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)));
  if (!p) throw new AppError('invalid', 'errors.invalid', { partyId: ['validation.invalid'] });
  return p;
}

/** A proceeding for one person on the case. A death-penalty proceeding makes the case special. */
export async function createProceeding(conn: Conn, actor: Actor, input: ProceedingInput, now = new Date()): Promise<{ id: string; changes: Changes }> {
  await lockCaseForEdit(conn, actor, input.caseId, input.version);
  const party = await assertPartyOnCase(conn, input.caseId, input.partyId);
  if (input.hostStage && !canMoveStage(null, input.hostStage)) throw new AppError('invalid', 'errors.invalid', { hostStage: ['validation.stageStart'] });
  const { caseId, version: _v, partyId, hostStage, homeFileCode, ...rest } = input;
  const row = {
    ...rest,
    charge: rest.charge || null,
    court: rest.court || null,
    arrestedOn: rest.arrestedOn || null,
    lawyerName: rest.lawyerName || null,
    lawyerAppointedOn: rest.lawyerAppointedOn || null,
    lawyerPaidBy: rest.lawyerPaidBy || null,
    interpreter: rest.interpreter || null,
    hostStage: (hostStage || null) as HostStage | null,
    homeFileCode: (homeFileCode || null) as HomeFileCode | null,
  };
  const [created] = await conn.insert(legalProceedings).values({ caseId, partyId, ...row }).returning({ id: legalProceedings.id });
  await conn
    .update(cases)
    .set({
      version: sql`${cases.version} + 1`,
      lastActivityAt: now,
      ...(input.isDeathPenalty ? { deathPenalty: true, caseClass: 'special' as const } : {}),
    })
    .where(eq(cases.id, caseId));
  await addCaseEvent(conn, caseId, actor.id, 'proceeding_added', { pseudonym: party.pseudonym, jurisdiction: input.jurisdiction });
  return { id: created!.id, changes: diffChanges(null, { jurisdiction: input.jurisdiction, role: input.role, hostStage: row.hostStage, deathPenalty: input.isDeathPenalty }) };
}

/**
 * Moves a proceeding along its track. Against the allowed order (a correction) only a
 * supervisor may, with a reason, which goes on the timeline.
 */
export async function moveProceeding(conn: Conn, actor: Actor, input: MoveProceedingInput, now = new Date()): Promise<{ caseId: string; version: number; changes: Changes }> {
  assertCan(actor, 'case:update');
  const [before] = await conn
    .select({
      caseId: legalProceedings.caseId,
      version: legalProceedings.version,
      hostStage: legalProceedings.hostStage,
      homeFileCode: legalProceedings.homeFileCode,
      verdict: legalProceedings.verdict,
      sentence: legalProceedings.sentence,
      isFinal: legalProceedings.isFinal,
      isDeathPenalty: legalProceedings.isDeathPenalty,
      caseStatus: cases.status,
    })
    .from(legalProceedings)
    .innerJoin(cases, eq(cases.id, legalProceedings.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(legalProceedings.id, input.proceedingId), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: legalProceedings });
  if (!before) throw notFound();
  const { caseId, version, caseStatus, ...old } = before;
  if (version !== input.version) throw staleVersion({ current: { ...old, version } });
  if (caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  const hostStage = (input.hostStage || null) as HostStage | null;
  const homeFileCode = (input.homeFileCode || null) as HomeFileCode | null;
  const inOrder =
    (hostStage === old.hostStage || (hostStage !== null && canMoveStage(old.hostStage, hostStage))) &&
    (homeFileCode === old.homeFileCode || (homeFileCode !== null && canMoveFileCode(old.homeFileCode, homeFileCode)));
  const correction = !inOrder;
  if (correction && !(actor.role === 'supervisor' && input.correctionReason)) {
    throw new AppError('invalid', 'errors.stageOrder', { hostStage: [actor.role === 'supervisor' ? 'validation.correctionReason' : 'validation.stageOrder'] });
  }
  const row = { hostStage, homeFileCode, verdict: input.verdict || null, sentence: input.sentence || null, isFinal: input.isFinal, isDeathPenalty: input.isDeathPenalty };
  await conn.update(legalProceedings).set({ ...row, updatedAt: now, version: sql`${legalProceedings.version} + 1` }).where(eq(legalProceedings.id, input.proceedingId));
  await conn
    .update(cases)
    .set({ lastActivityAt: now, ...(input.isDeathPenalty ? { deathPenalty: true, caseClass: 'special' as const } : {}) })
    .where(eq(cases.id, caseId));
  const changes = diffChanges<Record<string, unknown>>(old, row);
  await addCaseEvent(conn, caseId, actor.id, 'proceeding_updated', { changes, ...(correction ? { reason: input.correctionReason } : {}) });
  return { caseId, version: version + 1, changes };
}

/** The instant of a local date and time at the court ("2026-12-03T09:30" in Asia/Kuala_Lumpur). */
export function courtInstant(local: string, timeZone: string): Date {
  const [d, t] = local.split('T') as [string, string];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const [h, min] = t.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, day, h, min, timeZone).getTime());
}

/** A hearing, in the court's time zone; not before the arrest. */
export async function addHearing(conn: Conn, actor: Actor, input: HearingInput): Promise<{ id: string; caseId: string }> {
  assertCan(actor, 'case:update');
  const [p] = await conn
    .select({ caseId: legalProceedings.caseId, arrestedOn: legalProceedings.arrestedOn, court: legalProceedings.court, caseStatus: cases.status })
    .from(legalProceedings)
    .innerJoin(cases, eq(cases.id, legalProceedings.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(legalProceedings.id, input.proceedingId), missionScope(actor, cases.missionId, missions.country)));
  if (!p) throw notFound();
  if (p.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  if (p.arrestedOn && input.startsAt.slice(0, 10) < p.arrestedOn) throw new AppError('invalid', 'errors.invalid', { startsAt: ['validation.hearingBeforeArrest'] });
  const startsAt = courtInstant(input.startsAt, input.timeZone);
  const [h] = await conn
    .insert(hearings)
    .values({ proceedingId: input.proceedingId, caseId: p.caseId, startsAt, timeZone: input.timeZone, court: input.court || p.court, purpose: input.purpose || null, createdById: actor.id })
    .returning({ id: hearings.id });
  await addCaseEvent(conn, p.caseId, actor.id, 'hearing_added', { startsAt: startsAt.toISOString(), timeZone: input.timeZone });
  return { id: h!.id, caseId: p.caseId };
}

export interface CalendarHearing {
  id: string;
  caseId: string;
  reference: string;
  missionCode: string;
  startsAt: Date;
  timeZone: string;
  court: string | null;
  purpose: string | null;
}

/** Hearings between two instants on the cases the actor may see (one mission's, if given): the calendar and its feed. */
export async function listHearings(conn: Conn, actor: Actor, from: Date, to: Date, missionId?: number): Promise<CalendarHearing[]> {
  assertCan(actor, 'case:read');
  return conn
    .select({ id: hearings.id, caseId: cases.id, reference: cases.reference, missionCode: missions.code, startsAt: hearings.startsAt, timeZone: hearings.timeZone, court: hearings.court, purpose: hearings.purpose })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(
      and(
        missionScope(actor, cases.missionId, missions.country),
        missionId === undefined ? undefined : eq(cases.missionId, missionId),
        gte(hearings.startsAt, from),
        lt(hearings.startsAt, to),
      ),
    )
    .orderBy(asc(hearings.startsAt), asc(hearings.id))
    .limit(1000);
}

/** What happened at a hearing, once it has begun. */
export async function recordHearingOutcome(conn: Conn, actor: Actor, input: { hearingId: string; outcome: string }, now = new Date()): Promise<{ caseId: string }> {
  assertCan(actor, 'case:update');
  const [h] = await conn
    .select({ caseId: hearings.caseId, startsAt: hearings.startsAt, caseStatus: cases.status })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(hearings.id, input.hearingId), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: hearings });
  if (!h) throw notFound();
  if (h.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  if (h.startsAt > now) throw new AppError('invalid', 'errors.invalid', { outcome: ['validation.hearingNotYet'] });
  await conn.update(hearings).set({ outcome: input.outcome }).where(eq(hearings.id, input.hearingId));
  await conn.update(cases).set({ lastActivityAt: now }).where(eq(cases.id, h.caseId));
  await addCaseEvent(conn, h.caseId, actor.id, 'hearing_outcome', { startsAt: h.startsAt.toISOString() });
  return { caseId: h.caseId };
}

export async function createDetention(conn: Conn, actor: Actor, input: { caseId: string; partyId: string; facility: string; detainedSince: string; expectedRelease: string }) {
  assertCan(actor, 'case:update');
  const [c] = await conn
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, input.caseId), missionScope(actor, cases.missionId, missions.country)));
  if (!c) throw notFound();
  if (c.status === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  const party = await assertPartyOnCase(conn, input.caseId, input.partyId);
  const [d] = await conn
    .insert(detentions)
    .values({ caseId: input.caseId, partyId: input.partyId, facility: input.facility, detainedSince: input.detainedSince, expectedRelease: input.expectedRelease || null })
    .returning({ id: detentions.id });
  await addCaseEvent(conn, input.caseId, actor.id, 'detention_recorded', { pseudonym: party.pseudonym, facility: input.facility });
  return { id: d!.id };
}

export async function addVisit(conn: Conn, actor: Actor, input: { detentionId: string; visitedOn: string; findings: string; needs: string }) {
  assertCan(actor, 'case:update');
  const [d] = await conn
    .select({ caseId: detentions.caseId, detainedSince: detentions.detainedSince, caseStatus: cases.status })
    .from(detentions)
    .innerJoin(cases, eq(cases.id, detentions.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(detentions.id, input.detentionId), missionScope(actor, cases.missionId, missions.country)));
  if (!d) throw notFound();
  if (d.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');

  if (input.visitedOn < d.detainedSince) throw new AppError('invalid', 'errors.invalid', { visitedOn: ['validation.visitBeforeDetention'] });
  const [v] = await conn
    .insert(consularVisits)
    .values({ detentionId: input.detentionId, caseId: d.caseId, visitedOn: input.visitedOn, officerId: actor.id, findings: input.findings || null, needs: input.needs || null })
    .returning({ id: consularVisits.id });
  await addCaseEvent(conn, d.caseId, actor.id, 'visit_recorded', { visitedOn: input.visitedOn });
  return { id: v!.id, caseId: d.caseId };
}

export interface DetaineeDue {
  detentionId: string;
  caseId: string;
  reference: string;
  pseudonym: string;
  facility: string;
  lastVisit: string | null;
}

/** Detainees (still held) whose last consular visit — or detention, if never visited — is older than 90 days on `today`. */
export async function listDetaineesNotVisited(conn: Conn, actor: Actor, today: string): Promise<DetaineeDue[]> {
  assertCan(actor, 'case:read');
  const lastVisit = sql<string | null>`(SELECT max(v.visited_on)::text FROM consular_visits v WHERE v.detention_id = ${detentions.id})`;
  return conn
    .select({ detentionId: detentions.id, caseId: cases.id, reference: cases.reference, pseudonym: caseParties.pseudonym, facility: detentions.facility, lastVisit })
    .from(detentions)
    .innerJoin(cases, eq(cases.id, detentions.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .innerJoin(caseParties, eq(caseParties.id, detentions.partyId))
    .where(
      and(
        missionScope(actor, cases.missionId, missions.country),
        isNull(detentions.releasedOn),
        sql`coalesce(${lastVisit}::date, ${detentions.detainedSince}) < (${today}::date - ${VISIT_INTERVAL_DAYS}::int)`,
      ),
    )
    .orderBy(asc(cases.reference));
}

export interface ProceedingView {
  id: string;
  pseudonym: string;
  jurisdiction: string;
  role: string;
  charge: string | null;
  court: string | null;
  courtTimeZone: string;
  arrestedOn: string | null;
  lawyerName: string | null;
  lawyerAppointedOn: string | null;
  lawyerPaidBy: string | null;
  interpreter: string | null;
  hostStage: HostStage | null;
  homeFileCode: HomeFileCode | null;
  verdict: string | null;
  sentence: string | null;
  isDetained: boolean;
  isDeathPenalty: boolean;
  isFinal: boolean;
  version: number;
  hearings: { id: string; startsAt: Date; timeZone: string; court: string | null; purpose: string | null; outcome: string | null }[];
}

export interface DetentionView {
  id: string;
  pseudonym: string;
  facility: string;
  detainedSince: string;
  expectedRelease: string | null;
  visits: { id: string; visitedOn: string; officerName: string | null; findings: string | null; needs: string | null }[];
}

/** A case's legal track for its file. The caller has shown the case is visible. */
export async function getLegalTrack(conn: Conn, caseId: string): Promise<{ proceedings: ProceedingView[]; detentions: DetentionView[] }> {
  const [rows, hearingRows, detentionRows, visitRows] = await Promise.all([
    conn
      .select({
        id: legalProceedings.id,
        pseudonym: caseParties.pseudonym,
        jurisdiction: legalProceedings.jurisdiction,
        role: legalProceedings.role,
        charge: legalProceedings.charge,
        court: legalProceedings.court,
        courtTimeZone: legalProceedings.courtTimeZone,
        arrestedOn: legalProceedings.arrestedOn,
        lawyerName: legalProceedings.lawyerName,
        lawyerAppointedOn: legalProceedings.lawyerAppointedOn,
        lawyerPaidBy: legalProceedings.lawyerPaidBy,
        interpreter: legalProceedings.interpreter,
        hostStage: legalProceedings.hostStage,
        homeFileCode: legalProceedings.homeFileCode,
        verdict: legalProceedings.verdict,
        sentence: legalProceedings.sentence,
        isDetained: legalProceedings.isDetained,
        isDeathPenalty: legalProceedings.isDeathPenalty,
        isFinal: legalProceedings.isFinal,
        version: legalProceedings.version,
      })
      .from(legalProceedings)
      .innerJoin(caseParties, eq(caseParties.id, legalProceedings.partyId))
      .where(eq(legalProceedings.caseId, caseId))
      .orderBy(asc(legalProceedings.createdAt)),
    conn
      .select({ id: hearings.id, proceedingId: hearings.proceedingId, startsAt: hearings.startsAt, timeZone: hearings.timeZone, court: hearings.court, purpose: hearings.purpose, outcome: hearings.outcome })
      .from(hearings)
      .where(eq(hearings.caseId, caseId))
      .orderBy(asc(hearings.startsAt)),
    conn
      .select({ id: detentions.id, pseudonym: caseParties.pseudonym, facility: detentions.facility, detainedSince: detentions.detainedSince, expectedRelease: detentions.expectedRelease })
      .from(detentions)
      .innerJoin(caseParties, eq(caseParties.id, detentions.partyId))
      .where(eq(detentions.caseId, caseId))
      .orderBy(asc(detentions.createdAt)),
    conn
      .select({ id: consularVisits.id, detentionId: consularVisits.detentionId, visitedOn: consularVisits.visitedOn, officerName: users.name, findings: consularVisits.findings, needs: consularVisits.needs })
      .from(consularVisits)
      .leftJoin(users, eq(users.id, consularVisits.officerId))
      .where(eq(consularVisits.caseId, caseId))
      .orderBy(asc(consularVisits.visitedOn)),
  ]);
  return {
    proceedings: rows.map((p) => ({ ...p, hearings: hearingRows.filter((h) => h.proceedingId === p.id).map(({ proceedingId: _p, ...h }) => h) })),
    detentions: detentionRows.map((d) => ({ ...d, visits: visitRows.filter((v) => v.detentionId === d.id).map(({ detentionId: _d, ...v }) => v) })),
  };
}

export interface WatchItem {
  proceedingId: string;
  caseId: string;
  reference: string;
  missionCode: string;
  personLabel: string;
  hostStage: HostStage | null;
  charge: string | null;
  lawyerName: string | null;
  nextHearing: Date | null;
  nextHearingZone: string | null;
  lastVisit: string | null;
}

/** Every citizen facing or sentenced to death in the actor's scope: stage, next hearing, lawyer, last visit. */
export async function listDeathPenaltyWatch(conn: Conn, actor: Actor, now = new Date()): Promise<WatchItem[]> {
  assertCan(actor, 'case:read');
  const nextHearing = sql<Date | null>`(SELECT min(h.starts_at) FROM hearings h WHERE h.proceeding_id = ${legalProceedings.id} AND h.starts_at >= ${now.toISOString()}::timestamptz)`;
  const nextZone = sql<string | null>`(SELECT h.time_zone FROM hearings h WHERE h.proceeding_id = ${legalProceedings.id} AND h.starts_at >= ${now.toISOString()}::timestamptz ORDER BY h.starts_at LIMIT 1)`;
  const lastVisit = sql<string | null>`(SELECT max(v.visited_on)::text FROM consular_visits v JOIN detentions d ON d.id = v.detention_id WHERE d.party_id = ${legalProceedings.partyId})`;
  const rows = await conn
    .select({
      proceedingId: legalProceedings.id,
      caseId: cases.id,
      reference: cases.reference,
      missionCode: missions.code,
      pseudonym: caseParties.pseudonym,
      hostStage: legalProceedings.hostStage,
      charge: legalProceedings.charge,
      lawyerName: legalProceedings.lawyerName,
      nextHearing,
      nextHearingZone: nextZone,
      lastVisit,
    })
    .from(legalProceedings)
    .innerJoin(cases, eq(cases.id, legalProceedings.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .innerJoin(caseParties, eq(caseParties.id, legalProceedings.partyId))
    .where(and(eq(legalProceedings.isDeathPenalty, true), missionScope(actor, cases.missionId, missions.country), sql`${legalProceedings.hostStage} IS DISTINCT FROM 'executed'`))
    .orderBy(asc(missions.code), asc(cases.reference));
  // Lists show the pseudonym: the watch list travels between supervisors.
  return rows.map(({ pseudonym, nextHearing: next, ...r }) => ({ ...r, personLabel: pseudonym, nextHearing: next ? new Date(next) : null }));
}
