import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { matchCode, newTotpSecret, openSecret, sealSecret, totpUri, twoFactorRequired } from '@/lib/auth/totp';
import { assertCan } from '@/lib/authz';
import { AppError, notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { users } from '../schema';
import type { Changes } from './audit';

const signedIn = (actor: Actor) => {
  if (!actor.id) throw new AppError('unauthenticated', 'errors.unauthenticated');
  return actor.id;
};

/** Whether the signed-in user uses two-step sign-in. */
export async function hasTwoFactor(conn: Conn, actor: Actor): Promise<boolean> {
  const [row] = await conn.select({ on: sql<boolean>`${users.totpSecret} IS NOT NULL` }).from(users).where(eq(users.id, signedIn(actor)));
  return row?.on ?? false;
}

/**
 * Starts setting up an authenticator app: a new secret, kept aside (sealed) until a first code
 * confirms it; the secret and the app's address, to show once as a QR code and a key.
 */
export async function beginTwoFactor(conn: Conn, actor: Actor): Promise<{ secret: string; uri: string }> {
  const id = signedIn(actor);
  const secret = newTotpSecret();
  await conn.update(users).set({ totpPendingSecret: sealSecret(secret) }).where(eq(users.id, id));
  return { secret, uri: totpUri(actor.email, secret) };
}

/** Turns two-step sign-in on with the first code the app shows. */
export async function confirmTwoFactor(conn: Conn, actor: Actor, code: string): Promise<{ changes: Changes }> {
  const id = signedIn(actor);
  const [row] = await conn.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, id)).for('update');
  if (!row?.pending) throw new AppError('invalid', 'errors.nothingToSetUp');
  const step = await matchCode(openSecret(row.pending), code, null);
  if (step === null) throw new AppError('invalid', 'errors.invalid', { code: ['errors.codeWrong'] });
  await conn.update(users).set({ totpSecret: row.pending, totpPendingSecret: null, totpLastStep: step }).where(eq(users.id, id));
  return { changes: { twoFactor: { before: false, after: true } } };
}

/** Turns it off with a current code; not where the user's role must keep it (PAYUNG_REQUIRE_2FA). */
export async function turnOffTwoFactor(conn: Conn, actor: Actor, code: string): Promise<{ changes: Changes }> {
  const id = signedIn(actor);
  if (twoFactorRequired(actor.role)) throw new AppError('forbidden', 'errors.twoFactorRequired');
  const [row] = await conn.select({ secret: users.totpSecret, last: users.totpLastStep }).from(users).where(eq(users.id, id)).for('update');
  if (!row?.secret) return { changes: {} };
  const step = await matchCode(openSecret(row.secret), code, row.last);
  if (step === null) throw new AppError('invalid', 'errors.invalid', { code: ['errors.codeWrong'] });
  await conn.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, id));
  return { changes: { twoFactor: { before: true, after: false } } };
}

/** An administrator turns off a user's two-step sign-in (a lost phone): they set it up again at their next sign-in where it is required. */
export async function resetTwoFactor(conn: Conn, actor: Actor, userId: string): Promise<{ changes: Changes }> {
  assertCan(actor, 'user:manage');
  const [row] = await conn.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, userId)).returning({ id: users.id });
  if (!row) throw notFound();
  return { changes: { twoFactor: { before: true, after: false } } };
}
