import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { BulkActionInput } from '@/lib/validation/queues';
import type { Conn } from '../index';
import { cases, missions, users } from '../schema';
import { addCaseEvents } from './case-timeline';

export type BulkRefusalReason = 'not_found' | 'closed' | 'changed' | 'other_mission';

export interface BulkRefusal {
  id: string;
  /** null for a case the actor may not see: its reference is not theirs to know */
  reference: string | null;
  reason: BulkRefusalReason;
}

/**
 * One action on many cases, all or nothing: if any selected case may not be changed — out of
 * scope, closed, changed since the list was shown, or (assigning) at another mission than the
 * officer's — nothing is changed and the refusal lists those cases. Otherwise each case gets
 * its own timeline entry.
 */
export async function bulkUpdateCases(conn: Conn, actor: Actor, input: BulkActionInput, now = new Date()): Promise<{ references: string[] }> {
  assertCan(actor, 'queue:read');
  assertCan(actor, 'case:update');
  const ids = [...new Set(input.cases.map((c) => c.id))];
  const rows = await conn
    .select({ id: cases.id, reference: cases.reference, version: cases.version, status: cases.status, missionId: cases.missionId, riskLevel: cases.riskLevel })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(inArray(cases.id, ids), missionScope(actor, cases.missionId, missions.country)))
    .orderBy(cases.id)
    .for('update', { of: cases });
  const byId = new Map(rows.map((r) => [r.id, r]));

  let officer: { id: string; name: string; missionId: number | null } | undefined;
  if (input.action === 'assign') {
    [officer] = await conn
      .select({ id: users.id, name: users.name, missionId: users.missionId })
      .from(users)
      .where(and(eq(users.id, input.officerId), eq(users.role, 'officer'), eq(users.isActive, true)));
    if (!officer) throw new AppError('invalid', 'errors.invalid', { officerId: ['validation.officerUnknown'] });
  }

  const refused: BulkRefusal[] = [];
  for (const { id, version } of input.cases) {
    const row = byId.get(id);
    if (!row) refused.push({ id, reference: null, reason: 'not_found' });
    else if (row.status === 'closed') refused.push({ id, reference: row.reference, reason: 'closed' });
    else if (row.version !== version) refused.push({ id, reference: row.reference, reason: 'changed' });
    else if (officer && row.missionId !== officer.missionId) refused.push({ id, reference: row.reference, reason: 'other_mission' });
  }
  if (refused.length) throw new AppError('invalid', 'errors.bulkRefused', undefined, { refused });

  switch (input.action) {
    case 'assign':
      await conn.update(cases).set({ assignedOfficerId: officer!.id, version: sql`${cases.version} + 1` }).where(inArray(cases.id, ids));
      await addCaseEvents(conn, ids.map((caseId) => ({ caseId, data: { officer: officer!.name } })), actor.id, 'assigned');
      break;
    case 'risk':
      await conn.update(cases).set({ riskLevel: input.riskLevel, version: sql`${cases.version} + 1` }).where(inArray(cases.id, ids));
      await addCaseEvents(conn, ids.map((caseId) => ({ caseId, data: { changes: { riskLevel: { before: byId.get(caseId)!.riskLevel, after: input.riskLevel } } } })), actor.id, 'risk_changed');
      break;
    case 'note':
      await conn.update(cases).set({ lastActivityAt: now }).where(inArray(cases.id, ids));
      await addCaseEvents(conn, ids.map((caseId) => ({ caseId, data: { text: input.text } })), actor.id, 'note');
      break;
  }
  return { references: ids.map((id) => byId.get(id)!.reference) };
}
