import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, decideClosureSchema, emptyCase, emptySubject, updateStepSchema } from '@/lib/validation/cases';
import { stepTemplateSchema } from '@/lib/validation/reference';
import { decideClosure, listPendingApprovals, reopenCase } from './approvals';
import { listCaseEvents } from './case-timeline';
import { addCaseNote, changeCaseStatus, requestClosure } from './case-progress';
import { addVisit, createDetention } from './legal';
import { createCase, getCase } from './cases';
import { approvals, cases, users } from '../schema';
import { listTemplatesForAdmin, saveStepTemplate } from './reference';
import { acceptSteps, addStep, isOverdue, listDueSteps, listStepTemplates, listSteps, updateStep } from './steps';
import { intakeFacts } from '@/lib/testing/intake';

describe('overdue steps', () => {
  it('are open steps past their due date and grace period', () => {
    const step = { status: 'planned' as const, dueDate: '2026-11-01', graceDays: 7 };
    expect(isOverdue(step, '2026-11-08')).toBe(false);
    expect(isOverdue(step, '2026-11-09')).toBe(true);
    expect(isOverdue({ ...step, status: 'done' }, '2026-12-01')).toBe(false);
  });
});

describe.each(testDatabaseKinds())('the protection workflow on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  const supervisor = actorOf('supervisor', { email: 'supervisor@payung.test' });
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  });
  afterAll(() => h?.close());

  const trafficking = async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'trafficking', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Victim' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    return (await getCase(h.db, kul, id))!;
  };
  const step = (s: Awaited<ReturnType<typeof listSteps>>[number], extra: object) =>
    updateStepSchema.parse({ stepId: s.id, version: s.version, status: s.status, assigneeId: s.assigneeId ?? '', dueDate: s.dueDate ?? '', provider: '', outcome: '', notes: '', reason: '', details: {}, ...extra });

  it('proposes the category’s default steps; the officer keeps some and adds one', async () => {
    const c = await trafficking();
    const templates = await listStepTemplates(h.db, 'trafficking');
    expect(templates.map((t) => t.labelEn)).toContain('Safety and shelter');
    const keep = templates.filter((t) => t.labelEn !== 'Restitution').map((t) => t.id);
    const r = await acceptSteps(h.db, kul, { id: c.id, version: c.version, templateIds: keep });
    await addStep(h.db, kul, { id: c.id, version: r.version, serviceType: 'counselling', label: 'Counselling with the shelter psychologist', dueDate: '' });
    const steps = await listSteps(h.db, c.id);
    expect(steps).toHaveLength(keep.length + 1);
    expect(steps.map((s) => s.labelEn)).not.toContain('Restitution');
    expect(steps.at(-1)).toMatchObject({ serviceType: 'counselling', status: 'planned' });
    expect(steps[0]!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('moves steps along allowed paths, with version checks and reasons where needed', async () => {
    const c = await trafficking();
    const templates = await listStepTemplates(h.db, 'trafficking');
    await acceptSteps(h.db, kul, { id: c.id, version: c.version, templateIds: templates.map((t) => t.id) });
    const [screening] = await listSteps(h.db, c.id);
    const started = await updateStep(h.db, kul, step(screening!, { status: 'in_progress' }));
    await expect(updateStep(h.db, kul, step(screening!, { status: 'done' }))).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    await updateStep(h.db, kul, step({ ...screening!, version: started.version, status: 'in_progress' }, { status: 'done', outcome: 'Identified as a victim' }));
    const [done] = await listSteps(h.db, c.id);
    expect(done).toMatchObject({ status: 'done', outcome: 'Identified as a victim' });
    expect(done!.doneAt).toBeInstanceOf(Date);
    // Reopening a done step, or setting aside a required one, needs a reason.
    await expect(updateStep(h.db, kul, step(done!, { status: 'in_progress' }))).rejects.toMatchObject({ fieldErrors: { reason: ['validation.reasonRequired'] } });
    await expect(updateStep(h.db, kul, step(done!, { status: 'cancelled' }))).rejects.toMatchObject({ messageKey: 'errors.stepTransition' });
    const shelter = (await listSteps(h.db, c.id))[1]!;
    await expect(updateStep(h.db, kul, step(shelter, { status: 'not_needed' }))).rejects.toMatchObject({ fieldErrors: { reason: ['validation.reasonRequired'] } });
    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    await expect(updateStep(h.db, jed, step(shelter, { status: 'in_progress' }))).rejects.toMatchObject({ code: 'not_found' });
    const events = await listCaseEvents(h.db, c.id);
    expect(events.filter((e) => e.kind === 'step_updated')).toHaveLength(2);

    // A service's own record: only its fields, each of its kind.
    const shelterStarted = await updateStep(h.db, kul, step(shelter, { status: 'in_progress', details: { place: 'KBRI shelter', from: '2026-11-01', smuggled: 'x' } }));
    const [, withDetails] = await listSteps(h.db, c.id);
    expect(withDetails!.details).toEqual({ place: 'KBRI shelter', from: '2026-11-01' });
    await expect(updateStep(h.db, kul, step({ ...withDetails! }, { details: { to: 'next week' } }))).rejects.toMatchObject({ fieldErrors: { 'details.to': ['validation.invalid'] } });
    expect(shelterStarted.changes['detail.place']).toEqual({ before: null, after: 'KBRI shelter' });

    // Work is assigned to officers of the case's own mission only.
    const per = await officerActor(h.db, 'officer.per@payung.test');
    const [, current] = await listSteps(h.db, c.id);
    await expect(updateStep(h.db, kul, step(current!, { assigneeId: per.id }))).rejects.toMatchObject({ fieldErrors: { assigneeId: ['validation.assignee'] } });
  });

  it('lists an officer’s due and overdue steps', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const due = await listDueSteps(h.db, kul, until);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d.dueDate <= until)).toBe(true);
    expect(await listDueSteps(h.db, await officerActor(h.db, 'officer.per@payung.test'), until)).toEqual([]);
  });

  it('closes only through an approved request; required open steps need an override; rejection returns the case', async () => {
    const c = await trafficking();
    const templates = await listStepTemplates(h.db, 'trafficking');
    const r1 = await acceptSteps(h.db, kul, { id: c.id, version: c.version, templateIds: templates.map((t) => t.id) });
    const r2 = await changeCaseStatus(h.db, kul, { id: c.id, version: r1.version, status: 'in_progress' });
    await requestClosure(h.db, kul, { id: c.id, version: r2.version, outcome: 'repatriated', summary: 'Home.' });

    await expect(listPendingApprovals(h.db, kul)).rejects.toMatchObject({ code: 'forbidden' });
    const [pending] = (await listPendingApprovals(h.db, supervisor)).filter((p) => p.caseId === c.id);
    expect(pending).toMatchObject({ caseClass: 'special', outcome: 'repatriated' });
    expect(pending!.openRequiredSteps).toBeGreaterThan(0);

    const gulf = actorOf('supervisor', { regionCountries: ['SA', 'AE'] });
    await expect(decideClosure(h.db, gulf, decideClosureSchema.parse({ approvalId: pending!.id, decision: 'approve', comment: '', overrideReason: '' }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideClosure(h.db, kul, decideClosureSchema.parse({ approvalId: pending!.id, decision: 'approve', comment: '', overrideReason: '' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decideClosure(h.db, supervisor, decideClosureSchema.parse({ approvalId: pending!.id, decision: 'approve', comment: '', overrideReason: '' }))).rejects.toMatchObject({
      messageKey: 'errors.requiredStepsOpen',
    });
    expect(decideClosureSchema.safeParse({ approvalId: pending!.id, decision: 'reject', comment: '', overrideReason: '' }).success).toBe(false);

    expect(pending!.openRequiredLabels.length).toBe(pending!.openRequiredSteps);
    expect(pending!.openRequiredLabels[0]).toMatchObject({ labelEn: expect.any(String), labelId: expect.any(String) });
    await decideClosure(h.db, supervisor, decideClosureSchema.parse({ approvalId: pending!.id, decision: 'reject', comment: 'Restitution still open.', overrideReason: '' }));
    let file = (await getCase(h.db, kul, c.id))!;
    expect(file.status).toBe('in_progress');

    await requestClosure(h.db, kul, { id: c.id, version: file.version, outcome: 'repatriated', summary: 'Home, again.' });
    const [again] = (await listPendingApprovals(h.db, supervisor)).filter((p) => p.caseId === c.id);
    // The one comment is the reason to close with required steps open (as the approvals page sends it).
    await decideClosure(h.db, supervisor, decideClosureSchema.parse({ approvalId: again!.id, decision: 'approve', comment: 'Reintegration handed to the home agency.', overrideReason: '' }));
    expect((await h.db.select({ overrideReason: approvals.overrideReason }).from(approvals).where(eq(approvals.id, again!.id)))[0]).toEqual({ overrideReason: 'Reintegration handed to the home agency.' });
    await expect(decideClosure(h.db, supervisor, decideClosureSchema.parse({ approvalId: again!.id, decision: 'approve', comment: '', overrideReason: 'x' }))).rejects.toMatchObject({
      messageKey: 'errors.alreadyDecided',
    });
    file = (await getCase(h.db, kul, c.id))!;
    expect(file.status).toBe('closed');

    await expect(reopenCase(h.db, kul, { id: c.id, version: file.version - 1, reason: 'x' })).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    await reopenCase(h.db, kul, { id: c.id, version: file.version, reason: 'The employer paid only half.' });
    expect((await getCase(h.db, kul, c.id))!.status).toBe('in_progress');
    const kinds = (await listCaseEvents(h.db, c.id)).map((e) => e.kind);
    expect(kinds.slice(0, 4)).toEqual(['reopened', 'closure_approved', 'closure_requested', 'closure_rejected']);
  });

  it('refuses every write to a closed case until it is reopened: notes, detentions, visits', async () => {
    const c = await trafficking();
    const partyId = c.parties[0]!.id;
    const { id: detentionId } = await createDetention(h.db, kul, { caseId: c.id, partyId, facility: 'Depot', detainedSince: '2026-10-01', expectedRelease: '' });
    await h.db.update(cases).set({ status: 'closed', closedAt: new Date() }).where(eq(cases.id, c.id));
    const closed = { messageKey: 'errors.caseClosed' };
    await expect(addCaseNote(h.db, kul, { caseId: c.id, text: 'After closing' })).rejects.toMatchObject(closed);
    await expect(createDetention(h.db, kul, { caseId: c.id, partyId, facility: 'Prison', detainedSince: '2026-11-01', expectedRelease: '' })).rejects.toMatchObject(closed);
    await expect(addVisit(h.db, kul, { detentionId, visitedOn: '2026-11-02', findings: '', needs: '' })).rejects.toMatchObject(closed);
    expect((await listCaseEvents(h.db, c.id)).map((e) => e.kind)).not.toContain('note');
    await h.db.update(cases).set({ status: 'in_progress', closedAt: null }).where(eq(cases.id, c.id));
    await addCaseNote(h.db, kul, { caseId: c.id, text: 'Reopened, noted' });
    await addVisit(h.db, kul, { detentionId, visitedOn: '2026-11-02', findings: '', needs: '' });
  });
});

describe.each(testDatabaseKinds())('step templates on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('are edited by admins only, and a change never rewrites the steps cases already took', async () => {
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const admin = actorOf('admin');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'death', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Deceased' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const c = (await getCase(h.db, kul, id))!;
    const [first] = await listStepTemplates(h.db, 'death');
    await acceptSteps(h.db, kul, { id, version: c.version, templateIds: [first!.id] });

    const [tpl] = await listTemplatesForAdmin(h.db, admin, 'death');
    await expect(saveStepTemplate(h.db, kul, stepTemplateSchema.parse({ ...tpl, labelEn: 'x' }))).rejects.toMatchObject({ code: 'forbidden' });
    const saved = await saveStepTemplate(h.db, admin, stepTemplateSchema.parse({ ...tpl, labelEn: 'Verify the death with the hospital' }));
    expect(saved.version).toBe(tpl!.version + 1);
    await expect(saveStepTemplate(h.db, admin, stepTemplateSchema.parse({ ...tpl, labelEn: 'stale' }))).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    expect((await listStepTemplates(h.db, 'death'))[0]!.labelEn).toBe('Verify the death with the hospital');
    expect((await listSteps(h.db, id))[0]!.labelEn).toBe('Verify');
  });
});

describe.each(testDatabaseKinds())('a mission head’s approvals on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => {
    delete process.env.PAYUNG_MISSION_HEAD_APPROVES;
    return h?.close();
  });

  it('decides general cases of their own mission only, and only where configured', async () => {
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const head = { ...kul, id: null, isMissionHead: true };
    const closing = async (category: 'labour' | 'trafficking') => {
      const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'S' }] });
      const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
      const c = (await getCase(h.db, kul, id))!;
      await requestClosure(h.db, kul, { id, version: c.version, outcome: 'resolved', summary: 'done' });
      return id;
    };
    const general = await closing('labour');
    const special = await closing('trafficking');

    await expect(listPendingApprovals(h.db, head)).rejects.toMatchObject({ code: 'forbidden' });
    process.env.PAYUNG_MISSION_HEAD_APPROVES = '1';
    const mine = await listPendingApprovals(h.db, head);
    expect(mine.map((a) => a.caseId)).toEqual([general]);
    const [forSpecial] = (await listPendingApprovals(h.db, actorOf('supervisor'))).filter((a) => a.caseId === special);
    await expect(decideClosure(h.db, head, decideClosureSchema.parse({ approvalId: forSpecial!.id, decision: 'approve', comment: '', overrideReason: '' }))).rejects.toMatchObject({ code: 'not_found' });
    await decideClosure(h.db, head, decideClosureSchema.parse({ approvalId: mine[0]!.id, decision: 'approve', comment: 'ok', overrideReason: '' }));
    expect((await getCase(h.db, kul, general))!.status).toBe('closed');
    // Nothing was open, so nothing was overridden: the comment stays a comment.
    expect((await h.db.select({ comment: approvals.comment, overrideReason: approvals.overrideReason }).from(approvals).where(eq(approvals.id, mine[0]!.id)))[0]).toEqual({ comment: 'ok', overrideReason: null });
    await expect(listPendingApprovals(h.db, { ...kul, isMissionHead: false })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never decides a closure they asked for themselves: someone else does', async () => {
    process.env.PAYUNG_MISSION_HEAD_APPROVES = '1';
    const head = { ...(await officerActor(h.db, 'officer.kul@payung.test')), isMissionHead: true };
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Own' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, head, input));
    const c = (await getCase(h.db, head, id))!;
    await requestClosure(h.db, head, { id, version: c.version, outcome: 'resolved', summary: 'done' });
    const [own] = (await listPendingApprovals(h.db, head)).filter((a) => a.caseId === id);
    expect(own).toMatchObject({ ownRequest: true });
    const decide = (actor: Actor) => decideClosure(h.db, actor, decideClosureSchema.parse({ approvalId: own!.id, decision: 'approve', comment: '', overrideReason: '' }));
    await expect(decide(head)).rejects.toMatchObject({ code: 'forbidden', messageKey: 'errors.decideOwnRequest' });
    expect((await getCase(h.db, head, id))!.status).toBe('resolution_requested');
    const [s] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    const supervisor = actorOf('supervisor', { id: s!.id });
    expect((await listPendingApprovals(h.db, supervisor)).find((a) => a.caseId === id)).toMatchObject({ ownRequest: false });
    await decide(supervisor);
    expect((await getCase(h.db, head, id))!.status).toBe('closed');
  });
});
