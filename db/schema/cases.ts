import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  type CaseClass,
  type CaseStatus,
  type Category,
  type IntakeChannel,
  type PartyRole,
  type RiskLevel,
  documentKinds,
  dobBases,
  perpetratorKinds,
  sexes,
} from '@/lib/domain/cases';
import { missions } from './missions';
import { users } from './users';

/** The last reference number given per mission and year. Taken in the case's own transaction: gap-free. */
export const caseReferenceCounters = pgTable(
  'case_reference_counters',
  {
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.year] })],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** MISSION-YYYY-NNNNN */
    reference: text().notNull().unique(),
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    year: integer().notNull(),
    seq: integer().notNull(),
    category: text().$type<Category>().notNull(),
    subcategories: text().array().notNull().default(sql`'{}'::text[]`),
    caseClass: text().$type<CaseClass>().notNull(),
    status: text().$type<CaseStatus>().notNull().default('new'),
    riskLevel: text().$type<RiskLevel>().notNull(),
    intakeChannel: text().$type<IntakeChannel>().notNull(),
    narrative: text().notNull().default(''),
    eventsPlace: text(),
    eventsDate: date({ mode: 'string' }),
    employerOrAgency: text(),
    vesselName: text(),
    vesselFlag: text(),
    deathPenalty: boolean().notNull().default(false),
    assignedOfficerId: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    firstContactAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    summary: text(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** earliest due date of an open step; kept by a trigger on case_steps */
    nextDueOn: date({ mode: 'string' }),
    /** earliest due date plus grace of an open step: overdue once today is past it; same trigger */
    overdueFrom: date({ mode: 'string' }),
    /**
     * a subject under 18 on the opening day (in the mission's zone), or claiming to be while the
     * claim is open; kept by triggers on case_parties, persons, age_claims and cases (migration 0016)
     */
    hasChildSubject: boolean().notNull().default(false),
    /** a request on the case (closure, transfer) waits for a decision; kept by triggers on approvals (migration 0024) */
    awaitingApproval: boolean().notNull().default(false),
    /**
     * the subjects as exports list them: name, or pseudonym where the identity is undisclosed, in
     * pseudonym order, joined by "; " (null without subjects); kept with subjectCount by triggers on
     * case_parties and persons (migration 0035), so an export reads one table
     */
    subjectsLabel: text(),
    subjectCount: integer().notNull().default(0),
    /** the first of those subjects (what every case list shows), kept by the same triggers (migration 0036) */
    firstSubjectLabel: text(),
    /**
     * the names of the case's parties (any role) whose identity is disclosed, lower-cased, one a
     * line (null without any): what a search by a common name tests as it walks the cases newest
     * first; kept by the same triggers (migration 0036). Never shown.
     */
    partyNames: text(),
    /** for a case imported from a legacy log: the mission code and case_ref it had there */
    legacySource: text(),
    legacyRef: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    // No unique (mission, year, seq): a transferred case keeps the number its first mission gave it
    // (the reference, unique above), and the receiving mission may have given that number too.
    // Keyset pages of a mission's cases, newest first. Plain ascending, read backwards for
    // `ORDER BY … DESC`: an index built DESC NULLS LAST does not serve drizzle's desc() (NULLS FIRST).
    index('cases_mission_opened_idx').on(t.missionId, t.openedAt, t.id),
    index('cases_opened_idx').on(t.openedAt, t.id),
    // The summaries read the cases alive in a period: closed since it began (this index) or not
    // closed (the next), each from the index alone — every column the summary's flow needs is in
    // it (migration 0037: a month of a million cases read in 0.05 s, not by a 1.3 s scan of the
    // table). The dashboard's closed-per-month and time to resolution read recent closings here too.
    index('cases_closed_idx')
      .on(t.closedAt, t.openedAt, t.missionId, t.id, t.firstContactAt, t.outcome, t.deathPenalty)
      .where(sql`${t.closedAt} IS NOT NULL`),
    index('cases_unclosed_idx').on(t.openedAt, t.missionId, t.id, t.firstContactAt, t.outcome, t.deathPenalty).where(sql`${t.closedAt} IS NULL`),
    index('cases_open_mission_idx').on(t.missionId, t.status).where(sql`${t.status} <> 'closed'`),
    index('cases_assigned_idx').on(t.assignedOfficerId, t.openedAt, t.id),
    // The supervisors' queues read open cases only (DESIGN: most cases are closed after a few years).
    index('cases_open_opened_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed'`),
    // With the mission, so the "no contact for 30 days" count (capped at 10,001) is read from the
    // index alone; without it a scan of the table, stopping at the 10,001st match, looked cheaper.
    index('cases_open_activity_idx').on(t.lastActivityAt, t.id, t.missionId).where(sql`${t.status} <> 'closed'`),
    // The queues' "most urgent" and "soonest due" sorts: the same expressions as their ORDER BY
    // (db/queries/queues.ts), so a page is read from the index, not sorted from every open case.
    index('cases_open_risk_idx')
      .on(sql`(CASE ${t.riskLevel} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`, t.openedAt, t.id)
      .where(sql`${t.status} <> 'closed'`),
    index('cases_open_due_idx').on(sql`coalesce(${t.nextDueOn}, '9999-12-31'::date)`, t.id).where(sql`${t.status} <> 'closed'`),
    index('cases_open_overdue_idx').on(t.overdueFrom).where(sql`${t.status} <> 'closed' AND ${t.overdueFrom} IS NOT NULL`),
    // "Overdue steps" and "awaiting approval" in each of the queues' sorts: a page is read from its
    // index (thousands of open cases each at a million), never sorted from all of the view's cases.
    index('cases_open_overdue_opened_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.overdueFrom} IS NOT NULL`),
    index('cases_open_overdue_activity_idx').on(t.lastActivityAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.overdueFrom} IS NOT NULL`),
    index('cases_open_overdue_due_idx').on(sql`coalesce(${t.nextDueOn}, '9999-12-31'::date)`, t.id).where(sql`${t.status} <> 'closed' AND ${t.overdueFrom} IS NOT NULL`),
    index('cases_open_overdue_risk_idx')
      .on(sql`(CASE ${t.riskLevel} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`, t.openedAt, t.id)
      .where(sql`${t.status} <> 'closed' AND ${t.overdueFrom} IS NOT NULL`),
    index('cases_open_awaiting_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.awaitingApproval}`),
    index('cases_open_awaiting_activity_idx').on(t.lastActivityAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.awaitingApproval}`),
    index('cases_open_awaiting_due_idx').on(sql`coalesce(${t.nextDueOn}, '9999-12-31'::date)`, t.id).where(sql`${t.status} <> 'closed' AND ${t.awaitingApproval}`),
    index('cases_open_awaiting_risk_idx')
      .on(sql`(CASE ${t.riskLevel} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`, t.openedAt, t.id)
      .where(sql`${t.status} <> 'closed' AND ${t.awaitingApproval}`),
    index('cases_open_children_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.hasChildSubject}`),
    index('cases_open_death_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.deathPenalty}`),
    // Re-importing a legacy log finds its cases again instead of adding them twice.
    uniqueIndex('cases_legacy_ref_idx').on(t.legacySource, t.legacyRef).where(sql`${t.legacyRef} IS NOT NULL`),
    // The case search: a reference by its beginning ("KUL-2026-") — LIKE 'x%' needs pattern ops
    // outside the C collation — and an imported case by the number it had in its old log.
    index('cases_reference_prefix_idx').on(t.reference.op('text_pattern_ops')),
    index('cases_legacy_ref_search_idx').on(t.legacyRef).where(sql`${t.legacyRef} IS NOT NULL`),
    index('cases_open_unassigned_idx').on(t.openedAt, t.id).where(sql`${t.status} <> 'closed' AND ${t.assignedOfficerId} IS NULL`),
  ],
);

/**
 * A person's identity, kept apart from the case: read only through db/queries/people.ts,
 * which shows the pseudonym where the identity must stay undisclosed.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid().primaryKey().defaultRandom(),
    fullName: text().notNull(),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    sex: text({ enum: sexes }),
    dateOfBirth: date({ mode: 'string' }),
    dobBasis: text({ enum: dobBases }),
    placeOfBirth: text(),
    nationality: text(),
    nik: text(),
    passportNumber: text(),
    homeProvince: text(),
    homeRegency: text(),
    phone: text(),
    /** Victims may have a legal right to an undisclosed identity. */
    isIdentityUndisclosed: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('persons_nik_idx').on(t.nik).where(sql`${t.nik} IS NOT NULL`),
    index('persons_passport_idx').on(t.passportNumber).where(sql`${t.passportNumber} IS NOT NULL`),
    index('persons_name_trgm_idx').using('gin', sql`lower(${t.fullName}) gin_trgm_ops`),
    index('persons_dob_idx').on(t.dateOfBirth),
  ],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    role: text().$type<PartyRole>().notNull(),
    /** e.g. KUL-2026-00042-S1: shown wherever the identity may not be */
    pseudonym: text().notNull().unique(),
    perpetratorKind: text({ enum: perpetratorKinds }),
    organisation: text(),
    isArrested: boolean(),
    relationship: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId), index('case_parties_person_idx').on(t.personId)],
);

export const traffickingAssessments = pgTable('trafficking_assessments', {
  caseId: uuid()
    .primaryKey()
    .references(() => cases.id),
  acts: text().array().notNull().default(sql`'{}'::text[]`),
  means: text().array().notNull().default(sql`'{}'::text[]`),
  purposes: text().array().notNull().default(sql`'{}'::text[]`),
  recruitmentChannel: text(),
  recruiterRelation: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The case's timeline: everything that happened on it, with who and when. Append-only. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.id),
    // The case's access log (db/queries/case-timeline.ts, ACCESS_KINDS): complete and paged however long the timeline.
    index('case_events_access_idx').on(t.caseId, t.id).where(sql`${t.kind} IN ('identity_revealed', 'identity_matched', 'document_downloaded', 'file_names_revealed')`),
  ],
);

/** An intake being typed: saved as the officer types, until submitted or discarded. */
export const caseDrafts = pgTable(
  'case_drafts',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedCaseId: uuid().references(() => cases.id),
    discardedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('case_drafts_owner_idx').on(t.ownerId, t.updatedAt)],
);

export type CaseRow = typeof cases.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

export { documentKinds } from '@/lib/domain/cases';

/** A file attached to a case (or one of its people). The bytes live in the document store, never under public/. */
export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    partyId: uuid().references(() => caseParties.id),
    kind: text({ enum: documentKinds }).notNull(),
    fileName: text().notNull(),
    size: integer().notNull(),
    mimeType: text().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: uuid().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_case_idx').on(t.caseId, t.uploadedAt)],
);
