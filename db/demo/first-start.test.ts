import { and, asc, eq, gte, isNotNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { prepareDatabase } from '@/db/bootstrap';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { listPendingApprovals } from '../queries/approvals';
import { verifyAuditChain } from '../queries/audit';
import { draftsSummary } from '../queries/drafts';
import { listDetaineesNotVisited, listHearings } from '../queries/legal';
import { countQueue } from '../queries/queues';
import { actorOfUser } from '../queries/sessions';
import { isOverdue, listDueSteps, localDate } from '../queries/steps';
import { listIncomingTransfers } from '../queries/transfers';
import { caseParties, caseReferenceCounters, caseSteps, cases, consularVisits, persons, transfers, users } from '../schema';
import { seedDemo } from '../seed';
import { DAY } from './generate';
import { FIRST_START, SHOWCASE_OFFICERS, seedDemoCases } from './first-start';

const actorByEmail = async (h: DbHandle, email: string): Promise<Actor> => {
  const [u] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await actorOfUser(h.db, u!.id))!;
};

describe.each(testDatabaseKinds())('the first start’s demonstration set on %s', (kind) => {
  let h: DbHandle;
  let now: Date;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    now = new Date();
    const started = performance.now();
    // What a first start runs (lib/startup.ts): the accounts and the demonstration cases.
    await prepareDatabase({ migrate: true, seedDemo: true, demoCases: true, refuseDemoPasswords: false }, h);
    console.log(`[first start on ${kind}] demo accounts and ${FIRST_START.cases} demonstration cases seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  afterAll(() => h?.close());

  it('has a few hundred cases over eighteen months, most of them in the demo officers’ missions’ reach', async () => {
    const total = await h.db.$count(cases);
    expect(total).toBeGreaterThanOrEqual(FIRST_START.cases);
    expect(total).toBeLessThan(FIRST_START.cases + 10);
    const months = await h.db
      .selectDistinct({ month: sql<string>`to_char(${cases.openedAt} AT TIME ZONE 'UTC', 'YYYY-MM')` })
      .from(cases)
      .where(gte(cases.openedAt, new Date(now.getTime() - 548 * DAY)));
    expect(months.length).toBeGreaterThanOrEqual(12);
    const [oldest] = await h.db.select({ at: cases.openedAt }).from(cases).orderBy(asc(cases.openedAt)).limit(1);
    expect(oldest!.at.getTime()).toBeGreaterThanOrEqual(now.getTime() - 549 * DAY);
    for (const email of SHOWCASE_OFFICERS) {
      const officer = await actorByEmail(h, email);
      const mine = await h.db.$count(cases, and(eq(cases.assignedOfficerId, officer.id!), ne(cases.status, 'closed')));
      expect(mine, `${email}'s open cases`).toBeGreaterThanOrEqual(10);
    }
  });

  it('shows each demo officer work to do: steps overdue and due, hearings in the coming weeks, drafts', async () => {
    for (const email of SHOWCASE_OFFICERS) {
      const officer = await actorByEmail(h, email);
      const today = localDate(officer.timeZone, now);
      const due = await listDueSteps(h.db, officer, localDate(officer.timeZone, new Date(now.getTime() + 7 * DAY)));
      expect(due.some((s) => isOverdue(s, today)), `${email}: an overdue step`).toBe(true);
      expect(due.some((s) => s.dueDate >= today), `${email}: a step due this week`).toBe(true);
      const hearings = await listHearings(h.db, officer, now, new Date(now.getTime() + 28 * DAY));
      expect(hearings.length, `${email}: hearings in four weeks`).toBeGreaterThan(0);
      expect((await draftsSummary(h.db, officer)).count, `${email}: drafts`).toBeGreaterThan(0);
    }
    const supervisor = await actorByEmail(h, 'supervisor@payung.test');
    expect((await countQueue(h.db, supervisor, { view: 'overdue_steps' }, now)).count).toBeGreaterThan(0);
    expect((await countQueue(h.db, supervisor, { view: 'hearings_soon' }, now)).count).toBeGreaterThan(0);
  });

  it('has a closure waiting for approval and transfers waiting for the receiving mission', async () => {
    const supervisor = await actorByEmail(h, 'supervisor@payung.test');
    const kul = await actorByEmail(h, SHOWCASE_OFFICERS[0]);
    const pending = await listPendingApprovals(h.db, supervisor);
    expect(pending.some((a) => a.reference.startsWith('KUL-'))).toBe(true);
    expect((await listIncomingTransfers(h.db, kul)).map((t) => t.fromMissionCode)).toContain('JHB');
    expect(await h.db.$count(transfers, eq(transfers.status, 'requested'))).toBeGreaterThanOrEqual(2);
  });

  it('has children and undisclosed identities, and detainees with consular visits', async () => {
    const supervisor = await actorByEmail(h, 'supervisor@payung.test');
    expect((await countQueue(h.db, supervisor, { view: 'children' }, now)).count).toBeGreaterThan(0);
    const undisclosed = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .innerJoin(caseParties, eq(caseParties.personId, persons.id))
      .where(and(eq(persons.isIdentityUndisclosed, true), eq(caseParties.role, 'subject')));
    expect(undisclosed[0]!.n).toBeGreaterThan(0);
    expect(await h.db.$count(consularVisits)).toBeGreaterThan(0);
    // Every detainee of the demo officers' missions has been visited.
    const kul = await actorByEmail(h, SHOWCASE_OFFICERS[0]);
    const notVisited = await listDetaineesNotVisited(h.db, kul, localDate(kul.timeZone, now));
    expect(notVisited.every((d) => d.lastVisit !== null)).toBe(true);
  });

  it('keeps the app’s invariants: the audit chain, the numbering, the steps kept on each case', async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, brokenAt: null });
    const behind = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseReferenceCounters)
      .where(sql`${caseReferenceCounters.last} < (SELECT max(${cases.seq}) FROM ${cases} WHERE ${cases.missionId} = ${caseReferenceCounters.missionId} AND ${cases.year} = ${caseReferenceCounters.year})`);
    expect(behind[0]!.n).toBe(0);
    // overdue_from is kept by a trigger on the steps: every open case with an overdue step has it.
    const missing = await h.db
      .select({ n: sql<number>`count(DISTINCT ${cases.id})::int` })
      .from(cases)
      .innerJoin(caseSteps, eq(caseSteps.caseId, cases.id))
      .where(and(ne(cases.status, 'closed'), isNotNull(caseSteps.dueDate), sql`${caseSteps.status} IN ('planned', 'in_progress')`, sql`${cases.overdueFrom} IS NULL`));
    expect(missing[0]!.n).toBe(0);
    // subject_count and subjects_label are kept by triggers on the parties; an undisclosed identity shows by pseudonym only.
    const miscounted = await h.db.$count(cases, sql`${cases.subjectCount} <> (SELECT count(*) FROM ${caseParties} WHERE ${caseParties.caseId} = ${cases.id} AND ${caseParties.role} = 'subject')`);
    expect(miscounted).toBe(0);
    const named = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .innerJoin(cases, eq(cases.id, caseParties.caseId))
      .where(and(eq(persons.isIdentityUndisclosed, true), sql`strpos(coalesce(${cases.subjectsLabel}, ''), ${persons.fullName}) > 0`));
    expect(named[0]!.n).toBe(0);
    const supervisor = await actorByEmail(h, 'supervisor@payung.test');
    expect((await countQueue(h.db, supervisor, { view: 'awaiting_approval' }, now)).count).toBeGreaterThan(0);
  });
});

describe('the first start’s demonstration set', () => {
  it('is the same for the same day', async () => {
    const now = new Date('2026-12-03T08:00:00Z');
    const fingerprint = async (h: DbHandle) => {
      const rows = await h.db
        .select({ reference: cases.reference, status: cases.status, officer: users.email, openedAt: cases.openedAt })
        .from(cases)
        .leftJoin(users, eq(users.id, cases.assignedOfficerId))
        .orderBy(asc(cases.reference));
      const names = await h.db.select({ name: persons.fullName }).from(persons).orderBy(asc(persons.fullName));
      return [...rows.map((r) => `${r.reference} ${r.status} ${r.officer} ${r.openedAt.toISOString()}`), ...names.map((r) => r.name)];
    };
    const [a, b] = await Promise.all([openTestDatabase('pglite'), openTestDatabase('pglite')]);
    try {
      for (const h of [a, b]) {
        await seedDemo(h.db);
        await seedDemoCases(h.db, now);
      }
      expect(await fingerprint(a)).toEqual(await fingerprint(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    // two embedded databases migrated and seeded: longer than the default on a busy machine
  }, 240_000);
});
