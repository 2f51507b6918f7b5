import { randomUUID } from 'node:crypto';
import { type SQL, and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type CaseClass, type CaseStatus, type Category, type PartyRole, PSEUDONYM_LETTER, classOf, isChildOn, traffickingElementsMet } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { CreateCaseInput, UpdateCaseDetailsInput } from '@/lib/validation/cases';
import { toIsoDate } from '@/lib/validation/dates';
import type { Conn } from '../index';
import { likeEscape } from '../like';
import { pipelined } from '../pipeline';
import { caseDrafts, caseEvents, caseParties, caseReferenceCounters, cases, missions, persons, traffickingAssessments, users } from '../schema';
import { type Changes, appendAudit, diffChanges } from './audit';
import { addCaseEvent, addCaseEvents } from './case-timeline';

/** The year of an instant in a time zone: a case opened on 31 December in Jakarta is numbered in that year. */
export function yearIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

export function formatReference(missionCode: string, year: number, seq: number): string {
  return `${missionCode}-${year}-${String(seq).padStart(5, '0')}`;
}

/**
 * The next number of a mission's year. The counter row stays locked until the case's
 * transaction ends, so concurrent creations queue, and a rolled-back one gives its number back.
 */
async function nextSequence(conn: Conn, missionId: number, year: number): Promise<number> {
  const [row] = await conn
    .insert(caseReferenceCounters)
    .values({ missionId, year, last: 1 })
    .onConflictDoUpdate({ target: [caseReferenceCounters.missionId, caseReferenceCounters.year], set: { last: sql`${caseReferenceCounters.last} + 1` } })
    .returning({ last: caseReferenceCounters.last });
  return row!.last;
}

/** The mission a new case belongs to: an officer's own; a supervisor's choice within their scope. */
async function missionForNewCase(conn: Conn, actor: Actor, missionCode: string) {
  const byId = actor.role === 'officer' ? eq(missions.id, actor.missionId ?? -1) : eq(missions.code, missionCode);
  const [mission] = await conn
    .select({ id: missions.id, code: missions.code, timeZone: missions.timeZone })
    .from(missions)
    .where(and(byId, eq(missions.isActive, true), missionScope(actor, missions.id, missions.country)));
  if (!mission) throw new AppError('invalid', 'errors.invalid', { missionCode: ['validation.unknownMission'] });
  return mission;
}

/** Only persons who already appear in a case this actor may see can be linked (no fishing for ids). */
export async function assertPersonVisible(conn: Conn, actor: Actor, personId: string) {
  const [row] = await conn
    .select({ id: caseParties.personId })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(caseParties.personId, personId), missionScope(actor, cases.missionId, missions.country)))
    .limit(1);
  if (!row) throw new AppError('invalid', 'errors.invalid', { subjects: ['validation.unknownPerson'] });
}

export interface CreatedCase {
  id: string;
  reference: string;
  changes: Changes;
}

/** Registers a case with its subjects and perpetrators in one transaction, numbered gap-free. */
export async function createCase(conn: Conn, actor: Actor, input: CreateCaseInput, now: Date = new Date()): Promise<CreatedCase> {
  assertCan(actor, 'case:create');
  const mission = await missionForNewCase(conn, actor, input.missionCode);
  const year = yearIn(mission.timeZone, now);
  const seq = await nextSequence(conn, mission.id, year);
  const reference = formatReference(mission.code, year, seq);
  const caseClass = classOf(input.category, input);
  const details = caseDetailsRow(input);
  // The case's id is made here, so the case and everything under it go in as one pipelined batch below.
  const caseId = randomUUID();
  const caseRow: typeof cases.$inferInsert = {
    id: caseId,
    reference,
    missionId: mission.id,
    year,
    seq,
    ...details,
    caseClass,
    status: 'new',
    createdById: actor.id,
    assignedOfficerId: actor.role === 'officer' ? actor.id : null,
    openedAt: now,
    lastActivityAt: now,
  };

  const counters: Record<PartyRole, number> = { subject: 0, perpetrator: 0, witness: 0, family_contact: 0 };
  const pseudonymFor = (role: PartyRole) => `${reference}-${PSEUDONYM_LETTER[role]}${++counters[role]}`;

  // Every new person in one insert and every party in another (ids made here), not two statements a person.
  const newPersons: (typeof persons.$inferInsert)[] = [];
  const parties: (typeof caseParties.$inferInsert)[] = [];
  for (const subject of input.subjects) {
    let personId = subject.existingPersonId;
    if (personId) await assertPersonVisible(conn, actor, personId);
    else {
      personId = randomUUID();
      newPersons.push({
        id: personId,
        fullName: subject.fullName,
        sex: subject.sex || null,
        dateOfBirth: toIsoDate(subject.dateOfBirth),
        dobBasis: subject.dobBasis || null,
        nationality: 'ID',
        nik: subject.nik || null,
        passportNumber: subject.passportNumber || null,
        homeProvince: subject.homeProvince || null,
        homeRegency: subject.homeRegency || null,
        phone: subject.phone || null,
        isIdentityUndisclosed: subject.isIdentityUndisclosed,
      });
    }
    parties.push({ caseId, personId, role: 'subject', pseudonym: pseudonymFor('subject') });
  }
  for (const p of input.perpetrators) {
    const personId = randomUUID();
    newPersons.push({ id: personId, fullName: p.fullName, nationality: p.nationality || null });
    parties.push({
      caseId,
      personId,
      role: 'perpetrator',
      pseudonym: pseudonymFor('perpetrator'),
      perpetratorKind: p.perpetratorKind,
      organisation: p.organisation || null,
      isArrested: p.isArrested,
    });
  }
  // One round trip, not six: the case, then its people, parties and first event.
  await pipelined(
    async () => await conn.insert(cases).values(caseRow),
    async () => newPersons.length && (await conn.insert(persons).values(newPersons)),
    async () => parties.length && (await conn.insert(caseParties).values(parties)),
    async () => input.category === 'trafficking' && (await conn.insert(traffickingAssessments).values({ caseId })),
    async () =>
      input.draftId &&
      (await conn
        .update(caseDrafts)
        .set({ submittedCaseId: caseId, updatedAt: now })
        .where(and(eq(caseDrafts.id, input.draftId), eq(caseDrafts.ownerId, actor.id!), isNull(caseDrafts.submittedCaseId)))),
    () => addCaseEvent(conn, caseId, actor.id, 'created', { reference, subjects: input.subjects.length, perpetrators: input.perpetrators.length }),
  );
  // Identity never goes into the audit trail: counts of people, not who they are.
  const changes = diffChanges(null, { reference, missionCode: mission.code, caseClass, category: details.category, status: 'new', subjects: input.subjects.length, perpetrators: input.perpetrators.length });
  return { id: caseId, reference, changes };
}

function caseDetailsRow(input: Omit<UpdateCaseDetailsInput, 'id' | 'version'>) {
  return {
    category: input.category,
    subcategories: input.subcategories,
    narrative: input.narrative,
    eventsPlace: input.eventsPlace || null,
    eventsDate: input.eventsDate || null,
    employerOrAgency: input.employerOrAgency || null,
    vesselName: input.vesselName || null,
    vesselFlag: input.vesselFlag || null,
    intakeChannel: input.intakeChannel,
    riskLevel: input.riskLevel,
    deathPenalty: input.deathPenalty,
  };
}

/** Case fields whose text may name people: on the case's timeline, but only "changed" in the audit trail. */
const NARRATIVE_FIELDS = ['narrative', 'employerOrAgency', 'eventsPlace'] as const;

/** A case the actor may change, still open: not found when out of scope, refused once closed. */
export async function assertCaseOpenInScope(conn: Conn, actor: Actor, caseId: string): Promise<void> {
  assertCan(actor, 'case:update');
  const [c] = await conn
    .select({ status: cases.status })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, caseId), missionScope(actor, cases.missionId, missions.country)));
  if (!c) throw notFound();
  if (c.status === 'closed') throw new AppError('invalid', 'errors.caseClosed');
}

/**
 * Locks a case the actor may change, for an edit made on `version`: not found if out of
 * scope, a conflict with the saved values if someone saved since, refused once closed.
 */
export async function lockCaseForEdit(conn: Conn, actor: Actor, id: string, version: number) {
  assertCan(actor, 'case:update');
  const [before] = await conn
    .select({ ...detailColumns, version: cases.version, status: cases.status, firstContactAt: cases.firstContactAt })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, id), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: cases });
  if (!before) throw notFound();
  if (before.version !== version) {
    const { firstContactAt: _f, ...current } = before;
    throw staleVersion({ current });
  }
  if (before.status === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  return before;
}

export async function updateCaseDetails(conn: Conn, actor: Actor, input: UpdateCaseDetailsInput, now: Date = new Date()): Promise<{ version: number; changes: Changes }> {
  const { version, status: _s, firstContactAt: _f, ...before } = await lockCaseForEdit(conn, actor, input.id, input.version);
  const row = caseDetailsRow(input);
  const caseClass = classOf(input.category, input);
  await conn
    .update(cases)
    .set({ ...row, caseClass, version: sql`${cases.version} + 1`, lastActivityAt: now })
    .where(eq(cases.id, input.id));
  const timelineChanges = diffChanges(before, row);
  if (Object.keys(timelineChanges).length) await addCaseEvent(conn, input.id, actor.id, 'updated', { section: 'details', changes: timelineChanges });
  return { version: version + 1, changes: diffChanges(before, row, NARRATIVE_FIELDS) };
}

const detailColumns = {
  category: cases.category,
  subcategories: cases.subcategories,
  narrative: cases.narrative,
  eventsPlace: cases.eventsPlace,
  eventsDate: cases.eventsDate,
  employerOrAgency: cases.employerOrAgency,
  vesselName: cases.vesselName,
  vesselFlag: cases.vesselFlag,
  intakeChannel: cases.intakeChannel,
  riskLevel: cases.riskLevel,
  deathPenalty: cases.deathPenalty,
};

export interface PartyView {
  id: string;
  personId: string;
  role: PartyRole;
  pseudonym: string;
  isIdentityUndisclosed: boolean;
  /** null where the identity is undisclosed: reveal it through revealIdentity() */
  fullName: string | null;
  sex: string | null;
  dateOfBirth: string | null;
  nik: string | null;
  passportNumber: string | null;
  homeProvince: string | null;
  homeRegency: string | null;
  phone: string | null;
  nationality: string | null;
  relationship: string | null;
  isChild: boolean;
  perpetratorKind: string | null;
  organisation: string | null;
  isArrested: boolean | null;
}

export interface CaseFile {
  id: string;
  reference: string;
  missionId: number;
  missionCode: string;
  missionKind: string;
  missionCity: string;
  missionTimeZone: string;
  /** ISO 3166-1 code of the mission's country */
  missionCountry: string;
  category: Category;
  subcategories: string[];
  caseClass: CaseClass;
  status: CaseStatus;
  riskLevel: string;
  intakeChannel: string;
  narrative: string;
  eventsPlace: string | null;
  eventsDate: string | null;
  employerOrAgency: string | null;
  vesselName: string | null;
  vesselFlag: string | null;
  deathPenalty: boolean;
  assignedOfficerName: string | null;
  openedAt: Date;
  version: number;
  parties: PartyView[];
  assessment: { acts: string[]; means: string[]; purposes: string[]; recruitmentChannel: string | null; recruiterRelation: string | null; elementsMet: boolean } | null;
}

/** A case the actor may see, or null (not found and not allowed look the same). */
export async function getCase(conn: Conn, actor: Actor, id: string): Promise<CaseFile | null> {
  assertCan(actor, 'case:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [c] = await conn
    .select({
      id: cases.id,
      reference: cases.reference,
      missionId: cases.missionId,
      missionCode: missions.code,
      missionKind: missions.kind,
      missionCity: missions.city,
      missionTimeZone: missions.timeZone,
      missionCountry: missions.country,
      ...detailColumns,
      caseClass: cases.caseClass,
      status: cases.status,
      assignedOfficerName: users.name,
      openedAt: cases.openedAt,
      version: cases.version,
    })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(users, eq(users.id, cases.assignedOfficerId))
    .where(and(eq(cases.id, id), missionScope(actor, cases.missionId, missions.country)));
  if (!c) return null;
  const openedOn = c.openedAt.toISOString().slice(0, 10);
  // The case is in scope: its parties and assessment in one round trip.
  const [rows, [a]] = await Promise.all([
    conn
      .select({
        id: caseParties.id,
        personId: persons.id,
        role: caseParties.role,
        pseudonym: caseParties.pseudonym,
        isIdentityUndisclosed: persons.isIdentityUndisclosed,
        fullName: persons.fullName,
        sex: persons.sex,
        dateOfBirth: persons.dateOfBirth,
        nik: persons.nik,
        passportNumber: persons.passportNumber,
        homeProvince: persons.homeProvince,
        homeRegency: persons.homeRegency,
        phone: persons.phone,
        nationality: persons.nationality,
        relationship: caseParties.relationship,
        perpetratorKind: caseParties.perpetratorKind,
        organisation: caseParties.organisation,
        isArrested: caseParties.isArrested,
      })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .where(eq(caseParties.caseId, id))
      // Subjects first, then perpetrators, witnesses, family; S2 before S10.
      .orderBy(
        sql`array_position(ARRAY['subject','perpetrator','witness','family_contact'], ${caseParties.role})`,
        sql`length(${caseParties.pseudonym})`,
        asc(caseParties.pseudonym),
      ),
    conn.select().from(traffickingAssessments).where(eq(traffickingAssessments.caseId, id)),
  ]);
  const parties: PartyView[] = rows.map((p) => ({ ...maskIdentity(p), isChild: isChildOn(p.dateOfBirth, openedOn) }));
  const hasChild = parties.some((p) => p.role === 'subject' && p.isChild);
  return {
    ...c,
    parties,
    assessment: a
      ? { acts: a.acts, means: a.means, purposes: a.purposes, recruitmentChannel: a.recruitmentChannel, recruiterRelation: a.recruiterRelation, elementsMet: traffickingElementsMet(a, hasChild) }
      : null,
  };
}

/** Where the identity must stay undisclosed, only the pseudonym leaves the database layer. */
function maskIdentity<T extends { isIdentityUndisclosed: boolean; fullName: string | null; nik: string | null; passportNumber: string | null; dateOfBirth: string | null; sex: string | null; homeProvince: string | null; homeRegency: string | null; phone: string | null }>(p: T): T {
  if (!p.isIdentityUndisclosed) return p;
  return { ...p, fullName: null, nik: null, passportNumber: null, dateOfBirth: null, sex: null, homeProvince: null, homeRegency: null, phone: null };
}

export interface CaseListItem {
  id: string;
  reference: string;
  missionCode: string;
  category: Category;
  caseClass: CaseClass;
  status: CaseStatus;
  riskLevel: string;
  openedAt: Date;
  lastActivityAt: Date;
  nextDueOn: string | null;
  overdueFrom: string | null;
  version: number;
  assignedOfficerName: string | null;
  /** the first subject's name, or pseudonym where undisclosed */
  subjectLabel: string | null;
  subjectCount: number;
}

/**
 * The columns of a case list row (my cases, queues): the first subject as name or pseudonym,
 * never more (kept on the case by triggers, migration 0036). Select from cases joined to missions
 * and (left) to the assigned officer in users.
 */
export function caseListColumns() {
  return {
    id: cases.id,
    reference: cases.reference,
    missionCode: missions.code,
    category: cases.category,
    caseClass: cases.caseClass,
    status: cases.status,
    riskLevel: cases.riskLevel,
    openedAt: cases.openedAt,
    lastActivityAt: cases.lastActivityAt,
    nextDueOn: cases.nextDueOn,
    overdueFrom: cases.overdueFrom,
    version: cases.version,
    assignedOfficerName: users.name,
    subjectLabel: cases.firstSubjectLabel,
    subjectCount: cases.subjectCount,
  };
}

export interface CaseListFilter {
  q?: string;
  status?: string;
  category?: string;
  caseClass?: string;
  assignedToMe?: boolean;
  /** keyset cursor: "<openedAt ISO>_<id>" of the last row of the previous page */
  after?: string;
  limit?: number;
}

export function encodeCursor(row: { openedAt: Date; id: string }): string {
  return `${row.openedAt.toISOString()}_${row.id}`;
}

function decodeCursor(cursor: string | undefined): { openedAt: Date; id: string } | null {
  const m = cursor?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i);
  return m ? { openedAt: new Date(m[1]!), id: m[2]! } : null;
}


/** What a search box's text can be, decided from its shape, so each kind is looked up through its own index. */
export function searchKinds(q: string): { nik: string | null; passport: string | null; pseudonym: string; name: string | null; reference: string; legacyRef: string } {
  const upper = q.toUpperCase();
  const compact = q.replace(/\s+/g, '');
  const nik = /^\d{16}$/.test(compact) ? compact : null;
  // Passport numbers: letters and digits without spaces, at least one digit (A1234567, X0012345, 12345678).
  const passport = !nik && /^[A-Z0-9]{5,15}$/.test(upper) && /\d/.test(q) ? upper : null;
  return {
    nik,
    passport,
    pseudonym: upper,
    // A name has letters; one word with digits is a reference or a pseudonym, not a name; fewer than three characters are not looked up by trigram.
    // (never across a line break: the names kept on a case are one a line)
    name: /\p{L}/u.test(q) && !/^\S*\d\S*$/.test(q) && !/[\r\n]/.test(q) && q.length >= 3 ? q.toLowerCase() : null,
    reference: upper,
    legacyRef: q,
  };
}

/**
 * How many people a name may match before a search walks the cases newest first instead of
 * collecting every match's cases and sorting them: above it ("Ade", "Siti" at a million cases)
 * the newest page holds matches within a few thousand cases; below it, looking the matches'
 * cases up is cheaper than the walk. The two costs meet near √(50 × people); bench/RESULTS.md.
 */
export const COMMON_NAME_PEOPLE = 8_000;

/** How a search is run: decided by listCases before the query (isCommonName). */
export interface SearchPlan {
  commonName: boolean;
}

/** Whether a name's text matches more than `threshold` people (stops counting there). */
export async function isCommonName(conn: Conn, name: string, threshold = COMMON_NAME_PEOPLE): Promise<boolean> {
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`(SELECT 1 FROM persons p WHERE ${nameMatches(name)} LIMIT ${threshold + 1}) AS capped`);
  return (row?.n ?? 0) > threshold;
}

/**
 * Whether a name was found common, per connection pool and name, for ten minutes: a hint for how
 * to run a search, never its answer (both ways find the same cases), and a name's standing moves
 * only with thousands of people. The same names are searched again and again (a day's "siti"), and
 * the count that decides costs more than the walk it chooses (20 ms against 6 at a million cases).
 */
const commonNameHints = new WeakMap<object, Map<string, { common: boolean; until: number }>>();
const HINT_MS = 10 * 60_000;
const HINTS_KEPT = 1_000;

/** How a list's search text is to be run (one short count when it is a name not asked for lately). */
export async function searchPlanFor(conn: Conn, q: string | undefined): Promise<SearchPlan> {
  const name = q?.trim() ? searchKinds(q.trim()).name : null;
  if (!name) return { commonName: false };
  let hints = commonNameHints.get(conn);
  if (!hints) commonNameHints.set(conn, (hints = new Map()));
  const hint = hints.get(name);
  if (hint && hint.until > Date.now()) return { commonName: hint.common };
  const common = await isCommonName(conn, name);
  hints.delete(name);
  if (hints.size >= HINTS_KEPT) hints.delete(hints.keys().next().value!);
  hints.set(name, { common, until: Date.now() + HINT_MS });
  return { commonName: common };
}

/**
 * lower(full_name) LIKE uses the trigram index on lower(full_name). A person whose identity is
 * undisclosed is never found by their name: their cases are found by pseudonym or reference.
 */
const nameMatches = (name: string) => sql`lower(p.full_name) LIKE ${`%${likeEscape(name)}%`} AND NOT p.is_identity_undisclosed`;

/**
 * The cases a search's text matches, by UNION of index lookups (never one OR across columns,
 * which no index serves): the reference's beginning, an old log number, and people first — by
 * NIK, passport, pseudonym or a part of the name, as the text's shape says — then their cases.
 * A name that matches very many people is instead tested on each case as the list is walked
 * newest first (SearchPlan): the first page is found after a few thousand cases, not after all
 * of theirs are read and sorted.
 */
function matchingCases(q: string, plan: SearchPlan): SQL {
  const k = searchKinds(q);
  const parts: SQL[] = [
    sql`SELECT c.id AS case_id FROM cases c WHERE c.reference LIKE ${`${likeEscape(k.reference)}%`}`,
    sql`SELECT c.id FROM cases c WHERE c.legacy_ref = ${k.legacyRef}`,
  ];
  // The people's ids as an array too: with many matches the planner would otherwise hash-join a
  // scan of every case party.
  const byPerson = (where: SQL) => sql`SELECT cp.case_id FROM case_parties cp WHERE cp.person_id = ANY(ARRAY(SELECT p.id FROM persons p WHERE ${where}))`;
  if (k.nik) parts.push(byPerson(sql`p.nik = ${k.nik}`));
  if (k.passport) parts.push(byPerson(sql`p.passport_number = ${k.passport}`));
  parts.push(sql`SELECT cp.case_id FROM case_parties cp WHERE cp.pseudonym = ${k.pseudonym}`);
  const walkByName = k.name !== null && plan.commonName;
  if (k.name && !walkByName) parts.push(byPerson(nameMatches(k.name)));
  // An array from an InitPlan: the planner cannot guess its length, so it always looks the cases up
  // by id instead of hashing against a scan of every case when many match ("KUL-2025").
  const byId = sql`${cases.id} = ANY(ARRAY(${sql.join(parts, sql` UNION `)}))`;
  if (!walkByName) return byId;
  // Each case walked is tested by the names kept on it (cases.party_names, by triggers: the
  // disclosed parties' names, lower-cased), so the walk reads the case rows it lists and nothing else.
  return sql`(${byId} OR coalesce(${cases.partyNames} LIKE ${`%${likeEscape(k.name!)}%`}, false))`;
}

interface IdentityMatch {
  caseId: string;
  pseudonym: string;
  field: 'nik' | 'passport';
}

/** The undisclosed people in the actor's scope a search text names by NIK or passport number (none for other text). */
async function identityMatches(conn: Conn, actor: Actor, q: string): Promise<IdentityMatch[]> {
  const k = searchKinds(q);
  if (!k.nik && !k.passport) return [];
  const field = k.nik ? 'nik' : 'passport';
  const rows = await conn
    .select({ caseId: caseParties.caseId, pseudonym: caseParties.pseudonym })
    .from(persons)
    .innerJoin(caseParties, eq(caseParties.personId, persons.id))
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(k.nik ? eq(persons.nik, k.nik) : eq(persons.passportNumber, k.passport!), eq(persons.isIdentityUndisclosed, true), missionScope(actor, cases.missionId, missions.country)));
  return rows.map((r) => ({ ...r, field }));
}

/**
 * A search by an exact NIK or passport number that finds a person whose identity is undisclosed
 * is an identity match, not a silent one: recorded on each such case's access log and in the
 * audit (who, when, which field — never the number). Name searches never find them.
 */
async function recordIdentityMatches(conn: Conn, actor: Actor, matches: IdentityMatch[]): Promise<void> {
  await conn.transaction(async (tx) => {
    await addCaseEvents(tx, matches.map(({ caseId, pseudonym, field }) => ({ caseId, data: { pseudonym, field } })), actor.id, 'identity_matched');
    for (const { caseId, pseudonym, field } of matches) {
      await appendAudit(tx, actor, { action: 'case.identity_matched_by_search', entityType: 'case', entityId: caseId, details: { pseudonym, field } });
    }
  });
}

/**
 * The cases an actor may see, newest first, by keyset (never OFFSET): each page starts
 * after the last row of the one before, so page 1,000 costs what page 1 does. The order is
 * `opened_at DESC, id DESC`, read backwards from the (mission, opened_at, id) and
 * (opened_at, id) indexes.
 */
export async function listCases(conn: Conn, actor: Actor, filter: CaseListFilter = {}): Promise<{ items: CaseListItem[]; next: string | null }> {
  const q = filter.q?.trim();
  // The list and the question whether its text names an undisclosed person side by side (two
  // connections of the pool): a search by number costs one round trip, not two.
  const [rows, matches] = await Promise.all([caseListQuery(conn, actor, filter, await searchPlanFor(conn, q)), q ? identityMatches(conn, actor, q) : []]);
  // Recorded only when the search showed cases: a list the filters emptied disclosed nothing.
  if (rows.length && matches.length) await recordIdentityMatches(conn, actor, matches);
  const limit = caseListLimit(filter);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
}

const caseListLimit = (filter: CaseListFilter) => Math.min(filter.limit ?? 50, 200);

/** The query behind a page of cases (one row more than the page, to know if another follows); the benchmark explains it. */
export function caseListQuery(conn: Conn, actor: Actor, filter: CaseListFilter = {}, search: SearchPlan = { commonName: false }) {
  assertCan(actor, 'case:read');
  const cursor = decodeCursor(filter.after);
  const q = filter.q?.trim();
  return conn
    .select(caseListColumns())
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(users, eq(users.id, cases.assignedOfficerId))
    .where(
      and(
        missionScope(actor, cases.missionId, missions.country),
        filter.status ? eq(cases.status, filter.status as CaseStatus) : undefined,
        filter.category ? eq(cases.category, filter.category as Category) : undefined,
        filter.caseClass ? eq(cases.caseClass, filter.caseClass as CaseClass) : undefined,
        filter.assignedToMe && actor.id ? eq(cases.assignedOfficerId, actor.id) : undefined,
        cursor ? sql`(${cases.openedAt}, ${cases.id}) < (${cursor.openedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined,
        q ? matchingCases(q, search) : undefined,
      ),
    )
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(caseListLimit(filter) + 1);
}
