import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { AppError, notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { cases, missions, transfers, users } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { lockCaseForEdit } from './cases';

/**
 * Asks another mission to take the case over (a worker moves from Malaysia to Singapore; a
 * victim goes home). Nothing moves until the receiving mission accepts.
 */
export async function requestTransfer(conn: Conn, actor: Actor, input: { id: string; version: number; toMissionCode: string; reason: string }, now = new Date()): Promise<{ id: string; changes: Changes }> {
  await lockCaseForEdit(conn, actor, input.id, input.version);
  const [c] = await conn.select({ missionId: cases.missionId }).from(cases).where(eq(cases.id, input.id));
  const [to] = await conn.select({ id: missions.id, code: missions.code }).from(missions).where(and(eq(missions.code, input.toMissionCode), eq(missions.isActive, true)));
  if (!to || to.id === c!.missionId) throw new AppError('invalid', 'errors.invalid', { toMissionCode: ['validation.otherMission'] });
  const [pending] = await conn.select({ id: transfers.id }).from(transfers).where(and(eq(transfers.caseId, input.id), eq(transfers.status, 'requested')));
  if (pending) throw new AppError('conflict', 'errors.transferPending');
  const [row] = await conn
    .insert(transfers)
    .values({ caseId: input.id, fromMissionId: c!.missionId, toMissionId: to.id, reason: input.reason, requestedById: actor.id, requestedAt: now })
    .returning({ id: transfers.id });
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.id));
  await addCaseEvent(conn, input.id, actor.id, 'transfer_requested', { mission: to.code, reason: input.reason });
  return { id: row!.id, changes: diffChanges(null, { toMission: to.code }) };
}

export interface IncomingTransfer {
  id: string;
  caseId: string;
  reference: string;
  category: string;
  caseClass: string;
  fromMissionCode: string;
  toMissionCode: string;
  reason: string;
  requestedByName: string | null;
  requestedAt: Date;
}

/** How many incoming requests My cases shows at once, those waiting longest first. */
export const INCOMING_SHOWN = 20;

/**
 * Requests addressed to the missions in the actor's scope, those waiting longest first: what the
 * receiving side decides on (no identities). At most `limit` of them: a directorate-wide scope
 * can have hundreds waiting, which must not make every view of My cases heavier.
 */
export async function listIncomingTransfers(conn: Conn, actor: Actor, limit = INCOMING_SHOWN): Promise<IncomingTransfer[]> {
  assertCan(actor, 'case:update');
  const from = alias(missions, 'from_mission');
  const to = alias(missions, 'to_mission');
  return conn
    .select({
      id: transfers.id,
      caseId: cases.id,
      reference: cases.reference,
      category: cases.category,
      caseClass: cases.caseClass,
      fromMissionCode: from.code,
      toMissionCode: to.code,
      reason: transfers.reason,
      requestedByName: users.name,
      requestedAt: transfers.requestedAt,
    })
    .from(transfers)
    .innerJoin(cases, eq(cases.id, transfers.caseId))
    .innerJoin(from, eq(from.id, transfers.fromMissionId))
    .innerJoin(to, eq(to.id, transfers.toMissionId))
    .leftJoin(users, eq(users.id, transfers.requestedById))
    .where(and(eq(transfers.status, 'requested'), missionScope(actor, transfers.toMissionId, to.country)))
    .orderBy(asc(transfers.requestedAt), asc(transfers.id))
    .limit(limit);
}

/** How many requests wait on the missions in the actor's scope (beside the ones shown). */
export async function countIncomingTransfers(conn: Conn, actor: Actor): Promise<number> {
  assertCan(actor, 'case:update');
  const to = alias(missions, 'to_mission');
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(transfers)
    .innerJoin(to, eq(to.id, transfers.toMissionId))
    .where(and(eq(transfers.status, 'requested'), missionScope(actor, transfers.toMissionId, to.country)));
  return row?.n ?? 0;
}

/** A case's pending transfer, for its file. */
export async function getPendingTransfer(conn: Conn, caseId: string): Promise<{ id: string; toMissionCode: string; reason: string } | null> {
  const [row] = await conn
    .select({ id: transfers.id, toMissionCode: missions.code, reason: transfers.reason })
    .from(transfers)
    .innerJoin(missions, eq(missions.id, transfers.toMissionId))
    .where(and(eq(transfers.caseId, caseId), eq(transfers.status, 'requested')));
  return row ?? null;
}

/**
 * The receiving mission (its officers, or a supervisor over it) accepts or rejects. On
 * acceptance the case — with its history, people and documents, which all hang on it —
 * belongs to the new mission, and the sending mission no longer sees it.
 */
export async function decideTransfer(conn: Conn, actor: Actor, input: { transferId: string; decision: 'accept' | 'reject'; comment: string }, now = new Date()): Promise<{ caseId: string; changes: Changes }> {
  assertCan(actor, 'case:update');
  const to = alias(missions, 'to_mission');
  const [row] = await conn
    .select({ caseId: transfers.caseId, status: transfers.status, toMissionId: transfers.toMissionId, toCode: to.code, fromMissionId: transfers.fromMissionId })
    .from(transfers)
    .innerJoin(to, eq(to.id, transfers.toMissionId))
    .where(and(eq(transfers.id, input.transferId), missionScope(actor, transfers.toMissionId, to.country)))
    .for('update', { of: transfers });
  if (!row) throw notFound();
  if (row.status !== 'requested') throw new AppError('conflict', 'errors.alreadyDecided');
  const accepted = input.decision === 'accept';
  await conn
    .update(transfers)
    .set({ status: accepted ? 'accepted' : 'rejected', decidedById: actor.id, decidedAt: now, comment: input.comment || null })
    .where(eq(transfers.id, input.transferId));
  if (accepted) {
    await conn
      .update(cases)
      .set({ missionId: row.toMissionId, assignedOfficerId: actor.role === 'officer' ? actor.id : null, version: sql`${cases.version} + 1`, lastActivityAt: now })
      .where(eq(cases.id, row.caseId));
  }
  await addCaseEvent(conn, row.caseId, actor.id, accepted ? 'transfer_accepted' : 'transfer_rejected', { mission: row.toCode, ...(input.comment ? { text: input.comment } : {}) });
  return { caseId: row.caseId, changes: accepted ? diffChanges({ missionId: row.fromMissionId }, { missionId: row.toMissionId }) : {} };
}
