import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The case an audit row concerns, as text: the case itself, or the case named in a record's details. */
export const auditCaseId = (t: { entityType: unknown; entityId: unknown; details: unknown }) =>
  sql`(CASE WHEN ${t.entityType} = 'case' THEN ${t.entityId} ELSE ${t.details} ->> 'caseId' END)`;

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and tamper-evident: each row carries
 * the SHA-256 of its own content and of the previous row's hash.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    entityType: text(),
    entityId: text(),
    ip: text(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>(),
    details: jsonb().$type<Record<string, unknown>>(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.id),
    // The auditor's filters (db/queries/audit.ts): the case a row concerns (the case itself, or
    // a record of it naming the case in its details), the person (pseudonym) whose identity a
    // row records being seen, the action, the time.
    index('audit_events_case_idx').on(auditCaseId(t), t.id),
    index('audit_events_pseudonym_idx').on(sql`(${t.details} ->> 'pseudonym')`, t.id).where(sql`${t.details} ? 'pseudonym'`),
    index('audit_events_action_idx').on(t.action, t.id),
    // every row names its actor's email (lower-cased, as users and sign-in keep it), also a failed sign-in's
    index('audit_events_actor_email_idx').on(t.actorEmail, t.id),
    index('audit_events_at_idx').on(t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
