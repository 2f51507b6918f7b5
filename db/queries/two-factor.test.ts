import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { signInThrottles, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf } from '@/lib/testing/actors';
import { attemptSignIn } from './sessions';
import { beginTwoFactor, confirmTwoFactor, hasTwoFactor, resetTwoFactor, turnOffTwoFactor } from './two-factor';

describe.each(testDatabaseKinds())('two-step sign-in on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('is set up with a first code, then asked for at every sign-in; a wrong or reused code counts as a failure', async () => {
    const [row] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    const me = actorOf('supervisor', { id: row!.id, email: 'supervisor@payung.test' });
    const { secret, uri } = await beginTwoFactor(h.db, me);
    expect(uri).toContain('otpauth://totp/');
    // the stored secret is sealed
    const [stored] = await h.db.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, me.id!));
    expect(stored!.pending).not.toContain(secret);
    expect(await hasTwoFactor(h.db, me)).toBe(false);
    await expect(confirmTwoFactor(h.db, me, '000000')).rejects.toMatchObject({ fieldErrors: { code: ['errors.codeWrong'] } });
    const earlier = Math.floor(Date.now() / 1000) - 30;
    await confirmTwoFactor(h.db, me, await generate({ secret, epoch: earlier }));
    expect(await hasTwoFactor(h.db, me)).toBe(true);

    const sign = (code?: string) => attemptSignIn(h.db, { email: 'supervisor@payung.test', password: 'payung-demo', ip: '192.0.2.50', code });
    expect(await sign()).toEqual({ ok: false, reason: 'code_required' });
    expect(await sign('123456')).toMatchObject({ ok: false, reason: 'code_wrong' });
    const [throttle] = await h.db.select({ failures: signInThrottles.failures }).from(signInThrottles).where(eq(signInThrottles.email, 'supervisor@payung.test'));
    expect(throttle!.failures).toBe(1);
    const code = await generate({ secret });
    expect(await sign(code)).toMatchObject({ ok: true });
    // a code works once
    expect(await sign(code)).toMatchObject({ ok: false, reason: 'code_wrong' });
    // a wrong password is just wrong: the code is not even asked for
    expect(await attemptSignIn(h.db, { email: 'supervisor@payung.test', password: 'not-it', ip: '192.0.2.50' })).toMatchObject({ ok: false, reason: 'invalid' });

    // turned off with a current code, or by an administrator (a lost phone)
    await expect(turnOffTwoFactor(h.db, me, '000000')).rejects.toMatchObject({ code: 'invalid' });
    await resetTwoFactor(h.db, actorOf('admin'), me.id!);
    expect(await hasTwoFactor(h.db, me)).toBe(false);
    await expect(resetTwoFactor(h.db, actorOf('officer', { missionId: 1 }), me.id!)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
