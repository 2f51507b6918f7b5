import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { SOURCE_FAILURES, SOURCE_WINDOW_MS, attemptSignIn, endSession, resolveSession, waitAfter } from './sessions';

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

  it('makes one source wait after five failures in a row, longer each time, while the owner signs in from elsewhere', async () => {
    const t0 = new Date('2026-11-28T08:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const email = 'officer.per@payung.test';
    const from = (ip: string, password: string, when: Date) => attemptSignIn(h.db, { email, password, ip }, when);
    const reasons = [];
    for (let i = 0; i < 5; i++) reasons.push(((r) => (r.ok ? 'ok' : r.reason))(await from('198.51.100.66', `wrong-${i}`, at(i * 1000))));
    expect(reasons).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    // The attacker's place waits a minute, even with the right password…
    expect(await from('198.51.100.66', 'payung-demo', at(30_000))).toEqual({ ok: false, reason: 'locked' });
    // …the owner, elsewhere, is not kept out.
    expect((await from('203.0.113.5', 'payung-demo', at(31_000))).ok).toBe(true);
    // After the wait, another failure makes the next wait two minutes.
    expect(await from('198.51.100.66', 'wrong-again', at(5000 + 61_000))).toEqual({ ok: false, reason: 'locked' });
    expect(await from('198.51.100.66', 'payung-demo', at(5000 + 61_000 + 119_000))).toEqual({ ok: false, reason: 'locked' });
    expect((await from('198.51.100.66', 'payung-demo', at(5000 + 61_000 + 121_000))).ok).toBe(true);
    const actions = (await h.db.select({ action: auditEvents.action }).from(auditEvents)).map((r) => r.action);
    expect(actions).toContain('auth.locked_out');
    expect(actions).toContain('auth.sign_in_refused_locked');
  });

  it('makes an unknown address wait the same way, so waiting reveals nothing', async () => {
    let last;
    for (let i = 0; i < 5; i++) last = await attemptSignIn(h.db, { email: 'ghost@payung.test', password: 'x', ip: '198.51.100.67' });
    expect(last).toEqual({ ok: false, reason: 'locked' });
  });

  it('makes a source that fails across many addresses wait, whatever address it tries next', async () => {
    const t0 = new Date('2026-11-28T09:00:00Z');
    for (let i = 0; i < SOURCE_FAILURES; i++) await attemptSignIn(h.db, { email: `guess-${i}@payung.test`, password: 'x', ip: '198.51.100.99' }, new Date(t0.getTime() + i));
    expect(await attemptSignIn(h.db, { email: 'auditor@payung.test', password: 'payung-demo', ip: '198.51.100.99' }, new Date(t0.getTime() + 60_000))).toEqual({ ok: false, reason: 'locked' });
    expect((await attemptSignIn(h.db, { email: 'auditor@payung.test', password: 'payung-demo', ip: '198.51.100.100' }, new Date(t0.getTime() + 60_000))).ok).toBe(true);
    // The next window starts afresh.
    expect((await attemptSignIn(h.db, { email: 'auditor@payung.test', password: 'payung-demo', ip: '198.51.100.99' }, new Date(t0.getTime() + SOURCE_WINDOW_MS))).ok).toBe(true);
  });

  it('waits 1, 2, 4, 8 and then 15 minutes at most', () => {
    expect([4, 5, 6, 7, 8, 9, 12].map((n) => waitAfter(n) / 60_000)).toEqual([0, 1, 2, 4, 8, 15, 15]);
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
