import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import type { Category } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { PartnerInput, StepTemplateInput } from '@/lib/validation/reference';
import type { Conn } from '../index';
import { partnerAgencies, stepTemplates } from '../schema';
import { type Changes, diffChanges } from './audit';

export async function listTemplatesForAdmin(conn: Conn, actor: Actor, category: Category) {
  assertCan(actor, 'reference:manage');
  return conn.select().from(stepTemplates).where(eq(stepTemplates.category, category)).orderBy(asc(stepTemplates.position), asc(stepTemplates.id));
}

/**
 * Saves a step template. Cases copied what they took when their steps were accepted, so a
 * change here applies to cases from now on and never rewrites existing ones.
 */
export async function saveStepTemplate(conn: Conn, actor: Actor, input: StepTemplateInput): Promise<{ id: number; version: number; changes: Changes }> {
  assertCan(actor, 'reference:manage');
  const { id, version, ...row } = input;
  if (!id) {
    const [created] = await conn.insert(stepTemplates).values(row).returning({ id: stepTemplates.id });
    return { id: created!.id, version: 1, changes: diffChanges(null, row) };
  }
  const [before] = await conn.select().from(stepTemplates).where(eq(stepTemplates.id, id)).for('update');
  if (!before) throw notFound();
  if (before.version !== version) throw staleVersion({ current: before });
  if (before.category !== row.category) throw new AppError('invalid', 'errors.invalid');
  await conn.update(stepTemplates).set({ ...row, version: sql`${stepTemplates.version} + 1` }).where(eq(stepTemplates.id, id));
  const { id: _i, version: _v, ...old } = before;
  return { id, version: before.version + 1, changes: diffChanges<Record<string, unknown>>(old, row) };
}

export async function getTemplateForAdmin(conn: Conn, actor: Actor, id: number) {
  assertCan(actor, 'reference:manage');
  const [row] = await conn.select().from(stepTemplates).where(eq(stepTemplates.id, id));
  return row ?? null;
}

export async function getPartnerForAdmin(conn: Conn, actor: Actor, id: number) {
  assertCan(actor, 'reference:manage');
  const [row] = await conn.select().from(partnerAgencies).where(eq(partnerAgencies.id, id));
  return row ?? null;
}

export async function listPartnersForAdmin(conn: Conn, actor: Actor) {
  assertCan(actor, 'reference:manage');
  return conn.select().from(partnerAgencies).orderBy(asc(partnerAgencies.kind), asc(partnerAgencies.code));
}

export async function savePartner(conn: Conn, actor: Actor, input: PartnerInput): Promise<{ id: number; changes: Changes }> {
  assertCan(actor, 'reference:manage');
  const { id, ...row } = input;
  const [clash] = await conn.select({ id: partnerAgencies.id }).from(partnerAgencies).where(eq(partnerAgencies.code, row.code));
  if (clash && clash.id !== id) throw new AppError('conflict', 'errors.conflict', { code: ['validation.partnerCodeTaken'] });
  if (!id) {
    const [created] = await conn.insert(partnerAgencies).values(row).returning({ id: partnerAgencies.id });
    return { id: created!.id, changes: diffChanges(null, row) };
  }
  const [before] = await conn.select().from(partnerAgencies).where(eq(partnerAgencies.id, id));
  if (!before) throw notFound();
  await conn.update(partnerAgencies).set(row).where(eq(partnerAgencies.id, id));
  const { id: _i, ...old } = before;
  return { id, changes: diffChanges<Record<string, unknown>>(old, row) };
}
