import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { notFound } from '@/lib/errors';
import type { DuplicateQuery } from '@/lib/validation/cases';
import type { Conn } from '../index';
import { caseParties, cases, missions, persons } from '../schema';
import { addCaseEvent } from './case-timeline';
import { consumeRateLimit } from './rate-limits';

export interface RevealedIdentity {
  role: string;
  isIdentityUndisclosed: boolean;
  fullName: string;
  sex: string | null;
  dateOfBirth: string | null;
  dobBasis: string | null;
  nik: string | null;
  passportNumber: string | null;
  nationality: string | null;
  homeProvince: string | null;
  homeRegency: string | null;
  phone: string | null;
  perpetratorKind: string | null;
  organisation: string | null;
  isArrested: boolean | null;
  relationship: string | null;
}

/**
 * The one access path to a person's whole identity on a case (to show it, or to edit it):
 * for the case's own mission staff and supervisors in scope. Where the identity is
 * undisclosed, the reveal is recorded on the case's access log (its timeline).
 */
export async function revealIdentity(conn: Conn, actor: Actor, partyId: string): Promise<{ caseId: string; pseudonym: string; identity: RevealedIdentity }> {
  assertCan(actor, 'case:read');
  if (!/^[0-9a-f-]{36}$/i.test(partyId)) throw notFound();
  const [row] = await conn
    .select({
      caseId: caseParties.caseId,
      pseudonym: caseParties.pseudonym,
      role: caseParties.role,
      isIdentityUndisclosed: persons.isIdentityUndisclosed,
      fullName: persons.fullName,
      sex: persons.sex,
      dateOfBirth: persons.dateOfBirth,
      dobBasis: persons.dobBasis,
      nik: persons.nik,
      passportNumber: persons.passportNumber,
      nationality: persons.nationality,
      homeProvince: persons.homeProvince,
      homeRegency: persons.homeRegency,
      phone: persons.phone,
      perpetratorKind: caseParties.perpetratorKind,
      organisation: caseParties.organisation,
      isArrested: caseParties.isArrested,
      relationship: caseParties.relationship,
    })
    .from(caseParties)
    .innerJoin(persons, eq(persons.id, caseParties.personId))
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(caseParties.id, partyId), missionScope(actor, cases.missionId, missions.country)));
  if (!row) throw notFound();
  const { caseId, pseudonym, ...identity } = row;
  if (identity.isIdentityUndisclosed) await addCaseEvent(conn, caseId, actor.id, 'identity_revealed', { pseudonym });
  return { caseId, pseudonym, identity };
}

export interface DuplicateMatch {
  matchedOn: ('nik' | 'passport' | 'name_dob')[];
  /** set when the actor may see one of the person's cases, so the person can be linked */
  personId: string | null;
  /** the name, or the pseudonym where the identity is undisclosed; null when no case is visible */
  displayName: string | null;
  visibleCases: { id: string; reference: string }[];
  /** missions of cases the actor may not open: "a case exists at mission X; ask the directorate" */
  otherMissions: string[];
}

/** How many duplicate checks one user may make in a window: plenty for intake, too few to sweep numbers. */
export const DUPLICATE_CHECK_LIMIT = { checks: 60, windowMs: 10 * 60_000 };

/** Counts one duplicate check of the actor's, refused once over DUPLICATE_CHECK_LIMIT. */
export async function limitDuplicateChecks(conn: Conn, actor: Actor, now = new Date()): Promise<void> {
  await consumeRateLimit(conn, `duplicate-check:${actor.id}`, DUPLICATE_CHECK_LIMIT.checks, DUPLICATE_CHECK_LIMIT.windowMs, now);
}

/**
 * People already known who are likely the same person: the same NIK or passport number,
 * or a similar name (trigram) with the same date of birth, across all missions. What the
 * actor may not see is reduced to the mission code of the case.
 */
export async function findPossibleDuplicates(conn: Conn, actor: Actor, q: DuplicateQuery): Promise<DuplicateMatch[]> {
  assertCan(actor, 'case:create');
  const conditions = [];
  if (q.nik.length === 16) conditions.push(eq(persons.nik, q.nik));
  if (q.passportNumber.length >= 7) conditions.push(eq(persons.passportNumber, q.passportNumber));
  if (q.fullName.length >= 3 && q.dateOfBirth) {
    conditions.push(and(eq(persons.dateOfBirth, q.dateOfBirth), sql`lower(${persons.fullName}) % lower(${q.fullName})`));
  }
  if (conditions.length === 0) return [];
  const people = await conn
    .select({
      id: persons.id,
      fullName: persons.fullName,
      isIdentityUndisclosed: persons.isIdentityUndisclosed,
      nik: persons.nik,
      passportNumber: persons.passportNumber,
      dateOfBirth: persons.dateOfBirth,
    })
    .from(persons)
    .where(or(...conditions))
    .limit(20);
  if (people.length === 0) return [];
  const appearances = await conn
    .select({
      personId: caseParties.personId,
      pseudonym: caseParties.pseudonym,
      caseId: cases.id,
      reference: cases.reference,
      missionCode: missions.code,
      visible: sql<boolean>`(${missionScope(actor, cases.missionId, missions.country)})`,
    })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(inArray(caseParties.personId, people.map((p) => p.id)), eq(caseParties.role, 'subject')));
  return people
    .map((p) => {
      const mine = appearances.filter((a) => a.personId === p.id);
      const visible = mine.filter((a) => a.visible);
      const matchedOn: DuplicateMatch['matchedOn'] = [];
      if (q.nik && p.nik === q.nik) matchedOn.push('nik');
      if (q.passportNumber && p.passportNumber === q.passportNumber) matchedOn.push('passport');
      if (p.dateOfBirth === q.dateOfBirth && q.dateOfBirth) matchedOn.push('name_dob');
      return {
        matchedOn,
        personId: visible.length ? p.id : null,
        displayName: visible.length ? (p.isIdentityUndisclosed ? visible[0]!.pseudonym : p.fullName) : null,
        visibleCases: visible.map((a) => ({ id: a.caseId, reference: a.reference })),
        otherMissions: [...new Set(mine.filter((a) => !a.visible).map((a) => a.missionCode))].sort(),
      };
    })
    .filter((m) => m.visibleCases.length || m.otherMissions.length);
}
