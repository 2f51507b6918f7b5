import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { RESOLVING_OUTCOMES, homeFileCodes } from '@/lib/domain/cases';
import type { Period } from '@/lib/domain/periods';
import type { Correction } from '@/lib/reports/corrections';
import { AppError } from '@/lib/errors';
import type { Conn } from '../index';
import { rowsOf } from '../rows';
import type { MissionKind } from '../schema';
import { missions } from '../schema';
/** Where a summary looks: one mission (by code), one country (ISO 3166-1), or every mission in the actor's scope. */
export type SummaryScope = { kind: 'all' } | { kind: 'mission'; code: string } | { kind: 'country'; code: string };


export interface FlowFigures {
  openAtStart: number;
  new: number;
  transferredIn: number;
  resolved: number;
  closedUnresolved: number;
  /** moved to a mission outside the scope, or closed as handed to another agency */
  transferredOut: number;
  openAtEnd: number;
  /** age in days of the cases open at the end */
  backlog: { median: number | null; under30: number; from30to90: number; from90to365: number; over365: number };
}

export interface TraffickingRow {
  period: string;
  cases: number;
  victims_adult: number;
  victims_child: number;
  perpetrators: number;
  files_p21: number;
}

export interface Summary {
  period: string;
  scope: SummaryScope;
  missions: string[];
  /** one mission's scope: its kind and city, for the report's title ("KBRI Kuala Lumpur") */
  scopeMission?: { kind: MissionKind; city: string };
  flow: FlowFigures;
  /** of the cases opened in the period */
  newBy: { category: Record<string, number>; caseClass: Record<string, number>; mission: Record<string, number> };
  /** of the subjects of the cases opened in the period */
  subjectsBy: { sex: Record<string, number>; age: { child: number; adult: number } };
  trafficking: TraffickingRow[];
  /** trafficking cases opened in the period: with a verdict recorded; restitution recovered in the period (IDR) */
  traffickingOutcomes: { withVerdict: number; restitutionIdr: number };
  legal: { detainees: number; consularVisits: number; lawyersAppointed: number; deathPenaltyOpenAtEnd: number };
  /** age claims made in the period, by where they stand now */
  ageClaims: { pending: number; accepted: number; rejected: number; withdrawn: number };
  /** protection steps done in the period, by service type */
  services: Record<string, number>;
  money: { payments: number; recoveredIdr: number };
  timeliness: { medianDaysToFirstContact: number | null; medianDaysToResolution: number | null; overdueStepsAtEnd: number; pendingApprovals: number };
  dataQuality: { subjectsWithoutBirthDate: number; subjectsWithoutSex: number; newCasesWithoutSubject: number; suspectedDuplicates: number };
  /** one mission's locked month: the figures are those stored then (db/queries/month-locks.ts) */
  locked?: { at: string; by: string };
  /** changes to earlier locked months reported with this summary (pending until this month is locked) */
  corrections?: Correction[];
}


/** The missions a scope names, within the actor's own scope. */
export async function scopeMissions(conn: Conn, actor: Actor, scope: SummaryScope): Promise<{ id: number; code: string; timeZone: string; kind: MissionKind; city: string }[]> {
  const rows = await conn
    .select({ id: missions.id, code: missions.code, timeZone: missions.timeZone, kind: missions.kind, city: missions.city })
    .from(missions)
    .where(
      and(
        missionScope(actor, missions.id, missions.country),
        scope.kind === 'mission' ? eq(missions.code, scope.code.toUpperCase()) : undefined,
        scope.kind === 'country' ? eq(missions.country, scope.code.toUpperCase()) : undefined,
      ),
    )
    .orderBy(missions.code);
  if (scope.kind !== 'all' && rows.length === 0) throw new AppError('invalid', 'errors.invalid', { scope: ['validation.scopeUnknown'] });
  return rows;
}


export function emptySummary(period: Period, scope: SummaryScope): Summary {
  return {
    period: period.label,
    scope,
    missions: [],
    flow: { openAtStart: 0, new: 0, transferredIn: 0, resolved: 0, closedUnresolved: 0, transferredOut: 0, openAtEnd: 0, backlog: { median: null, under30: 0, from30to90: 0, from90to365: 0, over365: 0 } },
    newBy: { category: {}, caseClass: {}, mission: {} },
    subjectsBy: { sex: {}, age: { child: 0, adult: 0 } },
    trafficking: period.units.map((u) => ({ period: u.label, cases: 0, victims_adult: 0, victims_child: 0, perpetrators: 0, files_p21: 0 })).concat(period.units.length > 1 ? [{ period: 'total', cases: 0, victims_adult: 0, victims_child: 0, perpetrators: 0, files_p21: 0 }] : []),
    traffickingOutcomes: { withVerdict: 0, restitutionIdr: 0 },
    legal: { detainees: 0, consularVisits: 0, lawyersAppointed: 0, deathPenaltyOpenAtEnd: 0 },
    ageClaims: { pending: 0, accepted: 0, rejected: 0, withdrawn: 0 },
    services: {},
    money: { payments: 0, recoveredIdr: 0 },
    timeliness: { medianDaysToFirstContact: null, medianDaysToResolution: null, overdueStepsAtEnd: 0, pendingApprovals: 0 },
    dataQuality: { subjectsWithoutBirthDate: 0, subjectsWithoutSex: 0, newCasesWithoutSubject: 0, suspectedDuplicates: 0 },
  };
}

/**
 * One summary's SQL context: the missions in scope and the period's dates. Every statement
 * starts from the same three relations (`prelude`):
 * - zones: each mission's zone, whether the scope holds it, and the instants the period starts
 *   and ends there (the start of its first and of its next local day);
 * - moves: the accepted transfers in the order they were decided, each with the mission it left
 *   (the previous receiving one, or for the first its sending one);
 * - segments: a moved case's missions over time — the first sending mission until the first
 *   decision, then each receiving mission until the next. A case never moved has none: it was
 *   at its own mission throughout.
 * Instants are compared at the millisecond, as the figures were when they were read in Node.
 */
interface Context {
  scopeIds: number[];
  period: Period;
  /** bounds wide enough for every zone (UTC−12 … UTC+14); each case is then read in its own */
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;
const P21_AND_LATER = homeFileCodes.slice(homeFileCodes.indexOf('P-21'));

function context(scopeIds: number[], period: Period): Context {
  const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return {
    scopeIds,
    period,
    from: new Date(utcMidnight(period.start) - 14 * 3_600_000).toISOString(),
    to: new Date(utcMidnight(period.end) + 12 * 3_600_000).toISOString(),
  };
}

function prelude(q: Context): SQL {
  const { start, end } = q.period;
  return sql`
    zones AS (
      SELECT id, code, time_zone AS zone, id IN ${q.scopeIds} AS in_scope,
        ${start}::date::timestamp AT TIME ZONE time_zone AS starts, ${end}::date::timestamp AT TIME ZONE time_zone AS ends
      FROM missions
    ),
    moves AS (
      SELECT id, case_id, from_mission_id, to_mission_id, at, row_number() OVER w AS n,
        coalesce(lag(to_mission_id) OVER w, from_mission_id) AS before_id, coalesce(lead(at) OVER w, 'infinity') AS next_at
      FROM (SELECT id, case_id, from_mission_id, to_mission_id, date_trunc('milliseconds', decided_at) AS at FROM transfers WHERE status = 'accepted') t
      WINDOW w AS (PARTITION BY case_id ORDER BY at, id)
    ),
    segments AS (
      SELECT case_id, to_mission_id AS mission_id, at AS since, next_at AS until FROM moves
      UNION ALL
      SELECT case_id, from_mission_id, '-infinity', at FROM moves WHERE n = 1
    )`;
}

/**
 * Rows of `source` (which names the case `c`) with `z`, the zone of the mission the case was at
 * at an instant, where that mission is in scope: cases never moved at their own mission, moved
 * ones by the segment holding the instant. Two branches rather than one join through
 * coalesce(), whose estimate falls to a few rows and then has a year's cases read by nested loops.
 */
function inScopeAt(q: Context, p: { columns: SQL; source: SQL; instant: SQL; where: SQL }): SQL {
  return sql`
    SELECT ${p.columns} FROM ${p.source} JOIN zones z ON z.id = c.mission_id
    WHERE ${p.where} AND c.mission_id IN ${q.scopeIds} AND NOT EXISTS (SELECT 1 FROM moves m WHERE m.case_id = c.id)
    UNION ALL
    SELECT ${p.columns} FROM ${p.source} JOIN segments s ON s.case_id = c.id AND s.since <= ${p.instant} AND ${p.instant} < s.until JOIN zones z ON z.id = s.mission_id
    WHERE ${p.where} AND z.in_scope`;
}

/** A local date of the period (`z` the zone it is read in). */
const inPeriod = (q: Context, date: SQL) => sql`(${date} >= ${q.period.start}::date AND ${date} < ${q.period.end}::date)`;
const localDate = (instant: SQL) => sql`(${instant} AT TIME ZONE z.zone)::date`;
/** An instant on a local date of the period in zone `z`; the cheap bounds first, so that only instants near the period are converted. */
const localInPeriod = (q: Context, instant: SQL) =>
  sql`(${instant} >= ${q.from}::timestamptz AND ${instant} < ${q.to}::timestamptz AND ${inPeriod(q, localDate(instant))})`;
/** Noon UTC of a date: the instant at which a dated record (a visit, a payment) is placed at a mission. */
const noonOf = (date: SQL) => sql`((${date})::timestamp + interval '12 hours') AT TIME ZONE 'UTC'`;
/** Milliseconds since 1970, as a JavaScript Date holds an instant (truncated, not rounded). */
const epochMs = (instant: SQL) => sql`floor(extract(epoch FROM ${instant}) * 1000)`;
const daysBetween = (from: SQL, to: SQL) => sql`(${epochMs(to)} - ${epochMs(from)})::float8 / ${MS_PER_DAY}`;
/** The cases the period can count at all: opened before it ended and not closed before it began. */
const aliveIn = (q: Context) => sql`c.opened_at < ${q.to}::timestamptz AND (c.closed_at IS NULL OR c.closed_at >= ${q.from}::timestamptz)`;
/**
 * The flow's columns of the cases alive in the period, as two index scans rather than one OR: those
 * not closed and those closed since it began, each read from its index alone (cases_unclosed_idx
 * and cases_closed_idx hold every column read here; closed_at of the first is known to be null).
 * One OR had the table scanned whole.
 */
const aliveCases = (q: Context) => sql`
  SELECT c.mission_id, c.id, c.opened_at, NULL::timestamptz AS closed_at, c.first_contact_at, c.outcome, c.death_penalty
  FROM cases c WHERE c.closed_at IS NULL AND c.opened_at < ${q.to}::timestamptz
  UNION ALL
  SELECT c.mission_id, c.id, c.opened_at, c.closed_at, c.first_contact_at, c.outcome, c.death_penalty
  FROM cases c WHERE c.closed_at >= ${q.from}::timestamptz AND c.opened_at < ${q.to}::timestamptz`;
const RESOLVING = sql`(${sql.join(
  RESOLVING_OUTCOMES.map((o) => sql`${o}`),
  sql`, `,
)})`;

/**
 * The flow: each case alive in the period with whether it was opened, closed, open as the period
 * began and as it ended, each at the mission it was at then and by the dates of that mission's
 * zone. A moved case is open at a date if it was open as that date began at a mission in scope
 * where it was at that instant; its age at the end runs to the start of the end date where it was
 * at midnight UTC. Medians come back as the middle value(s), averaged and rounded in Node.
 */
function flowStatement(q: Context): SQL {
  const endUtc = sql`${q.period.end}::date::timestamp AT TIME ZONE 'UTC'`;
  const openAt = (instant: SQL) => sql`c.opened_at < ${instant} AND (c.closed_at IS NULL OR c.closed_at >= ${instant})`;
  const caseColumns = sql`c.id, c.opened_at, c.closed_at, c.first_contact_at, c.outcome, c.death_penalty`;
  const middle = (value: SQL, where: SQL, name: string) =>
    sql`count(*) FILTER (WHERE ${where})::int AS ${sql.raw(`${name}_n`)},
      percentile_disc(0.5) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS ${sql.raw(`${name}_low`)},
      percentile_disc(0.5) WITHIN GROUP (ORDER BY ${value} DESC) FILTER (WHERE ${where}) AS ${sql.raw(`${name}_high`)}`;
  return sql`
    WITH ${prelude(q)},
    -- read once for both branches: the moved cases are then found by a hash join with their
    -- segments, not by walking every segment ever (the planner expects a few) into cases
    alive AS MATERIALIZED (${aliveCases(q)}),
    facts AS (
      SELECT ${caseColumns},
        ${localInPeriod(q, sql`c.opened_at`)} AS opened_in,
        ${localInPeriod(q, sql`c.closed_at`)} AS closed_in,
        ${openAt(sql`z.starts`)} AS open_at_start,
        ${openAt(sql`z.ends`)} AS open_at_end,
        z.ends AS end_instant
      FROM alive c JOIN zones z ON z.id = c.mission_id
      WHERE z.in_scope AND NOT EXISTS (SELECT 1 FROM moves m WHERE m.case_id = c.id)
      UNION ALL
      SELECT ${caseColumns},
        coalesce(bool_or(z.in_scope AND s.since <= c.opened_at AND c.opened_at < s.until AND ${localInPeriod(q, sql`c.opened_at`)}), false),
        coalesce(bool_or(z.in_scope AND s.since <= c.closed_at AND c.closed_at < s.until AND ${localInPeriod(q, sql`c.closed_at`)}), false),
        bool_or(z.in_scope AND s.since <= z.starts AND z.starts < s.until AND ${openAt(sql`z.starts`)}),
        bool_or(z.in_scope AND s.since <= z.ends AND z.ends < s.until AND ${openAt(sql`z.ends`)}),
        max(z.ends) FILTER (WHERE s.since <= ${endUtc} AND ${endUtc} < s.until)
      FROM alive c JOIN segments s ON s.case_id = c.id JOIN zones z ON z.id = s.mission_id
      GROUP BY ${caseColumns}
    ),
    measured AS (
      SELECT f.*,
        CASE WHEN open_at_end THEN ${daysBetween(sql`opened_at`, sql`end_instant`)} END AS age,
        CASE WHEN opened_in THEN ${daysBetween(sql`opened_at`, sql`first_contact_at`)} END AS to_contact,
        CASE WHEN closed_in AND outcome IN ${RESOLVING} THEN ${daysBetween(sql`opened_at`, sql`closed_at`)} END AS to_resolution
      FROM facts f
    )
    SELECT
      count(*) FILTER (WHERE open_at_start)::int AS open_at_start,
      count(*) FILTER (WHERE opened_in)::int AS opened,
      count(*) FILTER (WHERE closed_in AND outcome IN ${RESOLVING})::int AS resolved,
      count(*) FILTER (WHERE closed_in AND coalesce(outcome NOT IN ${RESOLVING} AND outcome <> 'transferred', true))::int AS closed_unresolved,
      count(*) FILTER (WHERE closed_in AND outcome = 'transferred')::int AS closed_transferred,
      count(*) FILTER (WHERE open_at_end)::int AS open_at_end,
      count(*) FILTER (WHERE open_at_end AND death_penalty)::int AS death_penalty_open_at_end,
      count(*) FILTER (WHERE age < 30)::int AS under30,
      count(*) FILTER (WHERE age >= 30 AND age < 90)::int AS from30to90,
      count(*) FILTER (WHERE age >= 90 AND age < 365)::int AS from90to365,
      count(*) FILTER (WHERE age >= 365)::int AS over365,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY age) AS backlog_median,
      ${middle(sql`to_contact`, sql`to_contact IS NOT NULL`, 'contact')},
      ${middle(sql`to_resolution`, sql`to_resolution IS NOT NULL`, 'resolution')}
    FROM measured`;
}

interface FlowRow {
  open_at_start: number;
  opened: number;
  resolved: number;
  closed_unresolved: number;
  closed_transferred: number;
  open_at_end: number;
  death_penalty_open_at_end: number;
  under30: number;
  from30to90: number;
  from90to365: number;
  over365: number;
  backlog_median: number | null;
  contact_n: number;
  contact_low: number | null;
  contact_high: number | null;
  resolution_n: number;
  resolution_low: number | null;
  resolution_high: number | null;
}

/**
 * The cases opened in the period (at a mission in scope, by its local date) and their people:
 * the new cases by category, class and mission; their subjects by sex and age on the opening
 * day; the trafficking table by unit of the period; the data-quality figures. One row of JSON.
 */
function openedStatement(q: Context): SQL {
  const unitLength = q.period.units[0]!.label.length;
  const turns18After = sql`((to_char(per.date_of_birth, 'YYYY')::int + 18) || to_char(per.date_of_birth, '-MM-DD')) COLLATE "C" > to_char(o.opened_on, 'YYYY-MM-DD') COLLATE "C"`;
  const tally = (key: SQL, from: SQL) => sql`(SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT ${key} AS k, count(*)::int AS n FROM ${from} GROUP BY 1) x)`;
  const count = (where: SQL, from = sql`subjects`) => sql`(SELECT count(*)::int FROM ${from} WHERE ${where})`;
  return sql`
    WITH ${prelude(q)},
    -- read once for both branches: the moved ones then found by a hash join with their segments,
    -- not by walking every segment ever into cases
    opened_near AS MATERIALIZED (SELECT c.id, c.mission_id, c.category, c.case_class, c.opened_at FROM cases c WHERE c.opened_at >= ${q.from}::timestamptz AND ${aliveIn(q)}),
    candidates AS MATERIALIZED (${inScopeAt(q, {
      columns: sql`c.id, c.category, c.case_class, z.code, ${localDate(sql`c.opened_at`)} AS opened_on, ${localInPeriod(q, sql`c.opened_at`)} AS counted`,
      source: sql`opened_near c`,
      instant: sql`c.opened_at`,
      where: sql`true`,
    })}),
    -- filtered apart: a filter on local dates would leave the planner expecting a handful of cases
    opened AS MATERIALIZED (SELECT *, left(to_char(opened_on, 'YYYY-MM-DD'), ${unitLength}) AS unit FROM candidates WHERE counted),
    -- every party of the cases, each read once: subjects, perpetrators, shared NIKs
    parties AS MATERIALIZED (
      SELECT o.id AS case_id, o.category, o.unit, p.role, per.id AS person_id, per.nik, per.sex, per.date_of_birth IS NULL AS without_birth_date,
        coalesce(accepted.party_id IS NOT NULL OR ${turns18After}, false) AS is_child
      FROM opened o JOIN case_parties p ON p.case_id = o.id JOIN persons per ON per.id = p.person_id
      LEFT JOIN (SELECT DISTINCT party_id FROM age_claims WHERE status = 'accepted') accepted ON accepted.party_id = p.id
    ),
    subjects AS (SELECT * FROM parties WHERE role = 'subject'),
    proceedings AS (
      SELECT o.id, bool_or(l.jurisdiction = 'home' AND l.home_file_code IN ${[...P21_AND_LATER]}) AS at_p21, bool_or(l.verdict <> '') AS with_verdict
      FROM opened o JOIN legal_proceedings l ON l.case_id = o.id WHERE o.category = 'trafficking' GROUP BY o.id
    ),
    trafficking AS (
      SELECT o.unit, count(*)::int AS cases, count(*) FILTER (WHERE pr.at_p21)::int AS files_p21, count(*) FILTER (WHERE pr.with_verdict)::int AS with_verdict
      FROM opened o LEFT JOIN proceedings pr ON pr.id = o.id WHERE o.category = 'trafficking' GROUP BY o.unit
    ),
    trafficking_parties AS (
      SELECT unit, count(*) FILTER (WHERE role = 'subject' AND is_child)::int AS children, count(*) FILTER (WHERE role = 'subject' AND NOT is_child)::int AS adults,
        count(*) FILTER (WHERE role = 'perpetrator')::int AS perpetrators
      FROM parties WHERE category = 'trafficking' GROUP BY unit
    )
    SELECT
      ${tally(sql`category`, sql`opened`)} AS by_category,
      ${tally(sql`case_class`, sql`opened`)} AS by_class,
      ${tally(sql`code`, sql`opened`)} AS by_mission,
      ${tally(sql`coalesce(sex, 'unknown')`, sql`subjects`)} AS by_sex,
      ${count(sql`is_child`)} AS children,
      ${count(sql`NOT is_child`)} AS adults,
      ${count(sql`without_birth_date`)} AS without_birth_date,
      ${count(sql`sex IS NULL`)} AS without_sex,
      ${count(sql`NOT EXISTS (SELECT 1 FROM subjects x WHERE x.case_id = o.id)`, sql`opened o`)} AS without_subject,
      (SELECT count(DISTINCT case_id)::int FROM parties x WHERE x.nik IS NOT NULL AND EXISTS (SELECT 1 FROM persons other WHERE other.nik = x.nik AND other.id <> x.person_id)) AS suspected_duplicates,
      (SELECT coalesce(sum(with_verdict), 0)::int FROM trafficking) AS with_verdict,
      (SELECT coalesce(json_agg(t), '[]') FROM trafficking t) AS trafficking_cases,
      (SELECT coalesce(json_agg(t), '[]') FROM trafficking_parties t) AS trafficking_parties`;
}

interface OpenedRow {
  by_category: Record<string, number>;
  by_class: Record<string, number>;
  by_mission: Record<string, number>;
  by_sex: Record<string, number>;
  children: number;
  adults: number;
  without_birth_date: number;
  without_sex: number;
  without_subject: number;
  suspected_duplicates: number;
  with_verdict: number;
  trafficking_cases: { unit: string; cases: number; files_p21: number; with_verdict: number }[];
  trafficking_parties: { unit: string; children: number; adults: number; perpetrators: number }[];
}

/** Transfers decided in the period (by the date where the case was leaving) into and out of the scope. */
function movesStatement(q: Context): SQL {
  return sql`
    WITH ${prelude(q)}
    SELECT count(*) FILTER (WHERE arriving.in_scope AND NOT z.in_scope)::int AS transferred_in,
      count(*) FILTER (WHERE z.in_scope AND NOT arriving.in_scope)::int AS moved_out
    FROM moves m JOIN cases c ON c.id = m.case_id JOIN zones z ON z.id = m.before_id JOIN zones arriving ON arriving.id = m.to_mission_id
    WHERE ${aliveIn(q)} AND ${localInPeriod(q, sql`m.at`)}`;
}

/**
 * The dated records of the period, each counted at the mission its case was at at noon UTC of
 * its date: steps done (dated in the zone of the case's mission now) by service, and steps
 * overdue as the period ended (placed on its last day). Both kinds are read in one pass (each
 * by its own index) and joined with their cases once, before they are placed: the moved cases
 * among them are then found by a hash join with their segments, not by walking every segment
 * ever (the planner expects a few) into case_steps.
 */
function stepsStatement(q: Context): SQL {
  const lastDay = sql`(${q.period.end}::date - 1)`;
  return sql`
    WITH ${prelude(q)},
    -- both kinds in one pass over the steps (each by its own index) and one join with their cases
    placed AS MATERIALIZED (
      SELECT c.id, c.mission_id, st.status = 'done' AS is_done, st.service_type, (st.done_at AT TIME ZONE now_at.zone)::date AS on_date, c.opened_at
      FROM case_steps st JOIN cases c ON c.id = st.case_id JOIN zones now_at ON now_at.id = c.mission_id
      WHERE (st.status = 'done' AND st.done_at >= ${q.from}::timestamptz AND st.done_at < ${q.to}::timestamptz)
        OR (st.status IN ('planned', 'in_progress') AND st.due_date + st.grace_days < ${q.period.end}::date)
    ),
    done AS (SELECT * FROM placed WHERE is_done),
    overdue AS (SELECT * FROM placed WHERE NOT is_done AND opened_at < ${q.to}::timestamptz),
    steps AS (${inScopeAt(q, {
      columns: sql`false AS overdue, c.service_type, c.on_date`,
      source: sql`done c`,
      instant: noonOf(sql`c.on_date`),
      where: inPeriod(q, sql`c.on_date`),
    })}
      UNION ALL
      SELECT true, NULL, NULL FROM (${inScopeAt(q, {
        columns: sql`c.id`,
        source: sql`overdue c`,
        instant: noonOf(lastDay),
        where: sql`true`,
      })}) late
    )
    SELECT overdue, service_type, count(*)::int AS n FROM steps
    GROUP BY overdue, service_type`;
}

/**
 * The other dated records, each at the mission its case was at at noon UTC of its date:
 * consular visits, detentions (once each, on the period's last day held), lawyers appointed,
 * age claims made (dated in the zone of the case's mission now) by status, payments received
 * (in IDR, at their rate; restitution of trafficking cases apart); and closure requests
 * waiting now on the scope's cases.
 */
function recordsStatement(q: Context): SQL {
  const { start, end } = q.period;
  const lastDay = sql`(${end}::date - 1)`;
  return sql`
    WITH ${prelude(q)},
    records AS (
      SELECT 'visit' AS kind, NULL AS status, false AS restitution, v.case_id, v.visited_on AS on_date, NULL::numeric AS idr
      FROM consular_visits v WHERE v.visited_on >= ${start}::date AND v.visited_on < ${end}::date
      UNION ALL
      SELECT 'detention', NULL, false, d.case_id, greatest(least(coalesce(d.released_on, ${lastDay}), ${lastDay}), ${start}::date), NULL
      FROM detentions d WHERE d.detained_since < ${end}::date AND (d.released_on IS NULL OR d.released_on >= ${start}::date)
      UNION ALL
      SELECT 'lawyer', NULL, false, l.case_id, l.lawyer_appointed_on, NULL
      FROM legal_proceedings l WHERE l.lawyer_appointed_on >= ${start}::date AND l.lawyer_appointed_on < ${end}::date
      UNION ALL
      SELECT 'age_claim', a.status, false, a.case_id, (a.claimed_at AT TIME ZONE now_at.zone)::date, NULL
      FROM age_claims a JOIN cases c ON c.id = a.case_id JOIN zones now_at ON now_at.id = c.mission_id
      WHERE a.claimed_at >= ${q.from}::timestamptz AND a.claimed_at < ${q.to}::timestamptz
      UNION ALL
      SELECT 'payment', NULL, f.kind = 'restitution' AND c.category = 'trafficking', p.case_id, p.received_on, (p.amount * p.rate_to_home)::numeric(20, 2)
      FROM claim_payments p JOIN financial_claims f ON f.id = p.claim_id JOIN cases c ON c.id = p.case_id
      WHERE p.received_on >= ${start}::date AND p.received_on < ${end}::date
    )
    SELECT kind, status, restitution, count(*)::int AS n, sum(idr)::text AS idr
    FROM (${inScopeAt(q, {
      columns: sql`x.*`,
      source: sql`records x JOIN cases c ON c.id = x.case_id`,
      instant: noonOf(sql`x.on_date`),
      where: inPeriod(q, sql`x.on_date`),
    })}) counted
    GROUP BY kind, status, restitution
    UNION ALL
    SELECT 'pending_approval', NULL, false, count(*)::int, NULL
    FROM approvals ap JOIN cases c ON c.id = ap.case_id
    WHERE ap.status = 'pending' AND ap.requested_at < ${q.to}::timestamptz AND c.mission_id IN ${q.scopeIds}`;
}

interface RecordRow {
  kind: 'visit' | 'detention' | 'lawyer' | 'age_claim' | 'payment' | 'pending_approval';
  status: string | null;
  restitution: boolean;
  n: number;
  idr: string | null;
}

/** The statements of a summary, by name, for the benchmark's plans (bench/run.ts --explain). */
export function summaryStatements(scopeIds: number[], period: Period): Record<'flow' | 'opened' | 'moves' | 'steps' | 'records', SQL> {
  const q = context(scopeIds, period);
  return { flow: flowStatement(q), opened: openedStatement(q), moves: movesStatement(q), steps: stepsStatement(q), records: recordsStatement(q) };
}

const roundTo = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The median of n values from their middle one (n odd) or two (n even), to one decimal. */
function median(n: number, low: number | null, high: number | null): number | null {
  return n === 0 ? null : roundTo(n % 2 ? low! : (low! + high!) / 2, 1);
}

/**
 * The monthly (quarterly, yearly) summary of DESIGN §5 for a period and a scope, from the data
 * as it is now. Each case is counted by its dates in its own mission's time zone, and by the
 * mission it was at when the thing counted happened (a case transferred mid-month is new at
 * the first mission and transferred in at the second). Computed by grouping in the database: a
 * handful of statements, run side by side where the connection allows, each returning a few
 * aggregated rows whatever the number of cases.
 */
export async function computeSummary(conn: Conn, actor: Actor, period: Period, scope: SummaryScope): Promise<Summary> {
  assertCan(actor, 'case:read');
  const inScope = await scopeMissions(conn, actor, scope);
  if (inScope.length === 0) return emptySummary(period, scope);
  const q = context(
    inScope.map((m) => m.id),
    period,
  );
  const [[flow], [opened], [moves], steps, records] = await Promise.all([
    rowsOf<FlowRow>(conn, flowStatement(q)),
    rowsOf<OpenedRow>(conn, openedStatement(q)),
    rowsOf<{ transferred_in: number; moved_out: number }>(conn, movesStatement(q)),
    rowsOf<{ overdue: boolean; service_type: string | null; n: number }>(conn, stepsStatement(q)),
    rowsOf<RecordRow>(conn, recordsStatement(q)),
  ]);
  const f = flow!;
  const o = opened!;

  const count = (kind: RecordRow['kind'], status?: (s: string | null) => boolean) => records.filter((r) => r.kind === kind && (!status || status(r.status))).reduce((a, r) => a + r.n, 0);
  const idr = (rows: RecordRow[]) => roundTo(rows.reduce((a, r) => a + Number(r.idr ?? 0), 0), 2);
  const payments = records.filter((r) => r.kind === 'payment');

  const row = (label: string, units: string[]): TraffickingRow => {
    const cases = o.trafficking_cases.filter((r) => units.includes(r.unit));
    const parties = o.trafficking_parties.filter((r) => units.includes(r.unit));
    const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((a, r) => a + pick(r), 0);
    return {
      period: label,
      cases: sum(cases, (r) => r.cases),
      victims_adult: sum(parties, (r) => r.adults),
      victims_child: sum(parties, (r) => r.children),
      perpetrators: sum(parties, (r) => r.perpetrators),
      files_p21: sum(cases, (r) => r.files_p21),
    };
  };
  const trafficking = period.units.map((u) => row(u.label, [u.label]));
  if (trafficking.length > 1) trafficking.push(row('total', period.units.map((u) => u.label)));

  return {
    period: period.label,
    scope,
    missions: inScope.map((m) => m.code),
    ...(scope.kind === 'mission' && inScope[0] ? { scopeMission: { kind: inScope[0].kind, city: inScope[0].city } } : {}),
    traffickingOutcomes: { withVerdict: o.with_verdict, restitutionIdr: idr(payments.filter((r) => r.restitution)) },
    legal: { detainees: count('detention'), consularVisits: count('visit'), lawyersAppointed: count('lawyer'), deathPenaltyOpenAtEnd: f.death_penalty_open_at_end },
    ageClaims: {
      pending: count('age_claim', (s) => !['accepted', 'rejected', 'withdrawn'].includes(s!)),
      accepted: count('age_claim', (s) => s === 'accepted'),
      rejected: count('age_claim', (s) => s === 'rejected'),
      withdrawn: count('age_claim', (s) => s === 'withdrawn'),
    },
    services: Object.fromEntries(steps.filter((s) => !s.overdue).map((s) => [s.service_type, s.n])),
    money: { payments: count('payment'), recoveredIdr: idr(payments) },
    timeliness: {
      medianDaysToFirstContact: median(f.contact_n, f.contact_low, f.contact_high),
      medianDaysToResolution: median(f.resolution_n, f.resolution_low, f.resolution_high),
      overdueStepsAtEnd: steps.find((s) => s.overdue)?.n ?? 0,
      pendingApprovals: count('pending_approval'),
    },
    dataQuality: {
      subjectsWithoutBirthDate: o.without_birth_date,
      subjectsWithoutSex: o.without_sex,
      newCasesWithoutSubject: o.without_subject,
      suspectedDuplicates: o.suspected_duplicates,
    },
    flow: {
      openAtStart: f.open_at_start,
      new: f.opened,
      transferredIn: moves!.transferred_in,
      resolved: f.resolved,
      closedUnresolved: f.closed_unresolved,
      transferredOut: moves!.moved_out + f.closed_transferred,
      openAtEnd: f.open_at_end,
      backlog: {
        median: f.backlog_median === null ? null : roundTo(f.backlog_median, 1),
        under30: f.under30,
        from30to90: f.from30to90,
        from90to365: f.from90to365,
        over365: f.over365,
      },
    },
    newBy: { category: o.by_category, caseClass: o.by_class, mission: o.by_mission },
    subjectsBy: { sex: o.by_sex, age: { child: o.children, adult: o.adults } },
    trafficking,
  };
}
