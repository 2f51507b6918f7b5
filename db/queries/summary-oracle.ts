/**
 * The summary as it was computed before it moved into SQL (db/queries/summary.ts): every case
 * of the period loaded into Node and its figures assembled there. Kept, unchanged, only as the
 * reference that db/queries/summary-sql.test.ts compares the SQL figures with on a generated
 * data set; imported by that test alone, never by the app.
 */
import { TZDate } from '@date-fns/tz';
import { and, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type Category, RESOLVING_OUTCOMES, homeFileCodes } from '@/lib/domain/cases';
import type { Period } from '@/lib/domain/periods';
import type { Conn } from '../index';
import { ageClaims, approvals, caseParties, caseSteps, cases, claimPayments, consularVisits, detentions, financialClaims, legalProceedings, missions, persons, transfers } from '../schema';
import { type FlowFigures, type Summary, type SummaryScope, type TraffickingRow, emptySummary, scopeMissions } from './summary';

interface Segment {
  missionId: number;
  since: number;
  until: number;
}

interface CaseFacts {
  id: string;
  category: Category;
  firstContactAt: Date | null;
  deathPenalty: boolean;
  caseClass: string;
  openedAt: Date;
  closedAt: Date | null;
  outcome: string | null;
  segments: Segment[];
}

const P21 = homeFileCodes.indexOf('P-21');

/** The instant a local date begins in a zone. */
function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}

/**
 * A case's missions over time, from its accepted transfers: the first transfer's sending
 * mission until it was decided, then each receiving mission in turn.
 */
function segmentsOf(current: number, moves: { from: number; to: number; at: number }[]): Segment[] {
  if (moves.length === 0) return [{ missionId: current, since: -Infinity, until: Infinity }];
  const out: Segment[] = [{ missionId: moves[0]!.from, since: -Infinity, until: moves[0]!.at }];
  moves.forEach((m, i) => out.push({ missionId: m.to, since: m.at, until: moves[i + 1]?.at ?? Infinity }));
  return out;
}

const missionAt = (c: CaseFacts, t: number) => c.segments.find((s) => s.since <= t && t < s.until)!.missionId;

/**
 * The monthly (quarterly, yearly) summary of DESIGN §5 for a period and a scope, from the data
 * as it is now. Each case is counted by its dates in its own mission's time zone, and by the
 * mission it was at when the thing counted happened (a case transferred mid-month is new at
 * the first mission and transferred in at the second).
 */
export async function computeSummary(conn: Conn, actor: Actor, period: Period, scope: SummaryScope): Promise<Summary> {
  assertCan(actor, 'case:read');
  const inScope = await scopeMissions(conn, actor, scope);
  const ids = new Set(inScope.map((m) => m.id));
  const allMissions = await conn.select({ id: missions.id, code: missions.code, timeZone: missions.timeZone }).from(missions);
  const zoneOf = new Map(allMissions.map((m) => [m.id, m.timeZone]));
  const codeOf = new Map(allMissions.map((m) => [m.id, m.code]));
  // Bounds wide enough for every zone (UTC−12 … UTC+14); each case is then read in its own.
  const from = new Date(startOfDay(period.start, 'UTC') - 14 * 3_600_000);
  const to = new Date(startOfDay(period.end, 'UTC') + 12 * 3_600_000);
  const scopeIds = [...ids];
  if (scopeIds.length === 0) return emptySummary(period, scope);

  const movedThrough = sql`EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = ${cases.id} AND t.status = 'accepted'
    AND (t.from_mission_id IN ${scopeIds} OR t.to_mission_id IN ${scopeIds}))`;
  const rows = await conn
    .select({
      id: cases.id,
      category: cases.category,
      caseClass: cases.caseClass,
      openedAt: cases.openedAt,
      closedAt: cases.closedAt,
      outcome: cases.outcome,
      missionId: cases.missionId,
      firstContactAt: cases.firstContactAt,
      deathPenalty: cases.deathPenalty,
    })
    .from(cases)
    .where(and(lt(cases.openedAt, to), or(isNull(cases.closedAt), gte(cases.closedAt, from)), or(inArray(cases.missionId, scopeIds), movedThrough)));
  const moves = await acceptedMoves(conn, rows.map((r) => r.id));
  const movesOf = new Map<string, { from: number; to: number; at: number }[]>();
  for (const m of moves) movesOf.set(m.caseId, [...(movesOf.get(m.caseId) ?? []), { from: m.from, to: m.to, at: m.at!.getTime() }]);
  const facts: CaseFacts[] = rows.map((r) => ({ ...r, segments: segmentsOf(r.missionId, movesOf.get(r.id) ?? []) }));

  /** The local date, in the zone of the mission the case was at, of an instant. */
  const localDate = (c: CaseFacts, t: Date) => new TZDate(t.getTime(), zoneOf.get(missionAt(c, t.getTime()))!).toISOString().slice(0, 10);
  const inPeriod = (c: CaseFacts, t: Date | null, unit: { start: string; end: string } = period) => {
    if (!t) return false;
    const d = localDate(c, t);
    return d >= unit.start && d < unit.end && ids.has(missionAt(c, t.getTime()));
  };
  /** Open, in scope, as the given local date began at the mission the case was at then. */
  const openAt = (c: CaseFacts, date: string) =>
    c.segments.some((s) => {
      const t = startOfDay(date, zoneOf.get(s.missionId)!);
      return ids.has(s.missionId) && s.since <= t && t < s.until && c.openedAt.getTime() < t && (!c.closedAt || c.closedAt.getTime() >= t);
    });

  const opened = facts.filter((c) => inPeriod(c, c.openedAt));
  const closedIn = facts.filter((c) => inPeriod(c, c.closedAt));
  let transferredIn = 0;
  let movedOut = 0;
  for (const c of facts) {
    for (const s of c.segments.slice(1)) {
      const before = c.segments[c.segments.indexOf(s) - 1]!;
      const d = new TZDate(s.since, zoneOf.get(before.missionId)!).toISOString().slice(0, 10);
      if (d < period.start || d >= period.end) continue;
      if (ids.has(s.missionId) && !ids.has(before.missionId)) transferredIn++;
      if (!ids.has(s.missionId) && ids.has(before.missionId)) movedOut++;
    }
  }
  const endOpen = facts.filter((c) => openAt(c, period.end));
  const endInstant = (c: CaseFacts) => startOfDay(period.end, zoneOf.get(missionAt(c, startOfDay(period.end, 'UTC')))!);
  const ages = endOpen.map((c) => (endInstant(c) - c.openedAt.getTime()) / 86_400_000).sort((a, b) => a - b);

  const flow: FlowFigures = {
    openAtStart: facts.filter((c) => openAt(c, period.start)).length,
    new: opened.length,
    transferredIn,
    resolved: closedIn.filter((c) => RESOLVING_OUTCOMES.includes(c.outcome ?? '')).length,
    closedUnresolved: closedIn.filter((c) => !RESOLVING_OUTCOMES.includes(c.outcome ?? '') && c.outcome !== 'transferred').length,
    transferredOut: movedOut + closedIn.filter((c) => c.outcome === 'transferred').length,
    openAtEnd: endOpen.length,
    backlog: {
      median: ages.length ? Math.round(ages[Math.floor((ages.length - 1) / 2)]! * 10) / 10 : null,
      under30: ages.filter((a) => a < 30).length,
      from30to90: ages.filter((a) => a >= 30 && a < 90).length,
      from90to365: ages.filter((a) => a >= 90 && a < 365).length,
      over365: ages.filter((a) => a >= 365).length,
    },
  };

  const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});
  const subjects = await subjectFacts(conn, opened.map((c) => c.id));
  const subjectsOf = new Map<string, SubjectFacts[]>();
  for (const x of subjects) {
    const list = subjectsOf.get(x.caseId);
    if (list) list.push(x);
    else subjectsOf.set(x.caseId, [x]);
  }
  const openingDate = new Map(opened.map((c) => [c.id, localDate(c, c.openedAt)]));
  const isChild = (s: SubjectFacts) => s.acceptedMinor || (!!s.dateOfBirth && addYears(s.dateOfBirth, 18) > openingDate.get(s.caseId)!);

  // The trafficking table: one row per unit, and a total when there are several.
  const trafficking = opened.filter((c) => c.category === 'trafficking');
  const p21 = await casesAtP21(conn, trafficking.map((c) => c.id));
  const perpetrators = await perpetratorCounts(conn, trafficking.map((c) => c.id));
  const rowFor = (label: string, list: CaseFacts[]): TraffickingRow => {
    const victims = list.flatMap((c) => subjectsOf.get(c.id) ?? []);
    const child = victims.filter(isChild).length;
    return {
      period: label,
      cases: list.length,
      victims_adult: victims.length - child,
      victims_child: child,
      perpetrators: list.reduce((a, c) => a + (perpetrators.get(c.id) ?? 0), 0),
      files_p21: list.filter((c) => p21.has(c.id)).length,
    };
  };
  const table = period.units.map((u) => rowFor(u.label, trafficking.filter((c) => inPeriod(c, c.openedAt, u))));
  if (table.length > 1) table.push(rowFor('total', trafficking));

  const secondary = await secondaryFigures(conn, facts, { period, ids, zoneOf, movesOf, scopeIds, from, to });
  const median = (values: number[]) => {
    const v = [...values].sort((a, b) => a - b);
    return v.length ? Math.round((v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2) * 10) / 10 : null;
  };
  const firstContacts = opened.filter((c) => c.firstContactAt).map((c) => (c.firstContactAt!.getTime() - c.openedAt.getTime()) / 86_400_000);
  const resolvedCases = closedIn.filter((c) => RESOLVING_OUTCOMES.includes(c.outcome ?? ''));
  const verdicts = await casesWithVerdict(conn, trafficking.map((c) => c.id));

  return {
    period: period.label,
    scope,
    missions: inScope.map((m) => m.code),
    ...(scope.kind === 'mission' && inScope[0] ? { scopeMission: { kind: inScope[0].kind, city: inScope[0].city } } : {}),
    traffickingOutcomes: { withVerdict: trafficking.filter((c) => verdicts.has(c.id)).length, restitutionIdr: secondary.restitutionIdr },
    legal: { ...secondary.legal, deathPenaltyOpenAtEnd: endOpen.filter((c) => c.deathPenalty).length },
    ageClaims: secondary.ageClaims,
    services: secondary.services,
    money: secondary.money,
    timeliness: {
      medianDaysToFirstContact: median(firstContacts),
      medianDaysToResolution: median(resolvedCases.map((c) => (c.closedAt!.getTime() - c.openedAt.getTime()) / 86_400_000)),
      overdueStepsAtEnd: secondary.overdueStepsAtEnd,
      pendingApprovals: secondary.pendingApprovals,
    },
    dataQuality: {
      subjectsWithoutBirthDate: subjects.filter((x) => !x.dateOfBirth).length,
      subjectsWithoutSex: subjects.filter((x) => !x.sex).length,
      newCasesWithoutSubject: opened.filter((c) => !subjectsOf.has(c.id)).length,
      suspectedDuplicates: await suspectedDuplicates(conn, opened.map((c) => c.id)),
    },
    flow,
    newBy: {
      category: tally(opened.map((c) => c.category)),
      caseClass: tally(opened.map((c) => c.caseClass)),
      mission: tally(opened.map((c) => codeOf.get(missionAt(c, c.openedAt.getTime()))!)),
    },
    subjectsBy: {
      sex: tally(subjects.map((s) => s.sex ?? 'unknown')),
      age: { child: subjects.filter(isChild).length, adult: subjects.filter((s) => !isChild(s)).length },
    },
    trafficking: table,
  };
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

interface SubjectFacts {
  caseId: string;
  sex: string | null;
  dateOfBirth: string | null;
  /** an age claim on this person in this case accepted as a minor */
  acceptedMinor: boolean;
}

const CHUNK = 5_000;
async function inChunks<T>(ids: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await run(ids.slice(i, i + CHUNK))));
  return out;
}

/** The accepted transfers of these cases, in the order they were decided (read in chunks: a ten-year summary has ~100,000 cases). */
async function acceptedMoves(conn: Conn, caseIds: string[]) {
  const moves = await inChunks(caseIds, (chunk) =>
    conn
      .select({ caseId: transfers.caseId, from: transfers.fromMissionId, to: transfers.toMissionId, at: transfers.decidedAt })
      .from(transfers)
      .where(and(eq(transfers.status, 'accepted'), inArray(transfers.caseId, chunk))),
  );
  return moves.sort((a, b) => a.at!.getTime() - b.at!.getTime());
}

async function subjectFacts(conn: Conn, caseIds: string[]): Promise<SubjectFacts[]> {
  return inChunks(caseIds, (chunk) =>
    conn
      .select({
        caseId: caseParties.caseId,
        sex: persons.sex,
        dateOfBirth: persons.dateOfBirth,
        acceptedMinor: sql<boolean>`EXISTS (SELECT 1 FROM ${ageClaims} a WHERE a.party_id = ${caseParties.id} AND a.status = 'accepted')`,
      })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .where(and(inArray(caseParties.caseId, chunk), eq(caseParties.role, 'subject'))),
  );
}

async function perpetratorCounts(conn: Conn, caseIds: string[]): Promise<Map<string, number>> {
  const rows = await inChunks(caseIds, (chunk) =>
    conn
      .select({ caseId: caseParties.caseId, n: sql<number>`count(*)::int` })
      .from(caseParties)
      .where(and(inArray(caseParties.caseId, chunk), eq(caseParties.role, 'perpetrator')))
      .groupBy(caseParties.caseId),
  );
  return new Map(rows.map((r) => [r.caseId, r.n]));
}

/** Cases with a prosecution at home that has reached P-21 (the file complete) or a later file code. */
async function casesAtP21(conn: Conn, caseIds: string[]): Promise<Set<string>> {
  const later = homeFileCodes.slice(P21);
  const rows = await inChunks(caseIds, (chunk) =>
    conn
      .selectDistinct({ caseId: legalProceedings.caseId })
      .from(legalProceedings)
      .where(and(inArray(legalProceedings.caseId, chunk), eq(legalProceedings.jurisdiction, 'home'), inArray(legalProceedings.homeFileCode, [...later]))),
  );
  return new Set(rows.map((r) => r.caseId));
}

/** Trafficking cases with a verdict recorded on any of their proceedings. */
async function casesWithVerdict(conn: Conn, caseIds: string[]): Promise<Set<string>> {
  const rows = await inChunks(caseIds, (chunk) =>
    conn
      .selectDistinct({ caseId: legalProceedings.caseId })
      .from(legalProceedings)
      .where(and(inArray(legalProceedings.caseId, chunk), sql`(${legalProceedings.verdict} IS NOT NULL AND ${legalProceedings.verdict} <> '')`)),
  );
  return new Set(rows.map((r) => r.caseId));
}

/** New cases whose subjects share a NIK with a different person record: likely the same person entered twice. */
async function suspectedDuplicates(conn: Conn, caseIds: string[]): Promise<number> {
  const rows = await inChunks(caseIds, (chunk) =>
    conn
      .selectDistinct({ caseId: caseParties.caseId })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .where(and(inArray(caseParties.caseId, chunk), sql`${persons.nik} IS NOT NULL AND EXISTS (SELECT 1 FROM persons o WHERE o.nik = ${persons.nik} AND o.id <> ${persons.id})`)),
  );
  return rows.length;
}

/**
 * The figures read from dated records of the cases (visits, detentions, lawyers, age claims,
 * steps done, payments), each at the mission the case was at on that date.
 */
async function secondaryFigures(
  conn: Conn,
  facts: CaseFacts[],
  ctx: { period: Period; ids: Set<number>; zoneOf: Map<number, string>; movesOf: Map<string, { from: number; to: number; at: number }[]>; scopeIds: number[]; from: Date; to: Date },
) {
  const { period, ids } = ctx;
  const factOf = new Map(facts.map((f) => [f.id, f]));
  // Records can outlive the case's open time (a payment after closing): read those cases' missions too.
  const missionOn = async (rows: { caseId: string; missionId: number }[]) => {
    const missing = [...new Set(rows.filter((r) => !factOf.has(r.caseId)).map((r) => r.caseId))];
    if (missing.length) {
      const moves = await acceptedMoves(conn, missing);
      for (const m of moves) ctx.movesOf.set(m.caseId, [...(ctx.movesOf.get(m.caseId) ?? []), { from: m.from, to: m.to, at: m.at!.getTime() }]);
    }
    return (caseId: string, current: number, date: string) => {
      const segments = factOf.get(caseId)?.segments ?? segmentsOf(current, ctx.movesOf.get(caseId) ?? []);
      const t = Date.parse(`${date}T12:00:00Z`);
      return segments.find((s) => s.since <= t && t < s.until)!.missionId;
    };
  };
  const inScopeOn = async <R extends { caseId: string; missionId: number; date: string }>(rows: R[]): Promise<R[]> => {
    const at = await missionOn(rows);
    return rows.filter((r) => r.date >= period.start && r.date < period.end && ids.has(at(r.caseId, r.missionId, r.date)));
  };
  const touched = sql`(${cases.missionId} IN ${ctx.scopeIds} OR EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = ${cases.id} AND t.status = 'accepted' AND (t.from_mission_id IN ${ctx.scopeIds} OR t.to_mission_id IN ${ctx.scopeIds})))`;
  const localOf = (col: unknown) => sql<string>`to_char(${col} AT TIME ZONE ${missions.timeZone}, 'YYYY-MM-DD')`;

  // Steps are the bulk of a long period's records: those of cases never transferred are counted in
  // the database (their mission is their mission throughout); only moved cases' rows come to Node.
  const moved = sql`EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = ${cases.id} AND t.status = 'accepted')`;
  const stayedInScope = and(inArray(cases.missionId, ctx.scopeIds), sql`NOT ${moved}`);
  const [visits, detained, lawyers, claims, steps, payments, overdue, pending, servicesStayed, overdueStayed] = await Promise.all([
    conn
      .select({ caseId: consularVisits.caseId, missionId: cases.missionId, date: sql<string>`${consularVisits.visitedOn}::text` })
      .from(consularVisits)
      .innerJoin(cases, eq(cases.id, consularVisits.caseId))
      .where(and(touched, gte(consularVisits.visitedOn, period.start), lt(consularVisits.visitedOn, period.end))),
    // Held at any time in the period: counted once per detention, at the mission on the period's last held day.
    conn
      .select({
        caseId: detentions.caseId,
        missionId: cases.missionId,
        date: sql<string>`least(coalesce(${detentions.releasedOn}, (${period.end}::date - 1)), (${period.end}::date - 1))::text`,
        since: sql<string>`${detentions.detainedSince}::text`,
      })
      .from(detentions)
      .innerJoin(cases, eq(cases.id, detentions.caseId))
      .where(and(touched, lt(detentions.detainedSince, period.end), or(isNull(detentions.releasedOn), gte(detentions.releasedOn, period.start)))),
    conn
      .select({ caseId: legalProceedings.caseId, missionId: cases.missionId, date: sql<string>`${legalProceedings.lawyerAppointedOn}::text` })
      .from(legalProceedings)
      .innerJoin(cases, eq(cases.id, legalProceedings.caseId))
      .where(and(touched, gte(legalProceedings.lawyerAppointedOn, period.start), lt(legalProceedings.lawyerAppointedOn, period.end))),
    conn
      .select({ caseId: ageClaims.caseId, missionId: cases.missionId, date: localOf(ageClaims.claimedAt), status: ageClaims.status })
      .from(ageClaims)
      .innerJoin(cases, eq(cases.id, ageClaims.caseId))
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(touched, gte(ageClaims.claimedAt, ctx.from), lt(ageClaims.claimedAt, ctx.to))),
    conn
      .select({ caseId: caseSteps.caseId, missionId: cases.missionId, date: localOf(caseSteps.doneAt), serviceType: caseSteps.serviceType })
      .from(caseSteps)
      .innerJoin(cases, eq(cases.id, caseSteps.caseId))
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(and(touched, moved, eq(caseSteps.status, 'done'), gte(caseSteps.doneAt, ctx.from), lt(caseSteps.doneAt, ctx.to))),
    conn
      .select({ caseId: claimPayments.caseId, missionId: cases.missionId, date: sql<string>`${claimPayments.receivedOn}::text`, idr: sql<string>`(${claimPayments.amount} * ${claimPayments.rateToHome})::numeric(20,2)::text`, kind: financialClaims.kind, category: cases.category })
      .from(claimPayments)
      .innerJoin(financialClaims, eq(financialClaims.id, claimPayments.claimId))
      .innerJoin(cases, eq(cases.id, claimPayments.caseId))
      .where(and(touched, gte(claimPayments.receivedOn, period.start), lt(claimPayments.receivedOn, period.end))),
    // Steps overdue as the period ended (still open now, due date plus grace before the end), and closure requests waiting now.
    conn
      .select({ caseId: caseSteps.caseId, missionId: cases.missionId, date: sql<string>`(${period.end}::date - 1)::text` })
      .from(caseSteps)
      .innerJoin(cases, eq(cases.id, caseSteps.caseId))
      .where(and(touched, moved, sql`${caseSteps.status} IN ('planned', 'in_progress')`, sql`${caseSteps.dueDate} + ${caseSteps.graceDays} < ${period.end}::date`, lt(cases.openedAt, ctx.to))),
    conn
      .select({ caseId: approvals.caseId, missionId: cases.missionId })
      .from(approvals)
      .innerJoin(cases, eq(cases.id, approvals.caseId))
      .where(and(inArray(cases.missionId, ctx.scopeIds), eq(approvals.status, 'pending'), lt(approvals.requestedAt, ctx.to))),
    conn
      .select({ serviceType: caseSteps.serviceType, n: sql<number>`count(*)::int` })
      .from(caseSteps)
      .innerJoin(cases, eq(cases.id, caseSteps.caseId))
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(
        and(
          stayedInScope,
          eq(caseSteps.status, 'done'),
          gte(caseSteps.doneAt, ctx.from),
          lt(caseSteps.doneAt, ctx.to),
          sql`${localOf(caseSteps.doneAt)} >= ${period.start} AND ${localOf(caseSteps.doneAt)} < ${period.end}`,
        ),
      )
      .groupBy(caseSteps.serviceType),
    conn
      .select({ n: sql<number>`count(*)::int` })
      .from(caseSteps)
      .innerJoin(cases, eq(cases.id, caseSteps.caseId))
      .where(and(stayedInScope, sql`${caseSteps.status} IN ('planned', 'in_progress')`, sql`${caseSteps.dueDate} + ${caseSteps.graceDays} < ${period.end}::date`, lt(cases.openedAt, ctx.to))),
  ]);
  const paid = await inScopeOn(payments);
  const sum = (rows: { idr: string }[]) => Math.round(rows.reduce((a, r) => a + Number(r.idr), 0) * 100) / 100;
  const claimed = await inScopeOn(claims);
  const done = await inScopeOn(steps);
  const services: Record<string, number> = {};
  for (const s of servicesStayed) services[s.serviceType] = s.n;
  for (const s of done) services[s.serviceType] = (services[s.serviceType] ?? 0) + 1;
  return {
    legal: { detainees: (await inScopeOn(detained.map((d) => ({ ...d, date: d.date < period.start ? period.start : d.date })))).length, consularVisits: (await inScopeOn(visits)).length, lawyersAppointed: (await inScopeOn(lawyers)).length },
    ageClaims: {
      pending: claimed.filter((c) => !['accepted', 'rejected', 'withdrawn'].includes(c.status)).length,
      accepted: claimed.filter((c) => c.status === 'accepted').length,
      rejected: claimed.filter((c) => c.status === 'rejected').length,
      withdrawn: claimed.filter((c) => c.status === 'withdrawn').length,
    },
    services,
    money: { payments: paid.length, recoveredIdr: sum(paid) },
    restitutionIdr: sum(paid.filter((p) => p.kind === 'restitution' && p.category === 'trafficking')),
    overdueStepsAtEnd: (overdueStayed[0]?.n ?? 0) + (await inScopeOn(overdue)).length,
    pendingApprovals: pending.length,
  };
}
