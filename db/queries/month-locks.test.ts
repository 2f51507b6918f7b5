import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { parsePeriod } from '@/lib/domain/periods';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { cases, monthLocks } from '../schema';
import { createCase } from './cases';
import { lockMonth, lockOverview, monthHasEnded, summaryFor } from './month-locks';
import { intakeFacts } from '@/lib/testing/intake';

const period = (p: string) => parsePeriod(p)!;
const KUL = { kind: 'mission', code: 'KUL' } as const;

describe('whether a month has ended', () => {
  it('is read in the mission’s zone', () => {
    // 1 November 00:30 in Kuala Lumpur is still 31 October in UTC.
    expect(monthHasEnded('2026-10', 'Asia/Kuala_Lumpur', new Date('2026-10-31T16:30:00Z'))).toBe(true);
    expect(monthHasEnded('2026-10', 'UTC', new Date('2026-10-31T16:30:00Z'))).toBe(false);
    expect(monthHasEnded('2026-Q3', 'UTC')).toBe(false);
  });
});

describe.each(testDatabaseKinds())('locked months on %s', (kind) => {
  let h: DbHandle;
  let head: Actor;
  let jed: Actor;
  const supervisor = actorOf('supervisor', { timeZone: 'Asia/Jakarta' });

  async function labourCase(officer: Actor, openedAt: string) {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Subject' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, officer, input));
    await h.db.update(cases).set({ openedAt: new Date(openedAt) }).where(eq(cases.id, id));
    return id;
  }

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    head = { ...(await officerActor(h.db, 'officer.kul@payung.test')), isMissionHead: true };
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    await labourCase(head, '2026-08-10T02:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are locked by the mission’s officer in charge only, once, after they end', async () => {
    await expect(h.db.transaction((tx) => lockMonth(tx, { ...head, isMissionHead: false }, '2026-08'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.db.transaction((tx) => lockMonth(tx, supervisor, '2026-08'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.db.transaction((tx) => lockMonth(tx, jed, '2026-08'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.db.transaction((tx) => lockMonth(tx, head, '2030-01'))).rejects.toMatchObject({ code: 'invalid', messageKey: 'reports.lock.notEnded' });
    await expect(h.db.transaction((tx) => lockMonth(tx, head, '2026-Q3'))).rejects.toMatchObject({ code: 'invalid' });
    expect(await h.db.transaction((tx) => lockMonth(tx, head, '2026-08'))).toEqual({ mission: 'KUL', month: '2026-08', corrections: 0 });
    await expect(h.db.transaction((tx) => lockMonth(tx, head, '2026-08'))).rejects.toMatchObject({ code: 'conflict', messageKey: 'reports.lock.already' });
  });

  it('keep their submitted figures; a later edit is a correction in the next summary, reported once', async () => {
    // A case registered late, dated back into the locked August.
    await labourCase(head, '2026-08-20T02:00:00Z');
    const august = await summaryFor(h.db, supervisor, period('2026-08'), KUL);
    expect(august.locked?.by).toBe('Siti Rahmawati');
    expect(august.flow.new).toBe(1);
    expect(august.newBy.category).toEqual({ labour: 1 });

    const september = await summaryFor(h.db, head, period('2026-09'), KUL);
    expect(september.locked).toBeUndefined();
    expect(september.corrections).toEqual(
      expect.arrayContaining([
        { month: '2026-08', table: 'flow', row: 'new', column: 'value', was: 1, now: 2 },
        { month: '2026-08', table: 'new_by_category', row: 'labour', column: 'cases', was: 1, now: 2 },
      ]),
    );
    // "all" is always today's figures
    expect((await summaryFor(h.db, supervisor, period('2026-08'), { kind: 'all' })).flow.new).toBe(2);

    const locked = await h.db.transaction((tx) => lockMonth(tx, head, '2026-09'));
    expect(locked.corrections).toBe(september.corrections!.length);
    expect((await summaryFor(h.db, head, period('2026-09'), KUL)).corrections).toEqual(september.corrections);
    // reported with September: not again with October, and August still reads as submitted
    expect((await summaryFor(h.db, head, period('2026-10'), KUL)).corrections).toEqual([]);
    expect((await summaryFor(h.db, head, period('2026-08'), KUL)).flow.new).toBe(1);
    const [row] = await h.db.select({ figures: monthLocks.figures }).from(monthLocks).where(eq(monthLocks.month, '2026-08'));
    expect((row!.figures as { flow: { new: number } }).flow.new).toBe(1);
  });

  it('show in the directorate’s overview, within the supervisor’s region', async () => {
    const all = await lockOverview(h.db, supervisor, 2026);
    expect(Object.keys(all.find((r) => r.code === 'KUL')!.months).sort()).toEqual(['2026-08', '2026-09']);
    expect(all.find((r) => r.code === 'JED')!.months).toEqual({});
    const gulf = await lockOverview(h.db, { ...supervisor, regionCountries: ['SA'] }, 2026);
    expect(gulf.map((r) => r.code)).toEqual(['JED', 'RUH']);
    expect(await lockOverview(h.db, supervisor, 2025).then((rows) => rows.every((r) => Object.keys(r.months).length === 0))).toBe(true);
    // an officer sees their own mission only
    expect((await lockOverview(h.db, jed, 2026)).map((r) => r.code)).toEqual(['JED']);
  });
});
