import { eq, isNotNull, sql, type SQLWrapper } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { generateDemoCases } from '@/db/demo/generate';
import { explainJson, planOutline, planProblems } from '@/db/plans';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { queueSorts, queueViews } from '@/lib/domain/queues';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { PgDialect } from 'drizzle-orm/pg-core';
import { cases, persons, users } from '../schema';
import type { AuditFilter } from '@/lib/validation/audit';
import { auditListQuery } from './audit';
import { caseExportQuery } from './case-export';
import { caseAccessQuery } from './case-timeline';
import { caseListQuery, encodeCursor } from './cases';
import { queueCountQuery, queueCountsQuery, queueListQuery } from './queues';

const NOW = new Date('2026-11-29T08:00:00Z');

/**
 * Every list query a screen runs is read from an index in the order it pages by: on a small
 * database the planner would happily scan and sort, so sequential scans and sorts are priced
 * out (enable_seqscan, enable_sort off) and any that remain mean no index can serve the query —
 * at a million cases, a scan of the whole table on every page.
 */
describe.each(testDatabaseKinds())('list query plans on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let supervisor: Actor;
  let someone: { nik: string; passport: string; name: string };
  let cursor: string;

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    await generateDemoCases(h.db, { cases: 300, seed: 7, years: 3, now: NOW, batchSize: 300 });
    await h.db.execute(sql`ANALYZE`);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    const [sup] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    supervisor = actorOf('supervisor', { id: sup!.id, timeZone: 'Asia/Jakarta' });
    const [p] = await h.db
      .select({ nik: persons.nik, passport: persons.passportNumber, name: persons.fullName })
      .from(persons)
      .where(isNotNull(persons.passportNumber))
      .limit(1);
    someone = { nik: p!.nik!, passport: p!.passport!, name: p!.name.split(' ')[0]!.slice(0, 5) };
    const [c] = await h.db.select({ id: cases.id, openedAt: cases.openedAt }).from(cases).limit(1);
    cursor = encodeCursor(c!);
  }, 120_000);
  afterAll(() => h?.close());

  async function problemsOf(query: SQLWrapper & { toSQL(): { sql: string } }, sortedByIndex: boolean) {
    return h.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      if (sortedByIndex) await tx.execute(sql`SET LOCAL enable_sort = off`);
      const plan = await explainJson(tx, query);
      const problems = planProblems(query.toSQL().sql, plan, { sortedByIndex });
      return problems.length ? `${problems.map((p) => p.detail).join('; ')}\n${planOutline(plan)}` : null;
    });
  }

  it('my cases: every page, filter and search of an officer and a supervisor', async () => {
    const lists: [string, Actor, Parameters<typeof caseListQuery>[2]][] = [
      ['officer, first page', kul, {}],
      ['officer, a later page', kul, { after: cursor }],
      ['officer, assigned to me', kul, { assignedToMe: true }],
      ['officer, by status', kul, { status: 'in_progress' }],
      ['officer, by category and class', kul, { category: 'labour', caseClass: 'general' }],
      ['supervisor, first page', supervisor, {}],
      ['supervisor, a later page', supervisor, { after: cursor }],
    ];
    for (const [label, actor, filter] of lists) expect(await problemsOf(caseListQuery(h.db, actor, filter), true), label).toBeNull();
    // Searches: each kind through its own index (no scan), the matches then ordered.
    for (const q of [someone.nik, someone.passport, someone.name, 'KUL-2026', 'KUL-2026-00001-S1']) {
      expect(await problemsOf(caseListQuery(h.db, supervisor, { q }), false), `search ${q}`).toBeNull();
      expect(await problemsOf(caseListQuery(h.db, kul, { q }), false), `officer's search ${q}`).toBeNull();
    }
    // A name many people share: the cases walked newest first through the list's index, unsorted.
    expect(await problemsOf(caseListQuery(h.db, supervisor, { q: someone.name }, { commonName: true }), true), 'common name').toBeNull();
    expect(await problemsOf(caseListQuery(h.db, kul, { q: someone.name }, { commonName: true }), true), `officer's common name`).toBeNull();
  });

  it('queues: every view in every sort both ways, their counts, and the export', async () => {
    for (const view of [undefined, ...queueViews]) {
      // Views whose rule is a rare fact in another table are found from that table and then ordered;
      // "special this month" reads one month of openings by index, then orders that month.
      for (const sort of queueSorts) {
        const sortedByIndex = view !== 'hearings_soon' && view !== 'awaiting_approval' && !(view === 'special_this_month' && sort !== 'opened');
        for (const dir of ['asc', 'desc'] as const) {
          const query = queueListQuery(h.db, supervisor, { view, sort, dir }, NOW, 50);
          expect(await problemsOf(query, sortedByIndex), `${view ?? 'all open'} by ${sort} ${dir}`).toBeNull();
        }
      }
      expect(await problemsOf(queueCountQuery(h.db, supervisor, { view }, NOW), false), `count of ${view ?? 'all open'}`).toBeNull();
    }
    expect(await problemsOf(queueCountsQuery(h.db, supervisor, NOW), false), 'the nine counts').toBeNull();
    const closed = caseExportQuery(h.db, supervisor, { status: 'closed' }, caseListColumns, NOW, { openedAt: '2025-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' });
    expect(await problemsOf(closed, true), 'export batch').toBeNull();
  });

  it('the audit trail: each of the auditor’s filters read from its index, newest first', async () => {
    const [c] = await h.db.select({ id: cases.id }).from(cases).limit(1);
    const page = (filter: AuditFilter, extra: { caseId?: string; actorEmails?: string[]; before?: number } = {}) => auditListQuery(h.db, { filter, ...extra, limit: 50, zone: 'Asia/Jakarta' });
    const lists: [string, ReturnType<typeof page>, boolean][] = [
      ['everything', page({}), true],
      ['a later page', page({}, { before: 1000 }), true],
      ['a case', page({ caseRef: 'x' }, { caseId: c!.id }), true],
      ['a person', page({ pseudonym: 'KUL-2026-00001-S1' }), true],
      ['a person, identity seen', page({ pseudonym: 'KUL-2026-00001-S1', action: 'identity_seen' }), true],
      ['a user', page({ user: 'officer.kul@payung.test' }, { actorEmails: ['officer.kul@payung.test'] }), true],
      ['users a name matches', page({ user: 'siti' }, { actorEmails: ['siti', 'officer.kul@payung.test'] }), false],
      ['an action', page({ action: 'case.create' }), true],
      ['identity seen', page({ action: 'identity_seen' }), false],
      ['a date range', page({ from: '2026-01-01', to: '2026-01-31' }), false],
    ];
    for (const [label, query, sortedByIndex] of lists) expect(await problemsOf(query, sortedByIndex), `audit: ${label}`).toBeNull();
  });

  it('a case’s access log: its events and the exports that included it, each from its index', async () => {
    const [c] = await h.db.select({ id: cases.id }).from(cases).limit(1);
    const dialect = new PgDialect();
    for (const [label, query] of [
      ['first page', caseAccessQuery(c!.id)],
      ['a later page', caseAccessQuery(c!.id, { before: '2026-11-01 08:00:00.123456+00|e0000000000000001000' })],
    ] as const) {
      const wrapped = { getSQL: () => query, toSQL: () => dialect.sqlToQuery(query) };
      expect(await problemsOf(wrapped, false), `access log: ${label}`).toBeNull();
    }
  });

  it('the checker itself finds a scan, a sort and an OFFSET', async () => {
    const bad = h.db.select({ id: cases.id }).from(cases).where(sql`${cases.narrative} LIKE '%x%'`).orderBy(cases.narrative).offset(10);
    const plan = await h.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return explainJson(tx, bad);
    });
    expect(planProblems(bad.toSQL().sql, plan, { sortedByIndex: true }).map((p) => p.kind).sort()).toEqual(['offset', 'seq_scan', 'sort']);
  });
});
