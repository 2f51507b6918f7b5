import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { type Category, OPEN_STEP_STATUSES, STEP_TRANSITIONS, type ServiceType, type StepStatus, cleanServiceDetails } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { UpdateStepInput } from '@/lib/validation/cases';
import type { Conn } from '../index';
import { caseSteps, cases, missions, stepTemplates, users } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { lockCaseForEdit } from './cases';

export interface StepTemplateItem {
  id: number;
  serviceType: ServiceType;
  labelId: string;
  labelEn: string;
  dueOffsetDays: number;
  isRequired: boolean;
}

/** What Payung proposes for a new case of this category. */
export async function listStepTemplates(conn: Conn, category: Category): Promise<StepTemplateItem[]> {
  return conn
    .select({ id: stepTemplates.id, serviceType: stepTemplates.serviceType, labelId: stepTemplates.labelId, labelEn: stepTemplates.labelEn, dueOffsetDays: stepTemplates.dueOffsetDays, isRequired: stepTemplates.isRequired })
    .from(stepTemplates)
    .where(and(eq(stepTemplates.category, category), eq(stepTemplates.isActive, true)))
    .orderBy(asc(stepTemplates.position));
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date where the mission is. */
export function localDate(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function nextPosition(conn: Conn, caseId: string): Promise<number> {
  const [row] = await conn.select({ max: sql<number | null>`max(${caseSteps.position})` }).from(caseSteps).where(eq(caseSteps.caseId, caseId));
  return (row?.max ?? -1) + 1;
}

/** The officer accepts the proposed steps they keep: copied from the templates, due from the case's opening. */
export async function acceptSteps(conn: Conn, actor: Actor, input: { id: string; version: number; templateIds: number[] }, now = new Date()) {
  const locked = await lockCaseForEdit(conn, actor, input.id, input.version);
  const [c] = await conn.select({ openedAt: cases.openedAt, timeZone: missions.timeZone }).from(cases).innerJoin(missions, eq(missions.id, cases.missionId)).where(eq(cases.id, input.id));
  const templates = input.templateIds.length
    ? await conn.select().from(stepTemplates).where(and(inArray(stepTemplates.id, input.templateIds), eq(stepTemplates.category, locked.category))).orderBy(asc(stepTemplates.position))
    : [];
  if (templates.length !== new Set(input.templateIds).size) throw new AppError('invalid', 'errors.invalid', { templateIds: ['validation.invalid'] });
  const opened = localDate(c!.timeZone, c!.openedAt);
  let position = await nextPosition(conn, input.id);
  if (templates.length) {
    await conn.insert(caseSteps).values(
      templates.map((tpl) => ({
        caseId: input.id,
        templateId: tpl.id,
        position: position++,
        serviceType: tpl.serviceType,
        labelId: tpl.labelId,
        labelEn: tpl.labelEn,
        dueDate: addDays(opened, tpl.dueOffsetDays),
        isRequired: tpl.isRequired,
        mustStart: tpl.mustStart,
        graceDays: tpl.graceDays,
        assigneeId: actor.role === 'officer' ? actor.id : null,
      })),
    );
  }
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.id));
  await addCaseEvent(conn, input.id, actor.id, 'steps_added', { count: templates.length });
  return { version: locked.version + 1, changes: { steps: { before: null, after: templates.length } } as Changes };
}

export async function addStep(conn: Conn, actor: Actor, input: { id: string; version: number; serviceType: ServiceType; label: string; dueDate: string }, now = new Date()) {
  const locked = await lockCaseForEdit(conn, actor, input.id, input.version);
  const position = await nextPosition(conn, input.id);
  const [step] = await conn
    .insert(caseSteps)
    .values({ caseId: input.id, position, serviceType: input.serviceType, labelId: input.label, labelEn: input.label, dueDate: input.dueDate || null, assigneeId: actor.role === 'officer' ? actor.id : null })
    .returning({ id: caseSteps.id });
  await conn.update(cases).set({ version: sql`${cases.version} + 1`, lastActivityAt: now }).where(eq(cases.id, input.id));
  await addCaseEvent(conn, input.id, actor.id, 'step_added', { label: input.label });
  return { stepId: step!.id, version: locked.version + 1, changes: { step: { before: null, after: input.serviceType } } as Changes };
}

export interface StepItem {
  id: string;
  position: number;
  serviceType: ServiceType;
  labelId: string;
  labelEn: string;
  status: StepStatus;
  dueDate: string | null;
  doneAt: Date | null;
  provider: string | null;
  outcome: string | null;
  notes: string | null;
  details: Record<string, string>;
  isRequired: boolean;
  graceDays: number;
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
}

/** A case's steps in order. The caller has shown the case is visible (getCase). */
export async function listSteps(conn: Conn, caseId: string): Promise<StepItem[]> {
  return conn
    .select({
      id: caseSteps.id,
      position: caseSteps.position,
      serviceType: caseSteps.serviceType,
      labelId: caseSteps.labelId,
      labelEn: caseSteps.labelEn,
      status: caseSteps.status,
      dueDate: caseSteps.dueDate,
      doneAt: caseSteps.doneAt,
      provider: caseSteps.provider,
      outcome: caseSteps.outcome,
      notes: caseSteps.notes,
      details: caseSteps.details,
      isRequired: caseSteps.isRequired,
      graceDays: caseSteps.graceDays,
      assigneeId: caseSteps.assigneeId,
      assigneeName: users.name,
      version: caseSteps.version,
    })
    .from(caseSteps)
    .leftJoin(users, eq(users.id, caseSteps.assigneeId))
    .where(eq(caseSteps.caseId, caseId))
    .orderBy(asc(caseSteps.position));
}

/** Overdue once the due date plus the step's grace period has passed, while the step is open. */
export function isOverdue(step: { status: StepStatus; dueDate: string | null; graceDays: number }, today: string): boolean {
  return !!step.dueDate && OPEN_STEP_STATUSES.includes(step.status) && addDays(step.dueDate, step.graceDays) < today;
}

/**
 * Changes a step along its allowed paths, on the version the form was opened with. A done
 * step reopened, or a required step marked not needed or cancelled, needs a reason.
 */
export async function updateStep(conn: Conn, actor: Actor, input: UpdateStepInput, now = new Date()): Promise<{ caseId: string; version: number; changes: Changes }> {
  assertCan(actor, 'case:update');
  const [before] = await conn
    .select({
      caseId: caseSteps.caseId,
      missionId: cases.missionId,
      status: caseSteps.status,
      assigneeId: caseSteps.assigneeId,
      dueDate: caseSteps.dueDate,
      provider: caseSteps.provider,
      outcome: caseSteps.outcome,
      notes: caseSteps.notes,
      details: caseSteps.details,
      serviceType: caseSteps.serviceType,
      version: caseSteps.version,
      isRequired: caseSteps.isRequired,
      mustStart: caseSteps.mustStart,
      caseStatus: cases.status,
    })
    .from(caseSteps)
    .innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(caseSteps.id, input.stepId), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: caseSteps });
  if (!before) throw notFound();
  const { caseId, missionId, version, isRequired, mustStart, caseStatus, serviceType, details: oldDetails, assigneeId: oldAssignee, ...old } = before;
  const assigneeId = input.assigneeId || null;
  const names = new Map<string, string>();
  if (assigneeId || oldAssignee) {
    const ids = [assigneeId, oldAssignee].filter((x): x is string => !!x);
    const found = await conn.select({ id: users.id, name: users.name, missionId: users.missionId, role: users.role, isActive: users.isActive }).from(users).where(inArray(users.id, ids));
    for (const u of found) names.set(u.id, u.name);
    const next = found.find((u) => u.id === assigneeId);
    // Steps are assigned to officers of the case's own mission.
    if (assigneeId && assigneeId !== oldAssignee && (!next || next.role !== 'officer' || next.missionId !== missionId || !next.isActive)) {
      throw new AppError('invalid', 'errors.invalid', { assigneeId: ['validation.assignee'] });
    }
  }
  const cleaned = cleanServiceDetails(serviceType, input.details);
  if (!cleaned.ok) throw new AppError('invalid', 'errors.invalid', { [`details.${cleaned.key}`]: ['validation.invalid'] });
  if (version !== input.version) throw staleVersion({ current: { ...old, version } });
  if (caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  if (input.status !== old.status) {
    if (!STEP_TRANSITIONS[old.status].includes(input.status)) throw new AppError('invalid', 'errors.stepTransition', { status: ['validation.stepTransition'] });
    if (mustStart && old.status === 'planned' && input.status === 'done') throw new AppError('invalid', 'errors.stepNotStarted', { status: ['validation.stepNotStarted'] });
    const needsReason = old.status === 'done' || (isRequired && (input.status === 'not_needed' || input.status === 'cancelled'));
    if (needsReason && !input.reason) throw new AppError('invalid', 'errors.invalid', { reason: ['validation.reasonRequired'] });
  }
  const row = { status: input.status, dueDate: input.dueDate || null, provider: input.provider || null, outcome: input.outcome || null, notes: input.notes || null };
  await conn
    .update(caseSteps)
    .set({ ...row, assigneeId, details: cleaned.details, doneAt: input.status === 'done' ? (old.status === 'done' ? undefined : now) : null, version: sql`${caseSteps.version} + 1`, updatedAt: now })
    .where(eq(caseSteps.id, input.stepId));
  await conn.update(cases).set({ lastActivityAt: now }).where(eq(cases.id, caseId));
  const prefixed = (d: Record<string, string>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`detail.${k}`, v]));
  const assignee = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const changes = diffChanges<Record<string, unknown>>(
    { ...old, assignee: assignee(oldAssignee), ...prefixed(oldDetails) },
    { ...row, assignee: assignee(assigneeId), ...prefixed(cleaned.details) },
  );
  if (Object.keys(changes).length) await addCaseEvent(conn, caseId, actor.id, 'step_updated', { stepId: input.stepId, changes, ...(input.reason ? { reason: input.reason } : {}) });
  return { caseId, version: version + 1, changes };
}

export interface DueStep {
  id: string;
  caseId: string;
  reference: string;
  labelId: string;
  labelEn: string;
  status: StepStatus;
  dueDate: string;
  graceDays: number;
}

/** An officer's open steps due by `until` (overdue ones included), on cases in their scope, assigned to them. */
export async function listDueSteps(conn: Conn, actor: Actor, until: string): Promise<DueStep[]> {
  assertCan(actor, 'case:read');
  return conn
    .select({
      id: caseSteps.id,
      caseId: cases.id,
      reference: cases.reference,
      labelId: caseSteps.labelId,
      labelEn: caseSteps.labelEn,
      status: caseSteps.status,
      dueDate: sql<string>`${caseSteps.dueDate}`,
      graceDays: caseSteps.graceDays,
    })
    .from(caseSteps)
    .innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(
      and(
        missionScope(actor, cases.missionId, missions.country),
        eq(caseSteps.assigneeId, actor.id ?? sql`NULL`),
        inArray(caseSteps.status, [...OPEN_STEP_STATUSES]),
        lte(caseSteps.dueDate, until),
        sql`${cases.status} <> 'closed'`,
      ),
    )
    .orderBy(asc(caseSteps.dueDate))
    .limit(100);
}

export async function countOpenRequiredSteps(conn: Conn, caseId: string): Promise<number> {
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(caseSteps)
    .where(and(eq(caseSteps.caseId, caseId), eq(caseSteps.isRequired, true), inArray(caseSteps.status, [...OPEN_STEP_STATUSES])));
  return row?.n ?? 0;
}
