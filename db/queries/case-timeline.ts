import { type SQL, and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Conn } from '../index';
import { rowsOf } from '../rows';
import { caseEvents, users } from '../schema';

export type CaseEventKind =
  | 'created'
  | 'updated'
  | 'note'
  | 'status_changed'
  | 'identity_revealed'
  /** a search by an exact NIK or passport found an undisclosed person on the case (db/queries/cases.ts) */
  | 'identity_matched'
  | 'party_added'
  | 'party_updated'
  | 'assessment_updated'
  | 'closure_requested'
  | 'document_added'
  | 'document_downloaded'
  /** the file names of a case with an undisclosed identity, shown on request (db/queries/documents.ts) */
  | 'file_names_revealed'
  | 'steps_added'
  | 'step_added'
  | 'step_updated'
  | 'closure_approved'
  | 'closure_rejected'
  | 'reopened'
  | 'consent_recorded'
  | 'consent_withdrawn'
  | 'referral_sent'
  | 'referral_updated'
  | 'transfer_requested'
  | 'transfer_accepted'
  | 'transfer_rejected'
  | 'proceeding_added'
  | 'proceeding_updated'
  | 'hearing_added'
  | 'hearing_outcome'
  | 'assigned'
  | 'risk_changed'
  | 'detention_recorded'
  | 'visit_recorded'
  | 'age_claim_made'
  | 'age_claim_updated'
  | 'age_evidence_added'
  | 'money_claimed'
  | 'money_recovered'
  /** a case brought in from a legacy log (db/queries/import.ts) */
  | 'imported';

/**
 * The events of the case's access log: someone saw an identity (a reveal, a match by search) or
 * a file (a download). Kept in step with the partial index case_events_access_idx (migrations 0029, 0031).
 */
export const ACCESS_KINDS = ['identity_revealed', 'identity_matched', 'document_downloaded', 'file_names_revealed'] as const satisfies readonly CaseEventKind[];

/** Adds an event to a case's timeline, in the caller's transaction. */
export async function addCaseEvent(conn: Conn, caseId: string, actorId: string | null, kind: CaseEventKind, data: Record<string, unknown> | null = null) {
  await conn.insert(caseEvents).values({ caseId, actorId, kind, data });
}

/** The same kind of event on many cases, in one statement (bulk actions). */
export async function addCaseEvents(conn: Conn, events: { caseId: string; data: Record<string, unknown> | null }[], actorId: string | null, kind: CaseEventKind) {
  if (events.length) await conn.insert(caseEvents).values(events.map((e) => ({ caseId: e.caseId, actorId, kind, data: e.data })));
}

export interface TimelineItem {
  id: number;
  at: Date;
  kind: string;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

/** A case's timeline, newest first, keyset-paged by id. The caller has already checked the case is visible (getCase). */
export async function listCaseEvents(conn: Conn, caseId: string, opts: { before?: number; limit?: number } = {}): Promise<TimelineItem[]> {
  return conn
    .select({ id: caseEvents.id, at: caseEvents.at, kind: caseEvents.kind, actorName: users.name, data: caseEvents.data })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.caseId, caseId), opts.before ? lt(caseEvents.id, opts.before) : undefined))
    .orderBy(desc(caseEvents.id))
    .limit(Math.min(opts.limit ?? 100, 500));
}

/** An entry of a case's access log: an event (id `e…`) or an export that included the case (id `x…`, kind `exported`). */
export interface AccessItem {
  id: string;
  at: Date;
  kind: string;
  actorName: string | null;
  data: Record<string, unknown> | null;
  /** where the next page starts: this entry's time (as the database writes it, to the microsecond) and id */
  cursor: string;
}

/** An access-log cursor as AccessItem.cursor makes it; anything else is no cursor. */
const CURSOR = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|(e\d{19}|x[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export function parseAccessCursor(value: unknown): { at: string; id: string } | null {
  const match = typeof value === 'string' ? CURSOR.exec(value) : null;
  return match ? { at: match[1]!, id: match[2]! } : null;
}

/**
 * A case's access log, newest first, keyset-paged by time and id: its ACCESS_KINDS events
 * (from case_events_access_idx) and the finished case-list exports that included it (each
 * finished export's (export_id, case_id) key probed once: a few thousand exports in ten years),
 * merged. The caller has already checked the case is visible (getCase).
 */
export async function listCaseAccess(conn: Conn, caseId: string, opts: { before?: string; limit?: number } = {}): Promise<AccessItem[]> {
  const rows = await rowsOf<{ id: string; at: string | Date; at_text: string; kind: string; actor_name: string | null; data: Record<string, unknown> | null }>(conn, caseAccessQuery(caseId, opts));
  return rows.map((r) => ({ id: r.id, at: new Date(r.at), kind: r.kind, actorName: r.actor_name, data: r.data, cursor: `${r.at_text}|${r.id}` }));
}

/** listCaseAccess's statement (db/queries/plans.test.ts explains it). */
export function caseAccessQuery(caseId: string, opts: { before?: string; limit?: number } = {}): SQL {
  const limit = Math.min(opts.limit ?? 50, 500);
  const before = parseAccessCursor(opts.before);
  const eventKey = sql`'e' || lpad(e.id::text, 19, '0')`;
  const exportKey = sql`'x' || j.id::text`;
  const after = (at: SQL, key: SQL) => (before ? sql`AND (${at}, ${key}) < (${before.at}::timestamptz, ${before.id})` : sql``);
  return sql`SELECT * FROM (
      (SELECT ${eventKey} AS id, e.at, e.at::text AS at_text, e.kind, u.name AS actor_name, e.data
        FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.case_id = ${caseId} AND e.kind IN (${sql.join(ACCESS_KINDS.map((k) => sql`${k}`), sql`, `)}) ${after(sql`e.at`, eventKey)}
        ORDER BY e.at DESC, e.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${exportKey}, j.finished_at, j.finished_at::text, 'exported', u.name,
          jsonb_build_object('format', upper(j.request->>'format'), 'names', CASE WHEN (j.request->'columns') @> '["subjects"]'::jsonb THEN 'yes' ELSE 'no' END)
        FROM export_jobs j JOIN export_cases x ON x.export_id = j.id AND x.case_id = ${caseId} LEFT JOIN users u ON u.id = j.owner_id
        WHERE j.kind = 'case_list' AND j.status = 'done' ${after(sql`j.finished_at`, exportKey)}
        ORDER BY j.finished_at DESC, j.id DESC LIMIT ${limit})
    ) AS entries ORDER BY at DESC, id DESC LIMIT ${limit}`;
}
