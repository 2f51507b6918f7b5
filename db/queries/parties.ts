import { and, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { AppError, notFound } from '@/lib/errors';
import { type PartyRole, PSEUDONYM_LETTER } from '@/lib/domain/cases';
import { toIsoDate } from '@/lib/validation/dates';
import type { PartyInput, UpdatePartyInput } from '@/lib/validation/people';
import type { Conn } from '../index';
import { caseParties, cases, persons } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { assertPersonVisible, lockCaseForEdit } from './cases';

/** Identity fields: never in the audit trail with their values; on the timeline only where the identity is not undisclosed. */
export const IDENTITY_FIELDS = ['fullName', 'sex', 'dateOfBirth', 'dobBasis', 'nik', 'passportNumber', 'nationality', 'homeProvince', 'homeRegency', 'phone'] as const;

function personRow(input: PartyInput) {
  return {
    fullName: input.fullName,
    sex: input.sex || null,
    dateOfBirth: toIsoDate(input.dateOfBirth),
    dobBasis: input.dobBasis || null,
    nik: input.nik || null,
    passportNumber: input.passportNumber || null,
    nationality: input.nationality || (input.role === 'perpetrator' ? null : 'ID'),
    homeProvince: input.homeProvince || null,
    homeRegency: input.homeRegency || null,
    phone: input.phone || null,
    isIdentityUndisclosed: input.isIdentityUndisclosed,
  };
}

function partyRow(input: PartyInput) {
  return {
    perpetratorKind: input.role === 'perpetrator' ? input.perpetratorKind || null : null,
    organisation: input.role === 'perpetrator' ? input.organisation || null : null,
    isArrested: input.role === 'perpetrator' ? input.isArrested : null,
    relationship: input.role === 'family_contact' ? input.relationship || null : null,
  };
}

/** Adds a person to a case in a role; the pseudonym continues the role's numbering (S3 after S2). */
export async function addParty(conn: Conn, actor: Actor, input: PartyInput, now = new Date()): Promise<{ partyId: string; pseudonym: string; version: number; changes: Changes }> {
  const locked = await lockCaseForEdit(conn, actor, input.caseId, input.version);
  const [c] = await conn.select({ reference: cases.reference }).from(cases).where(eq(cases.id, input.caseId));
  const [{ n }] = (await conn
    .select({ n: count() })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, input.caseId), eq(caseParties.role, input.role)))) as [{ n: number }];
  const pseudonym = `${c!.reference}-${PSEUDONYM_LETTER[input.role as PartyRole]}${Number(n) + 1}`;
  let personId = input.existingPersonId;
  if (!personId) {
    const [person] = await conn.insert(persons).values(personRow(input)).returning({ id: persons.id });
    personId = person!.id;
  } else await assertPersonVisible(conn, actor, personId);
  const [party] = await conn.insert(caseParties).values({ caseId: input.caseId, personId, role: input.role, pseudonym, ...partyRow(input) }).returning({ id: caseParties.id });
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.caseId));
  await addCaseEvent(conn, input.caseId, actor.id, 'party_added', { pseudonym, role: input.role });
  return { partyId: party!.id, pseudonym, version: locked.version + 1, changes: { party: { before: null, after: pseudonym } } };
}

/**
 * Edits a person on a case. The person may appear on other cases too (linked at intake):
 * their identity is one record, so the correction reaches every case they are on.
 */
export async function updateParty(conn: Conn, actor: Actor, input: UpdatePartyInput, now = new Date()): Promise<{ version: number; changes: Changes }> {
  const locked = await lockCaseForEdit(conn, actor, input.caseId, input.version);
  const [before] = await conn
    .select({
      personId: persons.id,
      role: caseParties.role,
      pseudonym: caseParties.pseudonym,
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
      isIdentityUndisclosed: persons.isIdentityUndisclosed,
      perpetratorKind: caseParties.perpetratorKind,
      organisation: caseParties.organisation,
      isArrested: caseParties.isArrested,
      relationship: caseParties.relationship,
    })
    .from(caseParties)
    .innerJoin(persons, eq(persons.id, caseParties.personId))
    .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, input.caseId)));
  if (!before) throw notFound();
  if (before.role !== input.role) throw new AppError('invalid', 'errors.invalid', { role: ['validation.roleFixed'] });
  const person = personRow({ ...input, nationality: input.nationality || before.nationality || '' });
  const party = partyRow(input);
  await conn.update(persons).set({ ...person, updatedAt: now, version: sql`${persons.version} + 1` }).where(eq(persons.id, before.personId));
  await conn.update(caseParties).set(party).where(eq(caseParties.id, input.partyId));
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.caseId));
  const { personId: _p, role: _r, pseudonym, ...old } = before;
  const undisclosed = before.isIdentityUndisclosed || input.isIdentityUndisclosed;
  const timeline = diffChanges<Record<string, unknown>>(old, { ...person, ...party }, undisclosed ? IDENTITY_FIELDS : []);
  if (Object.keys(timeline).length) await addCaseEvent(conn, input.caseId, actor.id, 'party_updated', { pseudonym, changes: timeline });
  return { version: locked.version + 1, changes: diffChanges<Record<string, unknown>>(old, { ...person, ...party }, IDENTITY_FIELDS) };
}
