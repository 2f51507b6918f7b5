import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { attemptSignIn, endSession, resolveSession } from './sessions';

const MIN = 60_000;

describe.each(testDatabaseKinds())('sign-in and sessions on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('signs in with the right password and resolves the session to the user with their mission', async () => {
    const result = await attemptSignIn(h.db, { email: ' Officer.KUL@payung.test ', password: 'payung-demo', ip: '10.0.0.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const actor = await resolveSession(h.db, result.sessionId, '10.0.0.1');
    expect(actor).toMatchObject({ email: 'officer.kul@payung.test', role: 'officer', missionCode: 'KUL', timeZone: 'Asia/Kuala_Lumpur' });
  });

  it('refuses a wrong password without saying whether the address exists', async () => {
    const known = await attemptSignIn(h.db, { email: 'officer.jed@payung.test', password: 'wrong', ip: null });
    const unknown = await attemptSignIn(h.db, { email: 'nobody@payung.test', password: 'wrong', ip: null });
    expect(known).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an address for 15 minutes after five failures in a row, even for the right password', async () => {
    const t0 = new Date('2026-11-28T08:00:00Z');
    const email = 'officer.per@payung.test';
    const reasons = [];
    for (let i = 0; i < 5; i++) {
      const r = await attemptSignIn(h.db, { email, password: `wrong-${i}`, ip: null }, new Date(t0.getTime() + i * 1000));
      reasons.push(r.ok ? 'ok' : r.reason);
    }
    expect(reasons).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    const during = await attemptSignIn(h.db, { email, password: 'payung-demo', ip: null }, new Date(t0.getTime() + 14 * MIN));
    expect(during).toEqual({ ok: false, reason: 'locked' });
    const after = await attemptSignIn(h.db, { email, password: 'payung-demo', ip: null }, new Date(t0.getTime() + 16 * MIN));
    expect(after.ok).toBe(true);
    const actions = (await h.db.select({ action: auditEvents.action }).from(auditEvents)).map((r) => r.action);
    expect(actions).toContain('auth.locked_out');
    expect(actions).toContain('auth.sign_in_refused_locked');
  });

  it('locks an unknown address the same way, so lock-out reveals nothing', async () => {
    let last;
    for (let i = 0; i < 5; i++) last = await attemptSignIn(h.db, { email: 'ghost@payung.test', password: 'x', ip: null });
    expect(last).toEqual({ ok: false, reason: 'locked' });
  });

  it('a success resets the count of failures', async () => {
    const email = 'supervisor@payung.test';
    for (let i = 0; i < 4; i++) await attemptSignIn(h.db, { email, password: 'wrong', ip: null });
    expect((await attemptSignIn(h.db, { email, password: 'payung-demo', ip: null })).ok).toBe(true);
    const r = await attemptSignIn(h.db, { email, password: 'wrong', ip: null });
    expect(r).toEqual({ ok: false, reason: 'invalid' });
  });

  it('ends a session after 30 minutes idle and after 12 hours in all, and on sign-out', async () => {
    const t0 = new Date();
    const signIn = async () => {
      const r = await attemptSignIn(h.db, { email: 'auditor@payung.test', password: 'payung-demo', ip: null }, t0);
      if (!r.ok) throw new Error('sign-in failed');
      return r.sessionId;
    };
    const idle = await signIn();
    expect(await resolveSession(h.db, idle, null, new Date(t0.getTime() + 29 * MIN))).not.toBeNull();
    // activity at 29 minutes keeps it alive until 59
    expect(await resolveSession(h.db, idle, null, new Date(t0.getTime() + 58 * MIN))).not.toBeNull();
    expect(await resolveSession(h.db, idle, null, new Date(t0.getTime() + 89 * MIN))).toBeNull();

    const busy = await signIn();
    let now = t0.getTime();
    for (let i = 0; i < 24; i++) {
      now += 25 * MIN;
      const alive = await resolveSession(h.db, busy, null, new Date(now));
      if (now - t0.getTime() < 12 * 60 * MIN) expect(alive).not.toBeNull();
      else expect(alive).toBeNull();
    }

    const out = await signIn();
    await endSession(h.db, out);
    expect(await resolveSession(h.db, out, null)).toBeNull();
  });

  it('a deactivated user is refused on the very next request', async () => {
    const r = await attemptSignIn(h.db, { email: 'admin@payung.test', password: 'payung-demo', ip: null });
    if (!r.ok) throw new Error('sign-in failed');
    expect(await resolveSession(h.db, r.sessionId, null)).not.toBeNull();
    await h.db.update(users).set({ isActive: false }).where(eq(users.email, 'admin@payung.test'));
    expect(await resolveSession(h.db, r.sessionId, null)).toBeNull();
    expect(await attemptSignIn(h.db, { email: 'admin@payung.test', password: 'payung-demo', ip: null })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('ignores a malformed session id', async () => {
    expect(await resolveSession(h.db, "x' OR 1=1 --", null)).toBeNull();
  });
});
