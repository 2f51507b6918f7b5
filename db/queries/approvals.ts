import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/actor';
import { assertCan, mayApproveClosures, missionScope } from '@/lib/authz';
import { type CaseClass, RESOLVING_OUTCOMES } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { DecideClosureInput } from '@/lib/validation/cases';
import type { Conn } from '../index';
import { approvals, cases, missions, users } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { countOpenRequiredSteps } from './steps';

/** Outcomes that count as the citizen's problem resolved, as opposed to closed unresolved (DESIGN §3). */

export interface PendingApproval {
  id: string;
  caseId: string;
  reference: string;
  caseClass: CaseClass;
  missionCode: string;
  outcome: string | null;
  summary: string;
  requestedByName: string | null;
  requestedAt: Date;
  /** how many required steps are still open, and their names (both languages) for the approver */
  openRequiredSteps: number;
  openRequiredLabels: { labelEn: string; labelId: string }[];
  /** the actor asked for this closure: someone else decides it */
  ownRequest: boolean;
}

/** Closure requests waiting for a supervisor, oldest first, in the supervisor's scope. */
/** What this actor may decide: a supervisor's scope, or a mission head's own mission's general cases. */
function approvalScope(actor: Actor) {
  if (!mayApproveClosures(actor)) throw new AppError('forbidden');
  return actor.role === 'supervisor'
    ? missionScope(actor, cases.missionId, missions.country)
    : and(eq(cases.missionId, actor.missionId ?? -1), eq(cases.caseClass, 'general'));
}

export async function listPendingApprovals(conn: Conn, actor: Actor): Promise<PendingApproval[]> {
  const scope = approvalScope(actor);
  const requester = alias(users, 'requester');
  const rows = await conn
    .select({
      id: approvals.id,
      caseId: cases.id,
      reference: cases.reference,
      caseClass: cases.caseClass,
      missionCode: missions.code,
      outcome: approvals.outcome,
      summary: approvals.summary,
      requestedByName: requester.name,
      requestedAt: approvals.requestedAt,
      openRequiredLabels: sql<{ labelEn: string; labelId: string }[]>`(SELECT coalesce(json_agg(json_build_object('labelEn', s.label_en, 'labelId', s.label_id) ORDER BY s.position), '[]') FROM case_steps s WHERE s.case_id = ${cases.id} AND s.is_required AND s.status IN ('planned', 'in_progress'))`,
      ownRequest: sql<boolean>`coalesce(${approvals.requestedById} = ${actor.id}, false)`,
    })
    .from(approvals)
    .innerJoin(cases, eq(cases.id, approvals.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(requester, eq(requester.id, approvals.requestedById))
    .where(and(eq(approvals.status, 'pending'), scope))
    .orderBy(asc(approvals.requestedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, openRequiredSteps: r.openRequiredLabels.length }));
}

/**
 * A supervisor approves or rejects a closure request — never one they asked for themselves.
 * Approving closes the case, unless a required step is still open and no override reason is
 * given; rejecting (with a comment) returns the case to in progress.
 */
export async function decideClosure(conn: Conn, actor: Actor, input: DecideClosureInput, now = new Date()): Promise<{ caseId: string; changes: Changes }> {
  const scope = approvalScope(actor);
  const [row] = await conn
    .select({ caseId: approvals.caseId, status: approvals.status, outcome: approvals.outcome, caseStatus: cases.status, requestedById: approvals.requestedById })
    .from(approvals)
    .innerJoin(cases, eq(cases.id, approvals.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(approvals.id, input.approvalId), scope))
    .for('update', { of: approvals });
  if (!row) throw notFound();
  if (row.status !== 'pending' || row.caseStatus !== 'resolution_requested') throw new AppError('conflict', 'errors.alreadyDecided');
  // Separation of duties: who asked for a closure never decides it.
  if (row.requestedById && row.requestedById === actor.id) throw new AppError('forbidden', 'errors.decideOwnRequest');

  const approved = input.decision === 'approve';
  // One reason: on an approval with required steps open, the decision's comment says why the case
  // may close without them (an override reason sent apart, by older forms, still counts). With
  // none open there is nothing to override, and no override reason is stored.
  const open = approved ? await countOpenRequiredSteps(conn, row.caseId) : 0;
  const overrideReason = open > 0 ? input.overrideReason || input.comment : '';
  if (open > 0 && !overrideReason) {
    throw new AppError('invalid', 'errors.requiredStepsOpen', { comment: ['validation.overrideRequired'] }, { open });
  }
  await conn
    .update(approvals)
    .set({ status: approved ? 'approved' : 'rejected', decidedById: actor.id, decidedAt: now, comment: input.comment || null, overrideReason: overrideReason || null })
    .where(eq(approvals.id, input.approvalId));
  await conn
    .update(cases)
    .set(
      approved
        ? { status: 'closed', closedAt: now, resolvedAt: RESOLVING_OUTCOMES.includes(row.outcome ?? '') ? now : null, version: sql`${cases.version} + 1`, lastActivityAt: now }
        : { status: 'in_progress', outcome: null, version: sql`${cases.version} + 1`, lastActivityAt: now },
    )
    .where(eq(cases.id, row.caseId));
  const changes = diffChanges<Record<string, unknown>>({ status: 'resolution_requested' }, { status: approved ? 'closed' : 'in_progress' });
  await addCaseEvent(conn, row.caseId, actor.id, approved ? 'closure_approved' : 'closure_rejected', {
    changes,
    ...(input.comment ? { text: input.comment } : {}),
    ...(approved && input.overrideReason ? { reason: input.overrideReason } : {}),
  });
  return { caseId: row.caseId, changes };
}

/** A closed case reopened, with the reason on the timeline. */
export async function reopenCase(conn: Conn, actor: Actor, input: { id: string; version: number; reason: string }, now = new Date()): Promise<{ version: number; changes: Changes }> {
  assertCan(actor, 'case:update');
  const [c] = await conn
    .select({ status: cases.status, version: cases.version })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, input.id), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: cases });
  if (!c) throw notFound();
  if (c.version !== input.version) throw staleVersion({ current: { status: c.status, version: c.version } });
  if (c.status !== 'closed') throw new AppError('invalid', 'errors.statusTransition');
  await conn.update(cases).set({ status: 'in_progress', closedAt: null, version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.id));
  const changes = diffChanges<Record<string, unknown>>({ status: 'closed' }, { status: 'in_progress' });
  await addCaseEvent(conn, input.id, actor.id, 'reopened', { changes, reason: input.reason });
  return { version: c.version + 1, changes };
}
