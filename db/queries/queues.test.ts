import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import type { QueueView } from '@/lib/domain/queues';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { type QueueFilter, bulkActionSchema, parseQueueQuery } from '@/lib/validation/queues';
import { ageClaims, approvals, caseParties, caseSteps, cases, detentions, hearings, legalProceedings, persons, users } from '../schema';
import { bulkUpdateCases } from './bulk';
import { listCaseEvents } from './case-timeline';
import { createCase } from './cases';
import { countQueue, listQueue } from './queues';
import { deleteView, listSavedViews, saveView } from './saved-views';
import { intakeFacts } from '@/lib/testing/intake';

/** 16:00 in Kuala Lumpur and 15:00 in Jakarta on Sunday 29 November 2026. */
const NOW = new Date('2026-11-29T08:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe.each(testDatabaseKinds())('supervisor queues on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  let supervisor: Actor;

  /** A case at KUL (or the officer's mission), then its columns set as the test needs. */
  async function makeCase(label: string, set: Partial<typeof cases.$inferInsert> = {}, officer: Actor = kul) {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: label, subjects: [{ ...emptySubject, fullName: label }] });
    const { id, reference } = await h.db.transaction((tx) => createCase(tx, officer, input));
    // Opened long ago and in progress unless the test says otherwise: in no queue by default.
    await h.db
      .update(cases)
      .set({ openedAt: ago(60 * DAY), lastActivityAt: ago(DAY), status: 'in_progress', ...set })
      .where(eq(cases.id, id));
    const [party] = await h.db.select({ id: caseParties.id, personId: caseParties.personId }).from(caseParties).where(eq(caseParties.caseId, id));
    return { id, reference, partyId: party!.id, personId: party!.personId };
  }

  const refs = async (filter: Partial<QueueFilter>, actor = supervisor) => {
    const out: string[] = [];
    let after: string | undefined;
    do {
      const page = await listQueue(h.db, actor, { sort: 'opened', dir: 'asc', ...filter, after }, NOW, 7);
      out.push(...page.items.map((i) => i.reference));
      after = page.next ?? undefined;
    } while (after);
    return out;
  };
  const expectQueue = async (view: QueueView, inside: string[], outside: string[]) => {
    const listed = await refs({ view });
    for (const r of inside) expect(listed, `${view} should hold ${r}`).toContain(r);
    for (const r of outside) expect(listed, `${view} should not hold ${r}`).not.toContain(r);
    expect((await countQueue(h.db, supervisor, { view }, NOW)).count).toBe(listed.length);
  };

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    const [s] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    supervisor = actorOf('supervisor', { id: s!.id, timeZone: 'Asia/Jakarta' });
  });
  afterAll(() => h?.close());

  it('new and not assessed: still new more than 3 days after opening', async () => {
    const inside = await makeCase('Unassessed in', { status: 'new', openedAt: ago(3 * DAY + MIN) });
    const outside = await makeCase('Unassessed out', { status: 'new', openedAt: ago(3 * DAY - MIN) });
    const taken = await makeCase('Unassessed taken up', { status: 'in_progress', openedAt: ago(10 * DAY) });
    await expectQueue('unassessed', [inside.reference], [outside.reference, taken.reference]);
  });

  it('overdue steps: an open step past its due date and grace, on the mission’s own day', async () => {
    const step = (caseId: string, dueDate: string, status: 'planned' | 'done' = 'planned') =>
      h.db.insert(caseSteps).values({ caseId, position: 0, serviceType: 'shelter', labelId: 'Rumah aman', labelEn: 'Shelter', dueDate, graceDays: 7, status });
    // Today in Kuala Lumpur is 29 November: due 21st + 7 days of grace = overdue from the 28th.
    const inside = await makeCase('Overdue in');
    await step(inside.id, '2026-11-21');
    const outside = await makeCase('Overdue out');
    await step(outside.id, '2026-11-22');
    const done = await makeCase('Overdue but done');
    await step(done.id, '2026-01-01', 'done');
    const [row] = await h.db.select({ nextDueOn: cases.nextDueOn, overdueFrom: cases.overdueFrom }).from(cases).where(eq(cases.id, inside.id));
    expect(row).toEqual({ nextDueOn: '2026-11-21', overdueFrom: '2026-11-28' });
    await expectQueue('overdue_steps', [inside.reference], [outside.reference, done.reference]);
    // Done, the step leaves the queue: the trigger keeps the case's dates.
    await h.db.update(caseSteps).set({ status: 'done' }).where(eq(caseSteps.caseId, inside.id));
    await expectQueue('overdue_steps', [], [inside.reference]);
  });

  it('children: a subject under 18 on the opening day in the mission’s zone, or a minority claim not yet refused', async () => {
    // Opened at 04:00 on 29 November in Kuala Lumpur (still the 28th in UTC).
    const openedAt = new Date('2026-11-28T20:00:00Z');
    const child = await makeCase('Turns 18 tomorrow', { openedAt });
    await h.db.update(persons).set({ dateOfBirth: '2008-11-30' }).where(eq(persons.id, child.personId));
    const adult = await makeCase('Turned 18 that day', { openedAt });
    await h.db.update(persons).set({ dateOfBirth: '2008-11-29' }).where(eq(persons.id, adult.personId));
    const claimed = await makeCase('Claims to be 16', { openedAt });
    await h.db.insert(ageClaims).values({ caseId: claimed.id, partyId: claimed.partyId, claimedDob: '2010-02-14', relevantOn: '2026-09-01', status: 'evidence_requested' });
    const refused = await makeCase('Claim rejected', { openedAt });
    await h.db.insert(ageClaims).values({ caseId: refused.id, partyId: refused.partyId, claimedDob: '2010-02-14', relevantOn: '2026-09-01', status: 'rejected' });
    await expectQueue('children', [child.reference, claimed.reference], [adult.reference, refused.reference]);
    expect(await refs({ child: true, mission: 'KUL' })).toEqual(expect.arrayContaining([child.reference, claimed.reference]));
  });

  it('detainees with a hearing in the next 14 days', async () => {
    const hearingIn = async (label: string, startsAt: Date, detained: boolean) => {
      const c = await makeCase(label);
      const [p] = await h.db
        .insert(legalProceedings)
        .values({ caseId: c.id, partyId: c.partyId, jurisdiction: 'host', role: 'defendant', courtTimeZone: 'Asia/Kuala_Lumpur', isDetained: detained })
        .returning({ id: legalProceedings.id });
      await h.db.insert(hearings).values({ proceedingId: p!.id, caseId: c.id, startsAt, timeZone: 'Asia/Kuala_Lumpur' });
      return c;
    };
    const inside = await hearingIn('Hearing in 13 days', new Date(NOW.getTime() + 14 * DAY - MIN), true);
    const later = await hearingIn('Hearing in 15 days', new Date(NOW.getTime() + 14 * DAY + MIN), true);
    const free = await hearingIn('Hearing, on bail', new Date(NOW.getTime() + DAY), false);
    const past = await hearingIn('Hearing yesterday', new Date(NOW.getTime() - DAY), true);
    // Held through a detention record rather than the proceeding's flag.
    const held = await hearingIn('Held in a depot', new Date(NOW.getTime() + 2 * DAY), false);
    await h.db.insert(detentions).values({ caseId: held.id, partyId: held.partyId, facility: 'Depot', detainedSince: '2026-10-01' });
    await expectQueue('hearings_soon', [inside.reference, held.reference], [later.reference, free.reference, past.reference]);
    expect(await refs({ detained: true })).toEqual(expect.arrayContaining([inside.reference, held.reference]));
    expect(await refs({ detained: true })).not.toContain(free.reference);
  });

  it('death penalty, awaiting approval, unassigned, no contact for 30 days', async () => {
    const facing = await makeCase('Facing death', { deathPenalty: true });
    const closed = await makeCase('Closed death case', { deathPenalty: true, status: 'closed' });
    await expectQueue('death_penalty', [facing.reference], [closed.reference]);

    const pending = await makeCase('Closure pending', { status: 'resolution_requested' });
    await h.db.insert(approvals).values({ caseId: pending.id, kind: 'closure', summary: 'Repatriated' });
    const decided = await makeCase('Closure decided');
    await h.db.insert(approvals).values({ caseId: decided.id, kind: 'closure', summary: 'x', status: 'rejected' });
    await expectQueue('awaiting_approval', [pending.reference], [decided.reference]);
    // The flag behind the queue follows every write to approvals (triggers, migration 0024): two
    // requests waiting, one decided — still waiting; the other withdrawn — out; a new one — in.
    const flag = async () => (await h.db.select({ a: cases.awaitingApproval }).from(cases).where(eq(cases.id, pending.id)))[0]!.a;
    const [second] = await h.db.insert(approvals).values({ caseId: pending.id, kind: 'closure', summary: 'Second request' }).returning({ id: approvals.id });
    await h.db.update(approvals).set({ status: 'approved' }).where(sql`${approvals.caseId} = ${pending.id} AND ${approvals.id} <> ${second!.id}`);
    expect(await flag()).toBe(true);
    await h.db.delete(approvals).where(eq(approvals.id, second!.id));
    expect(await flag()).toBe(false);
    await expectQueue('awaiting_approval', [], [pending.reference]);
    await h.db.insert(approvals).values({ caseId: pending.id, kind: 'closure', summary: 'Again' });
    expect(await flag()).toBe(true);

    const nobody = await makeCase('Nobody on it', { assignedOfficerId: null });
    await expectQueue('unassigned', [nobody.reference], [facing.reference]);
    expect(await refs({ officer: 'none' })).toContain(nobody.reference);
    expect(await refs({ officer: kul.id! })).not.toContain(nobody.reference);

    const silent = await makeCase('Silent', { lastActivityAt: ago(30 * DAY + MIN) });
    const recent = await makeCase('Recent enough', { lastActivityAt: ago(30 * DAY - MIN) });
    await expectQueue('no_contact', [silent.reference], [recent.reference]);
  });

  it('special cases opened this month, in the supervisor’s zone', async () => {
    const inside = await makeCase('Special, 1 Nov 00:30 WIB', { caseClass: 'special', openedAt: new Date('2026-10-31T17:30:00Z') });
    const outside = await makeCase('Special, 31 Oct 23:30 WIB', { caseClass: 'special', openedAt: new Date('2026-10-31T16:30:00Z') });
    const general = await makeCase('General this month', { caseClass: 'general', openedAt: ago(DAY) });
    const closed = await makeCase('Special, closed', { caseClass: 'special', openedAt: ago(DAY), status: 'closed' });
    await expectQueue('special_this_month', [inside.reference, closed.reference], [outside.reference, general.reference]);
  });

  it('shows a region-limited supervisor only that region, in lists and counts', async () => {
    const jeddah = await makeCase('Jeddah case', { status: 'new', openedAt: ago(5 * DAY) }, jed);
    const kl = await makeCase('KL case', { status: 'new', openedAt: ago(5 * DAY) });
    const gulf = { ...supervisor, regionCountries: ['SA', 'AE', 'QA'], regionCode: 'GULF' };
    const listed = await refs({ view: 'unassessed' }, gulf);
    expect(listed).toContain(jeddah.reference);
    expect(listed).not.toContain(kl.reference);
    expect((await countQueue(h.db, gulf, { view: 'unassessed' }, NOW)).count).toBe(listed.length);
    expect(await refs({ region: 'middle_east', view: 'unassessed' })).toEqual(expect.arrayContaining([jeddah.reference]));
    expect(await refs({ region: 'middle_east' })).not.toContain(kl.reference);
    // A filter for a mission outside the region finds nothing rather than leaking it.
    expect(await refs({ mission: 'KUL' }, gulf)).toEqual([]);
    await expect(listQueue(h.db, kul, { sort: 'opened', dir: 'asc' }, NOW)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pages by keyset through every sort, both ways, without repeats or gaps', async () => {
    const all = await h.db.select({ reference: cases.reference }).from(cases).where(sql`${cases.status} <> 'closed'`);
    for (const sort of ['opened', 'activity', 'due', 'risk'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const listed = await refs({ sort, dir });
        expect(new Set(listed).size, `${sort} ${dir}`).toBe(listed.length);
        expect(listed.sort(), `${sort} ${dir}`).toEqual(all.map((r) => r.reference).sort());
      }
    }
    const byRisk = await listQueue(h.db, supervisor, { sort: 'risk', dir: 'asc' }, NOW, 500);
    const ranks = byRisk.items.map((i) => ['critical', 'high', 'medium', 'low'].indexOf(i.riskLevel));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // A cursor tampered with is ignored, not an error.
    expect((await listQueue(h.db, supervisor, { sort: 'opened', dir: 'asc', after: 'bm90LWEtY3Vyc29y' }, NOW, 5)).items).toHaveLength(5);
  });

  it('filters by mission, category, opening dates and status', async () => {
    const oct = await makeCase('Opened 15 Oct', { openedAt: new Date('2026-10-15T03:00:00Z'), category: 'fishing_crew' });
    const closed = await makeCase('Closed in Oct', { openedAt: new Date('2026-10-16T03:00:00Z'), category: 'fishing_crew', status: 'closed' });
    expect(await refs({ mission: 'KUL', category: 'fishing_crew', openedFrom: '2026-10-15', openedTo: '2026-10-31' })).toEqual([oct.reference]);
    expect(await refs({ mission: 'KUL', category: 'fishing_crew', status: 'closed' })).toEqual([closed.reference]);
    expect(await refs({ mission: 'JED', category: 'fishing_crew' })).toEqual([]);
    expect(await refs({ category: 'fishing_crew', openedFrom: '2026-10-16' })).toEqual([]);
    const ids = (await h.db.select({ id: cases.id }).from(cases).where(inArray(cases.reference, [oct.reference]))).map((r) => r.id);
    expect(ids).toHaveLength(1);
  });

  it('bulk actions change every selected case or none, each on its own timeline', async () => {
    const a = await makeCase('Bulk A', { assignedOfficerId: null });
    const b = await makeCase('Bulk B', { assignedOfficerId: null });
    const c = await makeCase('Bulk C', { assignedOfficerId: null });
    const jeddah = await makeCase('Bulk Jeddah', { assignedOfficerId: null }, jed);
    const versions = async (...ids: string[]) => (await h.db.select({ id: cases.id, version: cases.version }).from(cases).where(inArray(cases.id, ids))).map((r) => ({ id: r.id, version: r.version }));
    const assign = async (selected: { id: string; version: number }[], officerId = kul.id!) => bulkUpdateCases(h.db, supervisor, bulkActionSchema.parse({ action: 'assign', cases: selected, officerId }));

    // A KUL officer cannot take a Jeddah case: the whole selection is refused, naming it.
    await expect(assign(await versions(a.id, b.id, jeddah.id))).rejects.toMatchObject({ messageKey: 'errors.bulkRefused', details: { refused: [{ reference: jeddah.reference, reason: 'other_mission' }] } });
    const untouched = await h.db.select({ officer: cases.assignedOfficerId }).from(cases).where(inArray(cases.id, [a.id, b.id]));
    expect(untouched.every((r) => r.officer === null)).toBe(true);

    // Changed since the list was shown, closed, or out of the supervisor's region: refused too.
    const stale = await versions(a.id, b.id, c.id);
    await h.db.update(cases).set({ version: sql`${cases.version} + 1` }).where(eq(cases.id, c.id));
    await expect(assign(stale)).rejects.toMatchObject({ details: { refused: [{ reference: c.reference, reason: 'changed' }] } });
    const gulf = { ...supervisor, regionCountries: ['SA'] };
    await expect(bulkUpdateCases(h.db, gulf, bulkActionSchema.parse({ action: 'risk', cases: await versions(a.id, jeddah.id), riskLevel: 'high' }))).rejects.toMatchObject({
      details: { refused: [{ reference: null, reason: 'not_found' }] },
    });

    const { references } = await assign(await versions(a.id, b.id, c.id));
    expect(references.sort()).toEqual([a.reference, b.reference, c.reference].sort());
    expect(await refs({ view: 'unassigned', mission: 'KUL' })).not.toContain(a.reference);
    await bulkUpdateCases(h.db, supervisor, bulkActionSchema.parse({ action: 'risk', cases: await versions(a.id, b.id), riskLevel: 'critical' }));
    await bulkUpdateCases(h.db, supervisor, bulkActionSchema.parse({ action: 'note', cases: await versions(a.id), text: 'Call the employer before Friday.' }));
    const events = await listCaseEvents(h.db, a.id);
    expect(events.slice(0, 3).map((e) => e.kind)).toEqual(['note', 'risk_changed', 'assigned']);
    expect(events[1]!.data).toEqual({ changes: { riskLevel: { before: 'medium', after: 'critical' } } });
    expect(events[2]!.data).toEqual({ officer: 'Siti Rahmawati' });
    await expect(bulkUpdateCases(h.db, kul, bulkActionSchema.parse({ action: 'note', cases: await versions(a.id), text: 'x' }))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('saves views by name, canonically, shared with other supervisors only when asked', async () => {
    const [other] = await h.db.insert(users).values({ email: `sup2.${kind}@payung.test`, name: 'Second Supervisor', role: 'supervisor', passwordHash: 'x' }).returning({ id: users.id });
    const colleague = actorOf('supervisor', { id: other!.id });
    await saveView(h.db, supervisor, { name: 'KL labour', path: '/queues/children', query: 'category=labour&mission=kul&risk=extreme&after=abc', isShared: true });
    await saveView(h.db, supervisor, { name: 'Mine only', path: '/queues', query: 'sort=due', isShared: false });
    await expect(saveView(h.db, supervisor, { name: 'kl LABOUR', path: '/queues', query: '', isShared: false })).rejects.toMatchObject({ fieldErrors: { name: ['validation.viewNameTaken'] } });
    await expect(saveView(h.db, supervisor, { name: 'Odd', path: '/queues/nonsense', query: '', isShared: false })).rejects.toMatchObject({ fieldErrors: { path: ['validation.invalid'] } });
    const mine = await listSavedViews(h.db, supervisor);
    expect(mine.map((v) => [v.name, v.href])).toEqual([
      ['KL labour', '/queues/children?mission=KUL&category=labour'],
      ['Mine only', '/queues?sort=due'],
    ]);
    const theirs = await listSavedViews(h.db, colleague);
    expect(theirs).toMatchObject([{ name: 'KL labour', isOwn: false, ownerName: 'Ratna Wijaya' }]);
    await expect(deleteView(h.db, colleague, theirs[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    await deleteView(h.db, supervisor, theirs[0]!.id);
    expect(await listSavedViews(h.db, colleague)).toEqual([]);
  });
});

describe('queue addresses', () => {
  it('read filters from the URL, dropping and naming what is not ours', () => {
    const { filter, problems } = parseQueueQuery({ mission: 'kul', category: 'labour', risk: 'extreme', openedFrom: '2026-11-01', openedTo: '2026-10-01', child: '1', sort: 'risk', dir: 'desc' }, 'children');
    expect(filter).toMatchObject({ view: 'children', mission: 'KUL', category: 'labour', risk: undefined, openedFrom: '2026-11-01', openedTo: undefined, child: true, sort: 'risk', dir: 'desc' });
    expect(problems).toEqual(['risk', 'openedTo']);
    expect(parseQueueQuery({}, 'nonsense').filter).toMatchObject({ view: undefined, sort: 'opened', dir: 'asc' });
    expect(parseQueueQuery({ region: 'malaysia_singapore_brunei' }).filter.region).toBe('malaysia_singapore_brunei');
  });
});
