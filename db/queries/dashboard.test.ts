import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { caseSteps, cases } from '../schema';
import { createCase } from './cases';
import { sharedFiguresChanged } from '../scope-cache';
import { DASHBOARD_TTL_MS, getDashboard } from './dashboard';
import { intakeFacts } from '@/lib/testing/intake';

/** 15:00 on 29 November 2026 in Jakarta. */
const NOW = new Date('2026-11-29T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDatabaseKinds())('the dashboard on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  const supervisor = actorOf('supervisor', { timeZone: 'Asia/Jakarta' });

  async function makeCase(officer: Actor, set: Partial<typeof cases.$inferInsert>, category = 'labour') {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Dash' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, officer, input));
    await h.db.update(cases).set(set).where(eq(cases.id, id));
    return id;
  }

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    // KUL: three open (one trafficking), one closed in October; JED: one open, one closed in November.
    const opened = new Date('2026-10-05T02:00:00Z');
    await makeCase(kul, { openedAt: opened, firstContactAt: new Date(opened.getTime() + 1 * DAY), status: 'in_progress' });
    await makeCase(kul, { openedAt: opened, firstContactAt: new Date(opened.getTime() + 3 * DAY), status: 'in_progress' });
    const overdue = await makeCase(kul, { openedAt: opened, firstContactAt: new Date(opened.getTime() + 2 * DAY), status: 'in_progress' }, 'trafficking');
    await h.db.insert(caseSteps).values({ caseId: overdue, position: 0, serviceType: 'shelter', labelId: 'x', labelEn: 'x', dueDate: '2026-11-01', graceDays: 7 });
    await h.db.insert(caseSteps).values({ caseId: overdue, position: 1, serviceType: 'health_care', labelId: 'y', labelEn: 'y', dueDate: '2026-11-28', graceDays: 7 });
    // Closed on 31 October at 23:30 in Jakarta: October, although it is already November in Kuala Lumpur.
    await makeCase(kul, { openedAt: new Date('2026-09-01T02:00:00Z'), firstContactAt: new Date('2026-09-01T04:00:00Z'), status: 'closed', closedAt: new Date('2026-10-31T16:30:00Z') });
    await makeCase(jed, { openedAt: new Date('2026-11-02T08:00:00Z'), firstContactAt: new Date('2026-11-02T20:00:00Z'), status: 'in_progress' });
    await makeCase(jed, { openedAt: new Date('2026-11-03T08:00:00Z'), firstContactAt: new Date('2026-11-03T08:00:00Z'), status: 'closed', closedAt: new Date('2026-11-13T08:00:00Z') });
    // Too old for the twelve months.
    await makeCase(jed, { openedAt: new Date('2025-11-20T08:00:00Z'), status: 'closed', closedAt: new Date('2025-11-25T08:00:00Z') });
  });
  afterAll(() => h?.close());

  it('counts open cases by mission and category, the flow of twelve months, medians and overdue steps', async () => {
    const d = await getDashboard(h.db, supervisor, NOW);
    expect(d.openByMission).toEqual([
      { missionCode: 'KUL', open: 3 },
      { missionCode: 'JED', open: 1 },
    ]);
    expect(d.openByCategory).toEqual([
      { category: 'labour', open: 3 },
      { category: 'trafficking', open: 1 },
    ]);
    expect(d.flow).toHaveLength(12);
    expect(d.flow[0]!.month).toBe('2025-12');
    expect(d.flow.at(-1)).toEqual({ month: '2026-11', opened: 2, closed: 1 });
    expect(d.flow.find((f) => f.month === '2026-10')).toEqual({ month: '2026-10', opened: 3, closed: 1 });
    expect(d.flow.find((f) => f.month === '2026-09')).toEqual({ month: '2026-09', opened: 1, closed: 0 });
    expect(d.timeliness).toEqual([
      { missionCode: 'JED', firstContactDays: 0.3, resolutionDays: 10 },
      { missionCode: 'KUL', firstContactDays: 1.5, resolutionDays: 60.6 },
    ]);
    // One step past its due date and grace; the other not yet.
    expect(d.overdueByMission).toEqual([{ missionCode: 'KUL', overdue: 1 }]);
  });

  it('shows a region-limited supervisor only the region', async () => {
    const d = await getDashboard(h.db, { ...supervisor, regionCountries: ['SA'] }, NOW);
    expect(d.openByMission).toEqual([{ missionCode: 'JED', open: 1 }]);
    expect(d.overdueByMission).toEqual([]);
    expect(d.timeliness.map((t) => t.missionCode)).toEqual(['JED']);
    await expect(getDashboard(h.db, kul, NOW)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is shared by one scope for a minute, until a write in this process; another scope counts its own', async () => {
    const before = await getDashboard(h.db, supervisor, NOW);
    await makeCase(kul, { openedAt: new Date('2026-11-20T02:00:00Z'), status: 'in_progress' });
    const soon = new Date(NOW.getTime() + 30_000);
    expect(await getDashboard(h.db, supervisor, soon)).toEqual(before);
    // A region's supervisor is another scope: counted afresh, and sees the new case's mission.
    expect((await getDashboard(h.db, { ...supervisor, regionCountries: ['MY'] }, soon)).openByMission).toEqual([{ missionCode: 'KUL', open: 4 }]);
    expect((await getDashboard(h.db, supervisor, new Date(NOW.getTime() + DASHBOARD_TTL_MS))).openByMission[0]).toEqual({ missionCode: 'KUL', open: 4 });
    await makeCase(kul, { openedAt: new Date('2026-11-21T02:00:00Z'), status: 'in_progress' });
    sharedFiguresChanged();
    expect((await getDashboard(h.db, supervisor, new Date(NOW.getTime() + DASHBOARD_TTL_MS + 1))).openByMission[0]).toEqual({ missionCode: 'KUL', open: 5 });
  });
});

