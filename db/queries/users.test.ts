import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents, passwordLinks, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf } from '@/lib/testing/actors';
import { systemActor } from '@/lib/actor';
import { createUserSchema, setPasswordSchema, updateUserSchema } from '@/lib/validation/users';
import { listMissionsInScope } from './missions';
import { attemptSignIn, resolveSession } from './sessions';
import { confirmRole, createUser, getUser, listUsers, resetPassword, setPasswordWithLink, updateUser } from './users';

const admin = actorOf('admin');

describe('user schemas', () => {
  it('require a mission for officers; a password set through a link must be strong, not the demo one, and typed twice alike', () => {
    const base = { email: 'a@b.id', name: 'A', role: 'officer', missionCode: '', regionCode: '', locale: '' };
    expect(createUserSchema.safeParse(base).error?.issues.map((i) => i.message)).toEqual(['validation.officerNeedsMission']);
    expect(createUserSchema.safeParse({ ...base, missionCode: 'kul', email: ' A@B.ID ' }).data).toMatchObject({ missionCode: 'KUL', email: 'a@b.id' });
    // an administrator's form has no password to give
    expect(createUserSchema.parse({ ...base, missionCode: 'KUL', password: 'long-enough-pass' })).not.toHaveProperty('password');
    const token = 'a'.repeat(43);
    expect(setPasswordSchema.safeParse({ token, password: 'short', confirm: 'short' }).error?.issues[0]?.message).toBe('validation.passwordTooShort');
    expect(setPasswordSchema.safeParse({ token, password: 'payung-demo', confirm: 'payung-demo' }).error?.issues[0]?.message).toBe('validation.passwordTooShort');
    expect(setPasswordSchema.safeParse({ token, password: 'long-enough-pass', confirm: 'long-enough-pasS' }).error?.issues[0]?.message).toBe('validation.passwordsDiffer');
    expect(setPasswordSchema.safeParse({ token: 'x/../y', password: 'long-enough-pass', confirm: 'long-enough-pass' }).error?.issues[0]?.message).toBe('errors.passwordLinkInvalid');
  });

  it('parse the same on the server as in the browser (transforms are idempotent)', () => {
    const once = createUserSchema.parse({ email: ' X@Y.id', name: ' N ', role: 'supervisor', missionCode: 'kul', regionCode: '', locale: 'en' });
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

  it('creates an officer who sets their own password through a one-time link, then signs in at their mission', async () => {
    const input = createUserSchema.parse({ email: 'new.officer@kemlu.go.id', name: 'Putri', role: 'officer', missionCode: 'SIN', regionCode: '', locale: 'en' });
    const { id, changes, token } = await createUser(h.db, admin, input);
    expect(changes).toMatchObject({ email: { after: 'new.officer@kemlu.go.id' }, password: { after: '[link issued]' } });
    expect(JSON.stringify(changes)).not.toContain(token!);
    // only the token's hash is kept
    expect(JSON.stringify(await h.db.select().from(passwordLinks))).not.toContain(token!);
    await h.db.transaction((tx) => setPasswordWithLink(tx, { token: token!, password: 'a-strong-password', ip: '192.0.2.4' }));
    await expect(h.db.transaction((tx) => setPasswordWithLink(tx, { token: token!, password: 'another-password', ip: null }))).rejects.toMatchObject({ messageKey: 'errors.passwordLinkInvalid' });
    const [audit] = await h.db.select({ action: auditEvents.action, actorId: auditEvents.actorId, changes: auditEvents.changes }).from(auditEvents).where(eq(auditEvents.action, 'user.set_password'));
    expect(audit).toMatchObject({ actorId: id });
    expect(JSON.stringify(audit)).not.toContain('a-strong-password');
    const signIn = await attemptSignIn(h.db, { email: 'new.officer@kemlu.go.id', password: 'a-strong-password', ip: null });
    if (!signIn.ok) throw new Error('sign-in failed');
    expect(await resolveSession(h.db, signIn.sessionId, null)).toMatchObject({ id, missionCode: 'SIN', locale: 'en', timeZone: 'Asia/Singapore' });
  });

  it('refuses a second account with the same address, whatever its case', async () => {
    const input = createUserSchema.parse({ email: 'NEW.OFFICER@kemlu.go.id', name: 'Other', role: 'auditor', missionCode: '', regionCode: '', locale: '' });
    await expect(createUser(h.db, admin, input)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: ['validation.emailTaken'] } });
  });

  it('refuses an unknown mission code as a field error', async () => {
    const input = createUserSchema.parse({ email: 'x@kemlu.go.id', name: 'X', role: 'officer', missionCode: 'ZZZ', regionCode: '', locale: '' });
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
    const { token } = await resetPassword(h.db, admin, { id: row!.id });
    expect(await resolveSession(h.db, s1.sessionId, null)).toBeNull();
    // the old password stops working at once; the link sets the new one
    expect((await attemptSignIn(h.db, { email: 'officer.per@payung.test', password: 'payung-demo', ip: null })).ok).toBe(false);
    await h.db.transaction((tx) => setPasswordWithLink(tx, { token, password: 'another-good-one', ip: null }));

    const s2 = await attemptSignIn(h.db, { email: 'officer.per@payung.test', password: 'another-good-one', ip: null });
    if (!s2.ok) throw new Error('sign-in failed');
    const user = (await getUser(h.db, admin, row!.id))!;
    await updateUser(h.db, admin, updateUserSchema.parse({ ...user, missionCode: 'PER', regionCode: '', locale: '', isActive: false }));
    expect(await resolveSession(h.db, s2.sessionId, null)).toBeNull();
  });

  it('a supervisor or admin role needs a second administrator: created inactive, raised only on confirmation, never by the one who asked', async () => {
    const [first] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@payung.test'));
    const one = actorOf('admin', { id: first!.id, email: 'admin@payung.test' });
    const { id: secondId } = await createUser(h.db, systemActor, createUserSchema.parse({ email: 'admin2@kemlu.go.id', name: 'Second', role: 'admin', missionCode: '', regionCode: '', locale: '' }), { password: 'second-admin-pass' });
    const two = actorOf('admin', { id: secondId, email: 'admin2@kemlu.go.id' });

    const created = await createUser(h.db, one, createUserSchema.parse({ email: 'new.sup@kemlu.go.id', name: 'Sup', role: 'supervisor', missionCode: '', regionCode: '', locale: '' }));
    expect(created.pendingRole).toBe('supervisor');
    await h.db.transaction((tx) => setPasswordWithLink(tx, { token: created.token!, password: 'supervisor-pass-1', ip: null }));
    // inactive until confirmed: no sign-in, and ticking "active" does not activate it
    expect((await attemptSignIn(h.db, { email: 'new.sup@kemlu.go.id', password: 'supervisor-pass-1', ip: null })).ok).toBe(false);
    let sup = (await getUser(h.db, one, created.id))!;
    await updateUser(h.db, one, updateUserSchema.parse({ ...sup, missionCode: '', regionCode: '', locale: '', isActive: true }));
    sup = (await getUser(h.db, one, created.id))!;
    expect(sup).toMatchObject({ isActive: false, pendingRole: 'supervisor', pendingRoleBy: one.id });
    await expect(confirmRole(h.db, one, { id: sup.id, version: sup.version })).rejects.toMatchObject({ code: 'forbidden', messageKey: 'errors.secondAdminNeeded' });
    expect((await confirmRole(h.db, two, { id: sup.id, version: sup.version })).changes).toEqual({ isActive: { before: false, after: true } });
    expect((await attemptSignIn(h.db, { email: 'new.sup@kemlu.go.id', password: 'supervisor-pass-1', ip: null })).ok).toBe(true);

    // an officer raised to supervisor stays an officer, at their mission, until another admin confirms
    const [kulRow] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'officer.kul@payung.test'));
    const kul = (await getUser(h.db, one, kulRow!.id))!;
    await updateUser(h.db, one, updateUserSchema.parse({ ...kul, role: 'supervisor', missionCode: 'KUL', regionCode: '', locale: '' }));
    const raised = (await getUser(h.db, one, kul.id))!;
    expect(raised).toMatchObject({ role: 'officer', missionCode: 'KUL', pendingRole: 'supervisor', isActive: true });
    await confirmRole(h.db, two, { id: raised.id, version: raised.version });
    expect((await getUser(h.db, one, kul.id))!).toMatchObject({ role: 'supervisor', missionCode: null, pendingRole: null });
    await expect(confirmRole(h.db, two, { id: raised.id, version: raised.version + 1 })).rejects.toMatchObject({ messageKey: 'errors.nothingToConfirm' });
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
