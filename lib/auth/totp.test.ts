import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { matchCode, newTotpSecret, openSecret, sealSecret, totpUri, twoFactorRequired } from './totp';

describe('two-step sign-in', () => {
  it('seals secrets so that only the same server secret opens them', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', 'server-one');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, 'server-one')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(sealed, 'server-two')).toThrow();
  });

  it('accepts the current code and its neighbours once, and nothing else', async () => {
    const secret = newTotpSecret();
    const epoch = 1_800_000_000;
    const now = await generate({ secret, epoch });
    const step = await matchCode(secret, now, null, epoch);
    expect(step).toBe(Math.floor(epoch / 30));
    // a code works once: not again after its step was used
    expect(await matchCode(secret, now, step, epoch)).toBeNull();
    expect(await matchCode(secret, await generate({ secret, epoch: epoch - 30 }), null, epoch)).toBe(step! - 1);
    expect(await matchCode(secret, await generate({ secret, epoch: epoch - 90 }), null, epoch)).toBeNull();
    expect(await matchCode(secret, '12345', null, epoch)).toBeNull();
    expect(await matchCode(secret, `${now.slice(0, 3)} ${now.slice(3)}`, null, epoch)).toBe(step);
  });

  it('gives authenticator apps their address, and is required only where configured, of supervisors and admins', () => {
    expect(totpUri('a@kemlu.go.id', 'JBSWY3DPEHPK3PXP')).toMatch(/^otpauth:\/\/totp\/Payung:a%40kemlu\.go\.id\?.*secret=JBSWY3DPEHPK3PXP/);
    expect(twoFactorRequired('supervisor', { PAYUNG_REQUIRE_2FA: '1' } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(twoFactorRequired('admin', { PAYUNG_REQUIRE_2FA: '1' } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(twoFactorRequired('officer', { PAYUNG_REQUIRE_2FA: '1' } as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(twoFactorRequired('supervisor', {} as unknown as NodeJS.ProcessEnv)).toBe(false);
  });
});
