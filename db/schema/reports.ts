import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { missions } from './missions';
import { users } from './users';

/**
 * A month a mission has submitted: its summary's figures as they were when locked, and the
 * corrections to earlier locked months that this submission reported. Never rewritten.
 */
export const monthLocks = pgTable(
  'month_locks',
  {
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    /** YYYY-MM, in the mission's own zone */
    month: text().notNull(),
    /** the summary (db/queries/summary.ts Summary) as generated at locking */
    figures: jsonb().$type<Record<string, unknown>>().notNull(),
    /** lib/reports/corrections.ts Correction[]: changes to earlier locked months found at locking */
    corrections: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    lockedById: uuid()
      .notNull()
      .references(() => users.id),
    lockedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.month] }), index('month_locks_month_idx').on(t.month)],
);

export const exportKinds = ['summary', 'case_list'] as const;
export const exportStatuses = ['queued', 'running', 'done', 'failed'] as const;

/**
 * An export generated in the background for its owner: listed under "My exports" until it
 * expires, when its file is removed and the row kept (the cases' access logs name it).
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: exportKinds }).notNull(),
    /** the validated request (period, scope, format, filter, columns) */
    request: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: exportStatuses }).notNull().default('queued'),
    /** 0–100 */
    progress: integer().notNull().default(0),
    fileName: text(),
    contentType: text(),
    /** the file in the document store (lib/documents/store.ts) */
    storageKey: text(),
    sizeBytes: integer(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('export_jobs_owner_idx').on(t.ownerId, t.createdAt), index('export_jobs_status_idx').on(t.status)],
);

/**
 * The cases a case-list export included, written in the same statement that reads them
 * (db/queries/case-export.ts): each case's access log names the exports that carried it out.
 * Kept after the export's file expires; read only for exports that finished (a failed one's
 * file reached no one). Keyed by export, then case, and written in case order: each export's
 * entries append to one end of the index (2 s for 914,556 at a million cases, where keying by
 * case first scattered them: 4.8 s). A case's log probes the key once per finished export. No
 * foreign keys: a key check per row would cost a whole export's rows in triggers, and the
 * statement that writes them reads the cases themselves.
 */
export const exportCases = pgTable(
  'export_cases',
  {
    exportId: uuid().notNull(),
    caseId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.caseId] })],
);

export type MonthLock = typeof monthLocks.$inferSelect;
export type ExportJob = typeof exportJobs.$inferSelect;
