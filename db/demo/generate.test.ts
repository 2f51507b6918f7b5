import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { createCase } from '../queries/cases';
import { countQueue } from '../queries/queues';
import { caseParties, cases, missions, persons, users } from '../schema';
import { generateDemoCases } from './generate';
import { intakeFacts } from '@/lib/testing/intake';

const NOW = new Date('2026-11-29T08:00:00Z');

describe.each(testDatabaseKinds())('the demo generator on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('writes realistic cases in bulk that the app and the queues read like any other', async () => {
    const totals = await generateDemoCases(h.db, { cases: 600, seed: 5, years: 3, now: NOW, batchSize: 250 });
    expect(totals.cases).toBe(600);
    const [{ n }] = (await h.db.select({ n: sql<number>`count(*)::int` }).from(cases)) as [{ n: number }];
    expect(n).toBe(600);

    // 1–3 subjects each, about one in ten a child on the opening day.
    const subjects = await h.db
      .select({ caseId: caseParties.caseId, dob: persons.dateOfBirth, openedAt: cases.openedAt })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .innerJoin(cases, eq(cases.id, caseParties.caseId))
      .where(eq(caseParties.role, 'subject'));
    const perCase = new Map<string, number>();
    for (const s of subjects) perCase.set(s.caseId, (perCase.get(s.caseId) ?? 0) + 1);
    expect([...perCase.values()].every((c) => c >= 1 && c <= 3)).toBe(true);
    expect(perCase.size).toBe(600);
    const children = subjects.filter((s) => new Date(s.dob!).getTime() > s.openedAt.getTime() - 18 * 365.25 * 86_400_000).length / subjects.length;
    expect(children).toBeGreaterThan(0.05);
    expect(children).toBeLessThan(0.16);

    // Malaysia and the Gulf carry most of the load.
    const byCountry = await h.db
      .select({ country: missions.country, n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .groupBy(missions.country);
    const share = (codes: string[]) => byCountry.filter((r) => codes.includes(r.country)).reduce((a, r) => a + r.n, 0) / 600;
    expect(share(['MY', 'SA', 'AE', 'QA', 'KW'])).toBeGreaterThan(0.5);
    expect(share(['AU'])).toBeLessThan(0.05);

    // Generated officers share the demo password, so a production start refuses them.
    const generated = await h.db.select({ demo: users.hasDemoPassword }).from(users).where(sql`${users.email} LIKE '%@generated.payung.test'`);
    expect(generated.length).toBeGreaterThan(20);
    expect(generated.every((u) => u.demo)).toBe(true);

    // The next case the app opens continues the mission's numbering.
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const [last] = await h.db
      .select({ seq: cases.seq })
      .from(cases)
      .innerJoin(missions, eq(missions.id, cases.missionId))
      .where(sql`${missions.code} = 'KUL' AND ${cases.year} = 2026`)
      .orderBy(sql`${cases.seq} DESC`)
      .limit(1);
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'After the generated ones', subjects: [{ ...emptySubject, fullName: 'Next' }] });
    const { reference } = await h.db.transaction((tx) => createCase(tx, kul, input));
    expect(reference).toBe(`KUL-2026-${String((last?.seq ?? 0) + 1).padStart(5, '0')}`);

    // The queues find work in it: overdue steps (kept by the trigger) and children.
    const supervisor = actorOf('supervisor', { id: null, timeZone: 'Asia/Jakarta' });
    expect((await countQueue(h.db, supervisor, { view: 'overdue_steps' }, NOW)).count).toBeGreaterThan(0);
    expect((await countQueue(h.db, supervisor, { view: 'children' }, NOW)).count).toBeGreaterThan(0);
  });
});

describe('the demo generator’s seed', () => {
  const fingerprint = async (h: DbHandle) =>
    (await h.db.select({ reference: cases.reference, category: cases.category, status: cases.status }).from(cases).orderBy(asc(cases.reference))).map((r) => `${r.reference} ${r.category} ${r.status}`);
  it('gives the same cases for the same seed, and others for another', async () => {
    const [a, b, c] = await Promise.all([openTestDatabase('pglite'), openTestDatabase('pglite'), openTestDatabase('pglite')]);
    try {
      for (const h of [a, b, c]) await seedDemo(h.db);
      await generateDemoCases(a.db, { cases: 120, seed: 9, now: NOW });
      await generateDemoCases(b.db, { cases: 120, seed: 9, now: NOW });
      await generateDemoCases(c.db, { cases: 120, seed: 10, now: NOW });
      const names = async (h: DbHandle) => (await h.db.select({ name: persons.fullName }).from(persons).orderBy(asc(persons.id))).map((r) => r.name);
      expect(await fingerprint(a)).toEqual(await fingerprint(b));
      expect(await names(a)).toEqual(await names(b));
      expect(await fingerprint(a)).not.toEqual(await fingerprint(c));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
