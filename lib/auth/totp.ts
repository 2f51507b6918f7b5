import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Role } from '@/lib/domain/users';
import { authSecret } from './secret';

/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits, 30 seconds), through
 * otplib. Secrets are stored sealed (AES-256-GCM, a key derived from AUTH_SECRET), so a copy of
 * the database alone does not give them away.
 */
const key = (secret: string) => createHash('sha256').update(`payung-totp:${secret}`).digest();

export function sealSecret(plain: string, secret = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

export function openSecret(sealed: string, secret = authSecret()): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(secret), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

export const newTotpSecret = () => generateSecret();

/** The address an authenticator app reads from the QR code. */
export const totpUri = (email: string, secret: string) => generateURI({ issuer: 'Payung', label: email, secret });

/**
 * The time step a code matched (the current one or the one either side, for clocks a little
 * apart), or null: a wrong code, or one no newer than the last accepted (`afterStep`) — a code
 * works once.
 */
export async function matchCode(secret: string, code: string, afterStep: number | null, epoch?: number): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}), ...(epoch !== undefined ? { epoch } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Where PAYUNG_REQUIRE_2FA=1: supervisors and admins (who see every case, or manage accounts) must use it. */
export function twoFactorRequired(role: Role, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PAYUNG_REQUIRE_2FA === '1' && (role === 'supervisor' || role === 'admin');
}
