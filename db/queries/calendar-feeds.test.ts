import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { emptyProceeding, hearingSchema, proceedingSchema } from '@/lib/validation/legal';
import { updateUserSchema } from '@/lib/validation/users';
import { missions, regions, users } from '../schema';
import { createFeed, listOwnFeeds, readFeed, revokeFeed } from './calendar-feeds';
import { createCase, getCase } from './cases';
import { addHearing, createProceeding } from './legal';
import { getUser, resetPassword, updateUser } from './users';
import { intakeFacts } from '@/lib/testing/intake';

const NOW = new Date('2026-11-29T08:00:00Z');

describe.each(testDatabaseKinds())('calendar feeds on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  let kulId: number;
  let jedId: number;

  /** A KUL or JED case with one proceeding and one hearing at the given court-local time. */
  async function caseWithHearing(officer: Actor, startsAt: string, timeZone: string) {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'criminal', narrative: 'Held on remand', subjects: [{ ...emptySubject, fullName: 'Nama Rahasia' }] });
    const { id, reference } = await h.db.transaction((tx) => createCase(tx, officer, input));
    const c = (await getCase(h.db, officer, id))!;
    const { id: proceedingId } = await createProceeding(
      h.db,
      officer,
      proceedingSchema.parse({ ...emptyProceeding({ caseId: id, version: c.version, courtTimeZone: timeZone }), partyId: c.parties[0]!.id, jurisdiction: 'host', role: 'defendant', court: 'Sessions Court', isDetained: true }),

    );
    await addHearing(h.db, officer, hearingSchema.parse({ proceedingId, startsAt, timeZone, court: '', purpose: 'Mention' }));
    return reference;
  }

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    kulId = kul.missionId!;
    jedId = jed.missionId!;
  });
  afterAll(() => h?.close());

  it('answers with the mission’s hearings in its window only, and nothing once revoked', async () => {
    const soon = await caseWithHearing(kul, '2026-12-03T09:30', 'Asia/Kuala_Lumpur');
    const farAhead = await caseWithHearing(kul, '2028-01-10T09:00', 'Asia/Kuala_Lumpur');
    const elsewhere = await caseWithHearing(jed, '2026-12-04T10:00', 'Asia/Riyadh');

    const { id, token } = await createFeed(h.db, kul, kulId, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const content = (await readFeed(h.db, token, NOW))!;
    expect(content.mission.code).toBe('KUL');
    const refs = content.hearings.map((x) => x.reference);
    expect(refs).toContain(soon);
    expect(refs).not.toContain(farAhead);
    expect(refs).not.toContain(elsewhere);
    expect((await listOwnFeeds(h.db, kul))[0]).toMatchObject({ id, missionCode: 'KUL', lastUsedAt: NOW });

    await revokeFeed(h.db, kul, id);
    expect(await readFeed(h.db, token, NOW)).toBeNull();
    expect(await listOwnFeeds(h.db, kul)).toEqual([]);
  });

  it('keeps only the hash, refuses malformed and unknown tokens, and replaces a mission’s earlier address', async () => {
    const first = await createFeed(h.db, kul, kulId, NOW);
    const second = await createFeed(h.db, kul, kulId, NOW);
    expect(await readFeed(h.db, first.token, NOW)).toBeNull();
    expect(await readFeed(h.db, second.token, NOW)).not.toBeNull();
    const stored = JSON.stringify(await h.db.execute('SELECT * FROM calendar_feeds'));
    expect(stored).not.toContain(second.token);
    expect(await readFeed(h.db, 'x'.repeat(43), NOW)).toBeNull();
    expect(await readFeed(h.db, "' OR 1=1 --", NOW)).toBeNull();
    // A user revokes only their own addresses.
    await expect(revokeFeed(h.db, jed, second.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is refused for a mission outside the user’s scope, and stops when the user leaves it or is deactivated', async () => {
    await expect(createFeed(h.db, kul, jedId, NOW)).rejects.toMatchObject({ code: 'not_found' });
    const { token } = await createFeed(h.db, jed, jedId, NOW);
    expect(await readFeed(h.db, token, NOW)).not.toBeNull();

    await h.db.update(users).set({ missionId: kulId }).where(eq(users.id, jed.id!));
    expect(await readFeed(h.db, token, NOW)).toBeNull();
    await h.db.update(users).set({ missionId: jedId }).where(eq(users.id, jed.id!));
    expect(await readFeed(h.db, token, NOW)).not.toBeNull();

    await h.db.update(users).set({ isActive: false }).where(eq(users.id, jed.id!));
    expect(await readFeed(h.db, token, NOW)).toBeNull();
    await h.db.update(users).set({ isActive: true }).where(eq(users.id, jed.id!));
  });

  it('stops for good when its owner’s password is reset or the account deactivated, even once reactivated', async () => {
    const [a] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@payung.test'));
    const admin = actorOf('admin', { id: a!.id });
    const afterReset = await createFeed(h.db, jed, jedId, NOW);
    await resetPassword(h.db, admin, { id: jed.id! });
    expect(await readFeed(h.db, afterReset.token, NOW)).toBeNull();

    const afterDeactivation = await createFeed(h.db, jed, jedId, NOW);
    expect(await readFeed(h.db, afterDeactivation.token, NOW)).not.toBeNull();
    const user = (await getUser(h.db, admin, jed.id!))!;
    await updateUser(h.db, admin, updateUserSchema.parse({ ...user, missionCode: 'JED', regionCode: '', locale: '', isActive: false }));
    const again = (await getUser(h.db, admin, jed.id!))!;
    await updateUser(h.db, admin, updateUserSchema.parse({ ...again, missionCode: 'JED', regionCode: '', locale: '', isActive: true }));
    expect(await readFeed(h.db, afterDeactivation.token, NOW)).toBeNull();
    expect(await listOwnFeeds(h.db, jed)).toEqual([]);
  });

  it('follows a region-limited supervisor’s region', async () => {
    const [sup] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    const supervisor = actorOf('supervisor', { id: sup!.id });
    const { token } = await createFeed(h.db, supervisor, jedId, NOW);
    expect((await readFeed(h.db, token, NOW))!.mission.code).toBe('JED');

    const [malaysia] = await h.db.insert(regions).values({ code: 'TEST-MY', nameEn: 'Malaysia', nameId: 'Malaysia', countries: ['MY'] }).returning({ id: regions.id });
    await h.db.update(users).set({ regionId: malaysia!.id }).where(eq(users.id, sup!.id));
    expect(await readFeed(h.db, token, NOW)).toBeNull();
    await expect(createFeed(h.db, { ...supervisor, regionCountries: ['MY'] }, jedId, NOW)).rejects.toMatchObject({ code: 'not_found' });
    const [kulMission] = await h.db.select({ id: missions.id }).from(missions).where(eq(missions.code, 'KUL'));
    const { token: kulToken } = await createFeed(h.db, { ...supervisor, regionCountries: ['MY'] }, kulMission!.id, NOW);
    expect((await readFeed(h.db, kulToken, NOW))!.mission.code).toBe('KUL');
    await h.db.update(users).set({ regionId: null }).where(eq(users.id, sup!.id));
  });
});
