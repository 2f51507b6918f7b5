import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type CaseStatus, canMoveTo } from '@/lib/domain/cases';
import { AppError, notFound } from '@/lib/errors';
import type { AssessmentInput, RequestClosureInput } from '@/lib/validation/cases';
import type { Conn } from '../index';
import { approvals, cases, missions, traffickingAssessments } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { lockCaseForEdit } from './cases';

/**
 * Moves a case along DESIGN §3's paths. Leaving `new` for the first time records the first
 * contact. Closure is not here: it goes through requestClosure and the approval.
 */
export async function changeCaseStatus(conn: Conn, actor: Actor, input: { id: string; version: number; status: CaseStatus }, now = new Date()): Promise<{ version: number; changes: Changes }> {
  const before = await lockCaseForEdit(conn, actor, input.id, input.version);
  if (!canMoveTo(before.status, input.status) || input.status === 'closed' || input.status === 'resolution_requested') {
    throw new AppError('invalid', 'errors.statusTransition', { status: ['validation.statusTransition'] });
  }
  const firstContact = before.status === 'new' && !before.firstContactAt ? now : undefined;
  await conn
    .update(cases)
    .set({ status: input.status, ...(firstContact ? { firstContactAt: firstContact } : {}), version: sql`${cases.version} + 1`, lastActivityAt: now })
    .where(eq(cases.id, input.id));
  const changes = diffChanges({ status: before.status }, { status: input.status });
  await addCaseEvent(conn, input.id, actor.id, 'status_changed', { changes });
  return { version: before.version + 1, changes };
}

/** A closure request: the outcome and a summary; the case waits for a supervisor's approval (db/queries/approvals.ts). */
export async function requestClosure(conn: Conn, actor: Actor, input: RequestClosureInput, now = new Date()): Promise<{ version: number; changes: Changes }> {
  const before = await lockCaseForEdit(conn, actor, input.id, input.version);
  if (!canMoveTo(before.status, 'resolution_requested')) throw new AppError('invalid', 'errors.statusTransition');
  await conn
    .update(cases)
    .set({ status: 'resolution_requested', outcome: input.outcome, summary: input.summary, version: sql`${cases.version} + 1`, lastActivityAt: now })
    .where(eq(cases.id, input.id));
  await conn.insert(approvals).values({ caseId: input.id, kind: 'closure', outcome: input.outcome, summary: input.summary, requestedById: actor.id, requestedAt: now });
  const changes = diffChanges<Record<string, unknown>>({ status: before.status, outcome: null }, { status: 'resolution_requested', outcome: input.outcome });
  await addCaseEvent(conn, input.id, actor.id, 'closure_requested', { changes, summary: input.summary });
  return { version: before.version + 1, changes };
}

/** A note on the timeline. Notes are added, never edited: no version needed. */
export async function addCaseNote(conn: Conn, actor: Actor, input: { caseId: string; text: string }, now = new Date()): Promise<void> {
  assertCan(actor, 'case:update');
  const [row] = await conn
    .update(cases)
    .set({ lastActivityAt: now })
    .from(missions)
    .where(and(eq(cases.id, input.caseId), eq(missions.id, cases.missionId), missionScope(actor, cases.missionId, missions.country)))
    .returning({ id: cases.id, status: cases.status });
  if (!row) throw notFound();
  if (row.status === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  await addCaseEvent(conn, input.caseId, actor.id, 'note', { text: input.text });
}

export async function updateAssessment(conn: Conn, actor: Actor, input: AssessmentInput, now = new Date()): Promise<{ version: number; changes: Changes }> {
  const before = await lockCaseForEdit(conn, actor, input.id, input.version);
  if (before.category !== 'trafficking') throw new AppError('invalid', 'errors.notTrafficking');
  const [old] = await conn.select().from(traffickingAssessments).where(eq(traffickingAssessments.caseId, input.id));
  const row = {
    acts: input.acts,
    means: input.means,
    purposes: input.purposes,
    recruitmentChannel: input.recruitmentChannel || null,
    recruiterRelation: input.recruiterRelation || null,
  };
  await conn
    .insert(traffickingAssessments)
    .values({ caseId: input.id, ...row, updatedAt: now })
    .onConflictDoUpdate({ target: traffickingAssessments.caseId, set: { ...row, updatedAt: now } });
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.id));
  const changes = diffChanges(
    old ? { acts: old.acts, means: old.means, purposes: old.purposes, recruitmentChannel: old.recruitmentChannel, recruiterRelation: old.recruiterRelation } : null,
    row,
  );
  if (Object.keys(changes).length) await addCaseEvent(conn, input.id, actor.id, 'assessment_updated', { changes });
  return { version: before.version + 1, changes };
}
