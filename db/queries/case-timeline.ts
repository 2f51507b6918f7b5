import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Conn } from '../index';
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

/**
 * A case's timeline, newest first, keyset-paged by id; `access` keeps to its access log
 * (ACCESS_KINDS). The caller has already checked the case is visible (getCase).
 */
export async function listCaseEvents(conn: Conn, caseId: string, opts: { before?: number; limit?: number; access?: boolean } = {}): Promise<TimelineItem[]> {
  return conn
    .select({ id: caseEvents.id, at: caseEvents.at, kind: caseEvents.kind, actorName: users.name, data: caseEvents.data })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.caseId, caseId), opts.before ? lt(caseEvents.id, opts.before) : undefined, opts.access ? inArray(caseEvents.kind, [...ACCESS_KINDS]) : undefined))
    .orderBy(desc(caseEvents.id))
    .limit(Math.min(opts.limit ?? 100, 500));
}
