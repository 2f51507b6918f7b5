import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type AgeClaimStatus, type AgeEvidenceKind, type FinancialClaimKind, type HomeFileCode, type HostStage, jurisdictions, legalRoles } from '@/lib/domain/cases';
import { caseParties, cases, documents } from './cases';
import { missions } from './missions';
import { users } from './users';

/** One person's proceeding on a case: in the host country or at home. */
export const legalProceedings = pgTable(
  'legal_proceedings',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    partyId: uuid()
      .notNull()
      .references(() => caseParties.id),
    jurisdiction: text({ enum: jurisdictions }).notNull(),
    role: text({ enum: legalRoles }).notNull(),
    charge: text(),
    court: text(),
    /** the court's zone: hearings are shown in it */
    courtTimeZone: text().notNull(),
    arrestedOn: date({ mode: 'string' }),
    lawyerName: text(),
    lawyerAppointedOn: date({ mode: 'string' }),
    lawyerPaidBy: text(),
    interpreter: text(),
    hostStage: text().$type<HostStage>(),
    homeFileCode: text().$type<HomeFileCode>(),
    verdict: text(),
    sentence: text(),
    isDetained: boolean().notNull().default(false),
    isDeathPenalty: boolean().notNull().default(false),
    isFinal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [index('legal_proceedings_case_idx').on(t.caseId), index('legal_proceedings_death_idx').on(t.isDeathPenalty)],
);

export const hearings = pgTable(
  'hearings',
  {
    id: uuid().primaryKey().defaultRandom(),
    proceedingId: uuid()
      .notNull()
      .references(() => legalProceedings.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    court: text(),
    purpose: text(),
    outcome: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hearings_starts_idx').on(t.startsAt), index('hearings_case_idx').on(t.caseId)],
);

export const detentions = pgTable(
  'detentions',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    partyId: uuid()
      .notNull()
      .references(() => caseParties.id),
    facility: text().notNull(),
    detainedSince: date({ mode: 'string' }).notNull(),
    expectedRelease: date({ mode: 'string' }),
    releasedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('detentions_case_idx').on(t.caseId),
    // "Hearings soon" asks of each hearing's party whether they are held.
    index('detentions_held_party_idx').on(t.partyId).where(sql`${t.releasedOn} IS NULL`),
  ],
);

export const consularVisits = pgTable(
  'consular_visits',
  {
    id: uuid().primaryKey().defaultRandom(),
    detentionId: uuid()
      .notNull()
      .references(() => detentions.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    visitedOn: date({ mode: 'string' }).notNull(),
    officerId: uuid().references(() => users.id),
    findings: text(),
    needs: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consular_visits_detention_idx').on(t.detentionId, t.visitedOn)],
);

export const ageClaims = pgTable(
  'age_claims',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    partyId: uuid()
      .notNull()
      .references(() => caseParties.id),
    claimedDob: date({ mode: 'string' }).notNull(),
    /** the date the age matters on: arrest, exploitation, or the case's opening */
    relevantOn: date({ mode: 'string' }).notNull(),
    status: text().$type<AgeClaimStatus>().notNull().default('claimed'),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [index('age_claims_case_idx').on(t.caseId), index('age_claims_open_idx').on(t.status, t.claimedAt)],
);

export const ageEvidence = pgTable(
  'age_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => ageClaims.id),
    kind: text().$type<AgeEvidenceKind>().notNull(),
    source: text(),
    obtainedOn: date({ mode: 'string' }),
    issueDate: date({ mode: 'string' }),
    isVerified: boolean().notNull().default(false),
    documentId: uuid().references(() => documents.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('age_evidence_claim_idx').on(t.claimId)],
);

/** Money claimed for a person or the case: unpaid wages, compensation, restitution, insurance. */
export const financialClaims = pgTable(
  'financial_claims',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    kind: text().$type<FinancialClaimKind>().notNull(),
    currency: text().notNull(),
    amountClaimed: numeric({ precision: 16, scale: 2 }).notNull(),
    claimedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('financial_claims_case_idx').on(t.caseId)],
);

/** Money recovered against a claim, in its currency, with the rate to rupiah entered with it. */
export const claimPayments = pgTable(
  'claim_payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => financialClaims.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    rateToHome: numeric({ precision: 18, scale: 6 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claim_payments_claim_idx').on(t.claimId)],
);

/**
 * A mission's hearings as an iCalendar feed for one user: the secret address holds a random
 * token, of which only the SHA-256 is kept. Revoked, or the user deactivated or moved away
 * from the mission, and the address answers nothing.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash),
    uniqueIndex('calendar_feeds_active_idx')
      .on(t.userId, t.missionId)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);
