import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf } from '@/lib/testing/actors';
import { createUserSchema, updateUserSchema } from '@/lib/validation/users';
import { listMissionsInScope } from './missions';
import { attemptSignIn, resolveSession } from './sessions';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users';

const admin = actorOf('admin');

describe('user schemas', () => {
  it('require a mission for officers and a strong, non-demo password', () => {
    const base = { email: 'a@b.id', name: 'A', role: 'officer', missionCode: '', regionCode: '', locale: '', password: 'long-enough-pass' };
    expect(createUserSchema.safeParse(base).error?.issues.map((i) => i.message)).toEqual(['validation.officerNeedsMission']);
    expect(createUserSchema.safeParse({ ...base, missionCode: 'KUL', password: 'short' }).error?.issues[0]?.message).toBe('validation.passwordTooShort');
    expect(createUserSchema.safeParse({ ...base, missionCode: 'KUL', password: 'payung-demo' }).error?.issues[0]?.message).toBe('validation.passwordTooShort');
    expect(createUserSchema.safeParse({ ...base, missionCode: 'kul', email: ' A@B.ID ' }).data).toMatchObject({ missionCode: 'KUL', email: 'a@b.id' });
  });

  it('parse the same on the server as in the browser (transforms are idempotent)', () => {
    const once = createUserSchema.parse({ email: ' X@Y.id', name: ' N ', role: 'supervisor', missionCode: 'kul', regionCode: '', locale: 'en', password: 'long-enough-pass' });
    expect(createUserSchema.parse(once)).toEqual(once);
  });
});

describe.each(testDatabaseKinds())('users and missions on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('creates an officer who can then sign in and belongs to their mission', async () => {
    const input = createUserSchema.parse({ email: 'new.officer@kemlu.go.id', name: 'Putri', role: 'officer', missionCode: 'SIN', regionCode: '', locale: 'en', password: 'a-strong-password' });
    const { id, changes } = await createUser(h.db, admin, input);
    expect(changes).toMatchObject({ email: { after: 'new.officer@kemlu.go.id' }, password: { after: '[set]' } });
    expect(JSON.stringify(changes)).not.toContain('a-strong-password');
    const signIn = await attemptSignIn(h.db, { email: 'new.officer@kemlu.go.id', password: 'a-strong-password', ip: null });
    if (!signIn.ok) throw new Error('sign-in failed');
    expect(await resolveSession(h.db, signIn.sessionId, null)).toMatchObject({ id, missionCode: 'SIN', locale: 'en', timeZone: 'Asia/Singapore' });
  });

  it('refuses a second account with the same address, whatever its case', async () => {
    const input = createUserSchema.parse({ email: 'NEW.OFFICER@kemlu.go.id', name: 'Other', role: 'auditor', missionCode: '', regionCode: '', locale: '', password: 'a-strong-password' });
    await expect(createUser(h.db, admin, input)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: ['validation.emailTaken'] } });
  });

  it('refuses an unknown mission code as a field error', async () => {
    const input = createUserSchema.parse({ email: 'x@kemlu.go.id', name: 'X', role: 'officer', missionCode: 'ZZZ', regionCode: '', locale: '', password: 'a-strong-password' });
    await expect(createUser(h.db, admin, input)).rejects.toMatchObject({ code: 'invalid', fieldErrors: { missionCode: ['validation.unknownMission'] } });
  });

  it('refuses a save made on an old version, with the current values', async () => {
    const [row] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'officer.jed@payung.test'));
    const user = (await getUser(h.db, admin, row!.id))!;
    const edit = (name: string, version: number) =>
      updateUserSchema.parse({ id: user.id, email: user.email, name, role: 'officer', missionCode: 'JED', regionCode: '', locale: '', isActive: true, version });
    const first = await updateUser(h.db, admin, edit('Ahmad Fauzi Rahman', user.version));
    expect(first.version).toBe(user.version + 1);
    expect(first.changes).toEqual({ name: { before: 'Ahmad Fauzi', after: 'Ahmad Fauzi Rahman' } });
    await expect(updateUser(h.db, admin, edit('Someone Else', user.version))).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'errors.staleVersion',
      details: { current: { name: 'Ahmad Fauzi Rahman' } },
    });
    expect((await getUser(h.db, admin, user.id))!.name).toBe('Ahmad Fauzi Rahman');
  });

  it('deactivating and resetting a password end the user’s sessions at once', async () => {
    const [row] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'officer.per@payung.test'));
    const s1 = await attemptSignIn(h.db, { email: 'officer.per@payung.test', password: 'payung-demo', ip: null });
    if (!s1.ok) throw new Error('sign-in failed');
    await resetPassword(h.db, admin, { id: row!.id, password: 'another-good-one', confirm: 'another-good-one' });
    expect(await resolveSession(h.db, s1.sessionId, null)).toBeNull();

    const s2 = await attemptSignIn(h.db, { email: 'officer.per@payung.test', password: 'another-good-one', ip: null });
    if (!s2.ok) throw new Error('sign-in failed');
    const user = (await getUser(h.db, admin, row!.id))!;
    await updateUser(h.db, admin, updateUserSchema.parse({ ...user, missionCode: 'PER', regionCode: '', locale: '', isActive: false }));
    expect(await resolveSession(h.db, s2.sessionId, null)).toBeNull();
  });

  it('only admins manage users', async () => {
    await expect(listUsers(h.db, actorOf('supervisor'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listUsers(h.db, actorOf('officer', { missionId: 1 }))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listUsers(h.db, admin, { q: 'kul' })).map((u) => u.email)).toEqual(['officer.kul@payung.test']);
    expect(await listUsers(h.db, admin, { q: '%' })).toEqual([]);
    expect((await listUsers(h.db, admin, { q: 'r.k' })).map((u) => u.email)).toEqual(['officer.kul@payung.test']);
  });

  it('scopes missions: an officer their own, a regional supervisor their region, an admin none', async () => {
    const all = await listMissionsInScope(h.db, actorOf('supervisor'));
    expect(all.length).toBeGreaterThanOrEqual(25);
    const kul = all.find((m) => m.code === 'KUL')!;
    expect((await listMissionsInScope(h.db, actorOf('officer', { missionId: kul.id }))).map((m) => m.code)).toEqual(['KUL']);
    const gulf = await listMissionsInScope(h.db, actorOf('supervisor', { regionCountries: ['SA', 'AE'] }));
    expect(gulf.map((m) => m.code).sort()).toEqual(['AUH', 'DXB', 'JED', 'RUH']);
    await expect(listMissionsInScope(h.db, admin)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
