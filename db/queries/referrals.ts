import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type ConsentScope, REFERRAL_TRANSITIONS, type ReferralStatus } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { Conn } from '../index';
import { caseParties, cases, consents, missions, partnerAgencies, referrals } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';

export interface PartnerItem {
  id: number;
  code: string;
  kind: string;
  nameId: string;
  nameEn: string;
}

export async function listPartnerAgencies(conn: Conn): Promise<PartnerItem[]> {
  return conn
    .select({ id: partnerAgencies.id, code: partnerAgencies.code, kind: partnerAgencies.kind, nameId: partnerAgencies.nameId, nameEn: partnerAgencies.nameEn })
    .from(partnerAgencies)
    .where(eq(partnerAgencies.isActive, true))
    .orderBy(asc(partnerAgencies.kind), asc(partnerAgencies.code));
}

/** A party of a case the actor may change (the case open), or not found. */
async function partyOnEditableCase(conn: Conn, actor: Actor, caseId: string, partyId: string) {
  assertCan(actor, 'case:update');
  const [row] = await conn
    .select({ personId: caseParties.personId, pseudonym: caseParties.pseudonym, caseStatus: cases.status })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId), missionScope(actor, cases.missionId, missions.country)));
  if (!row) throw notFound();
  if (row.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  return row;
}

async function partnerByCode(conn: Conn, code: string) {
  const [p] = await conn.select({ id: partnerAgencies.id, code: partnerAgencies.code }).from(partnerAgencies).where(eq(partnerAgencies.code, code));
  if (!p) throw new AppError('invalid', 'errors.invalid', { partnerCode: ['validation.unknownPartner'] });
  return p;
}

export async function recordConsent(
  conn: Conn,
  actor: Actor,
  input: { caseId: string; partyId: string; scope: ConsentScope; partnerCode: string; givenOn: string },
): Promise<{ id: string; changes: Changes }> {
  const party = await partyOnEditableCase(conn, actor, input.caseId, input.partyId);
  const partner = input.partnerCode ? await partnerByCode(conn, input.partnerCode) : null;
  const [row] = await conn
    .insert(consents)
    .values({ personId: party.personId, caseId: input.caseId, scope: input.scope, partnerAgencyId: partner?.id ?? null, givenOn: input.givenOn, recordedById: actor.id })
    .returning({ id: consents.id });
  await addCaseEvent(conn, input.caseId, actor.id, 'consent_recorded', { pseudonym: party.pseudonym, scope: input.scope, partner: partner?.code ?? '' });
  return { id: row!.id, changes: diffChanges(null, { scope: input.scope, partner: partner?.code ?? null }) };
}

export async function withdrawConsent(conn: Conn, actor: Actor, consentId: string, now = new Date()): Promise<{ caseId: string }> {
  assertCan(actor, 'case:update');
  const [row] = await conn
    .select({ caseId: consents.caseId, scope: consents.scope, withdrawnAt: consents.withdrawnAt, caseStatus: cases.status })
    .from(consents)
    .innerJoin(cases, eq(cases.id, consents.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(consents.id, consentId), missionScope(actor, cases.missionId, missions.country)));
  if (!row) throw notFound();
  if (row.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');

  if (row.withdrawnAt) throw new AppError('conflict', 'errors.alreadyWithdrawn');
  await conn.update(consents).set({ withdrawnAt: now, withdrawnById: actor.id }).where(eq(consents.id, consentId));
  await addCaseEvent(conn, row.caseId, actor.id, 'consent_withdrawn', { scope: row.scope });
  return { caseId: row.caseId };
}

/**
 * Refers a person to a partner agency. It needs the person's consent to sharing with that
 * partner (or with any partner), not withdrawn; without one, only a supervisor may refer,
 * recording why.
 */
export async function createReferral(
  conn: Conn,
  actor: Actor,
  input: { caseId: string; partyId: string; partnerCode: string; purpose: string; overrideReason: string },
  now = new Date(),
): Promise<{ id: string; changes: Changes }> {
  const party = await partyOnEditableCase(conn, actor, input.caseId, input.partyId);
  const partner = await partnerByCode(conn, input.partnerCode);
  const [consent] = await conn
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.personId, party.personId),
        eq(consents.scope, 'sharing'),
        isNull(consents.withdrawnAt),
        or(eq(consents.partnerAgencyId, partner.id), isNull(consents.partnerAgencyId)),
      ),
    )
    .orderBy(desc(consents.recordedAt))
    .limit(1);
  const override = !consent && actor.role === 'supervisor' && input.overrideReason ? input.overrideReason : null;
  if (!consent && !override) {
    throw new AppError('invalid', 'errors.noConsent', { partnerCode: [actor.role === 'supervisor' ? 'validation.noConsentOverride' : 'validation.noConsent'] });
  }
  const [row] = await conn
    .insert(referrals)
    .values({ caseId: input.caseId, partyId: input.partyId, partnerAgencyId: partner.id, consentId: consent?.id ?? null, overrideReason: override, purpose: input.purpose || null, sentById: actor.id, sentAt: now, updatedAt: now })
    .returning({ id: referrals.id });
  await conn.update(cases).set({ lastActivityAt: now }).where(eq(cases.id, input.caseId));
  await addCaseEvent(conn, input.caseId, actor.id, 'referral_sent', { pseudonym: party.pseudonym, partner: partner.code, ...(override ? { reason: override } : {}) });
  return { id: row!.id, changes: diffChanges(null, { partner: partner.code, status: 'sent', override: !!override }) };
}

export async function moveReferral(conn: Conn, actor: Actor, input: { referralId: string; version: number; status: ReferralStatus }, now = new Date()): Promise<{ caseId: string; changes: Changes }> {
  assertCan(actor, 'case:update');
  const [row] = await conn
    .select({ caseId: referrals.caseId, status: referrals.status, version: referrals.version, partner: partnerAgencies.code, caseStatus: cases.status })
    .from(referrals)
    .innerJoin(partnerAgencies, eq(partnerAgencies.id, referrals.partnerAgencyId))
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(referrals.id, input.referralId), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: referrals });
  if (!row) throw notFound();
  if (row.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  if (row.version !== input.version) throw staleVersion({ current: { status: row.status, version: row.version } });
  if (!REFERRAL_TRANSITIONS[row.status].includes(input.status)) throw new AppError('invalid', 'errors.referralTransition');
  await conn.update(referrals).set({ status: input.status, updatedAt: now, version: sql`${referrals.version} + 1` }).where(eq(referrals.id, input.referralId));
  const changes = diffChanges<Record<string, unknown>>({ status: row.status }, { status: input.status });
  await addCaseEvent(conn, row.caseId, actor.id, 'referral_updated', { partner: row.partner, changes });
  return { caseId: row.caseId, changes };
}

export interface ConsentItem {
  id: string;
  pseudonym: string;
  scope: ConsentScope;
  partnerCode: string | null;
  givenOn: string;
  withdrawnAt: Date | null;
}

export interface ReferralItem {
  id: string;
  pseudonym: string;
  partnerCode: string;
  partnerNameId: string;
  partnerNameEn: string;
  status: ReferralStatus;
  purpose: string | null;
  overrideReason: string | null;
  sentAt: Date;
  version: number;
}

/** A case's consents (of its people) and referrals. The caller has shown the case is visible. */
export async function listConsentsAndReferrals(conn: Conn, caseId: string): Promise<{ consents: ConsentItem[]; referrals: ReferralItem[] }> {
  const [consentRows, referralRows] = await Promise.all([
    conn
      .select({ id: consents.id, pseudonym: caseParties.pseudonym, scope: consents.scope, partnerCode: partnerAgencies.code, givenOn: consents.givenOn, withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .innerJoin(caseParties, and(eq(caseParties.personId, consents.personId), eq(caseParties.caseId, caseId)))
      .leftJoin(partnerAgencies, eq(partnerAgencies.id, consents.partnerAgencyId))
      .where(eq(consents.caseId, caseId))
      .orderBy(desc(consents.recordedAt)),
    conn
      .select({
        id: referrals.id,
        pseudonym: caseParties.pseudonym,
        partnerCode: partnerAgencies.code,
        partnerNameId: partnerAgencies.nameId,
        partnerNameEn: partnerAgencies.nameEn,
        status: referrals.status,
        purpose: referrals.purpose,
        overrideReason: referrals.overrideReason,
        sentAt: referrals.sentAt,
        version: referrals.version,
      })
      .from(referrals)
      .innerJoin(caseParties, eq(caseParties.id, referrals.partyId))
      .innerJoin(partnerAgencies, eq(partnerAgencies.id, referrals.partnerAgencyId))
      .where(eq(referrals.caseId, caseId))
      .orderBy(desc(referrals.sentAt)),
  ]);
  return { consents: consentRows, referrals: referralRows };
}
