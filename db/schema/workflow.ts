import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type Category, type ServiceType, type StepStatus, consentScopes, partnerKinds, referralStatuses } from '@/lib/domain/cases';
import { caseParties, cases, persons } from './cases';
import { missions } from './missions';
import { users } from './users';

/**
 * The default steps of each category: reference data an admin edits. A case copies what it
 * takes, so changing a template never rewrites existing cases.
 */
export const stepTemplates = pgTable(
  'step_templates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    category: text().$type<Category>().notNull(),
    position: integer().notNull(),
    serviceType: text().$type<ServiceType>().notNull(),
    labelId: text().notNull(),
    labelEn: text().notNull(),
    dueOffsetDays: integer().notNull(),
    graceDays: integer().notNull().default(7),
    isRequired: boolean().notNull().default(false),
    /** the step must be started before it can be done */
    mustStart: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('step_templates_category_idx').on(t.category, t.position)],
);

export const caseSteps = pgTable(
  'case_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    templateId: integer().references(() => stepTemplates.id),
    position: integer().notNull(),
    serviceType: text().$type<ServiceType>().notNull(),
    labelId: text().notNull(),
    labelEn: text().notNull(),
    status: text().$type<StepStatus>().notNull().default('planned'),
    assigneeId: uuid().references(() => users.id),
    dueDate: date({ mode: 'string' }),
    doneAt: timestamp({ withTimezone: true }),
    provider: text(),
    outcome: text(),
    notes: text(),
    /** what the service was: shelter (where, from–to), repatriation (date, route, escort, receiving agency)… */
    details: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    isRequired: boolean().notNull().default(false),
    mustStart: boolean().notNull().default(false),
    graceDays: integer().notNull().default(7),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('case_steps_case_idx').on(t.caseId, t.position),
    // The officers' "due this week" and the overdue queues read open steps by due date.
    index('case_steps_open_due_idx').on(t.dueDate).where(sql`${t.status} IN ('planned', 'in_progress')`),
    index('case_steps_assignee_idx').on(t.assigneeId, t.dueDate).where(sql`${t.status} IN ('planned', 'in_progress')`),
    // The summaries count the steps done in a period.
    index('case_steps_done_idx').on(t.doneAt).where(sql`${t.status} = 'done'`),
  ],
);

export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;

/** A decision a supervisor makes on a case: today the closure of a case. */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    kind: text({ enum: ['closure'] }).notNull(),
    status: text({ enum: approvalStatuses }).notNull().default('pending'),
    outcome: text(),
    summary: text().notNull(),
    requestedById: uuid().references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    comment: text(),
    /** why the supervisor closed while a required step was still open */
    overrideReason: text(),
  },
  (t) => [
    index('approvals_pending_idx').on(t.requestedAt).where(sql`${t.status} = 'pending'`),
    index('approvals_case_idx').on(t.caseId),
  ],
);

/** Partner agencies a case can be referred to (reference data, editable by admins). */
export const partnerAgencies = pgTable('partner_agencies', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  kind: text({ enum: partnerKinds }).notNull(),
  nameId: text().notNull(),
  nameEn: text().notNull(),
  isActive: boolean().notNull().default(true),
});

/** What a person agreed to: services, sharing with a named partner (or any), disclosure of identity. */
export const consents = pgTable(
  'consents',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    scope: text({ enum: consentScopes }).notNull(),
    /** for sharing: the partner it allows; null allows any partner */
    partnerAgencyId: integer().references(() => partnerAgencies.id),
    givenOn: date({ mode: 'string' }).notNull(),
    recordedById: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnById: uuid().references(() => users.id),
  },
  (t) => [index('consents_person_idx').on(t.personId), index('consents_case_idx').on(t.caseId)],
);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    partyId: uuid()
      .notNull()
      .references(() => caseParties.id),
    partnerAgencyId: integer()
      .notNull()
      .references(() => partnerAgencies.id),
    status: text({ enum: referralStatuses }).notNull().default('sent'),
    consentId: uuid().references(() => consents.id),
    /** a supervisor's reason to refer without a matching consent */
    overrideReason: text(),
    purpose: text(),
    sentById: uuid().references(() => users.id),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [index('referrals_case_idx').on(t.caseId)],
);

export const transferStatuses = ['requested', 'accepted', 'rejected', 'cancelled'] as const;

/** A case handed from one mission to another: the receiving mission accepts or rejects. */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    fromMissionId: integer()
      .notNull()
      .references(() => missions.id),
    toMissionId: integer()
      .notNull()
      .references(() => missions.id),
    status: text({ enum: transferStatuses }).notNull().default('requested'),
    reason: text().notNull(),
    requestedById: uuid().references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    comment: text(),
  },
  (t) => [
    index('transfers_case_idx').on(t.caseId),
    index('transfers_incoming_idx').on(t.toMissionId).where(sql`${t.status} = 'requested'`),
  ],
);

/** A supervisor's named queue address (path and filters), kept for themselves or shared with other supervisors. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    /** "/queues/children" */
    path: text().notNull(),
    /** "mission=KUL&category=labour", without paging */
    query: text().notNull().default(''),
    isShared: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_owner_name_idx').on(t.ownerId, sql`lower(${t.name})`), index('saved_views_shared_idx').on(t.isShared)],
);
