import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Actor, DIRECTORATE_TIME_ZONE } from '@/lib/actor';
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password';
import { matchCode, openSecret } from '@/lib/auth/totp';
import type { Conn } from '../index';
import { missions, rateLimits, regions, sessions, signInThrottles, users } from '../schema';
import { appendAudit } from './audit';

/** Failures in a row from one source, for one address, before that source has to wait. */
export const MAX_FAILURES = 5;
/** The longest wait: 1 minute after the fifth failure in a row, doubling with each further one, up to this. */
export const LOCK_MINUTES = 15;
/** Failures from one source across every address, in a window of SOURCE_WINDOW_MS, before it waits for the next window. */
export const SOURCE_FAILURES = 30;
export const SOURCE_WINDOW_MS = 10 * 60_000;
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_SECONDS = 60;

/** `code_required`: the password was right and the account uses two-step sign-in; `code_wrong`: its code was not (counted as a failure). */
export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: 'invalid' | 'locked' | 'code_required' | 'code_wrong' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** How long a source waits after `failures` in a row for one address. */
export function waitAfter(failures: number): number {
  return failures < MAX_FAILURES ? 0 : Math.min(LOCK_MINUTES, 2 ** (failures - MAX_FAILURES)) * 60_000;
}

/**
 * Checks a password and opens a server-side session. Failures are counted per address and
 * source (the client's address), whether or not an account has the address, and the answer never
 * tells whether it exists: after five in a row that source waits a minute, then two, four… up to
 * fifteen, while the account's owner signs in from anywhere else. A source that fails thirty
 * times in ten minutes across any addresses waits for the next ten minutes. Kept in the
 * database, so limits hold across app instances.
 */
export async function attemptSignIn(
  conn: Conn,
  input: { email: string; password: string; ip: string | null; code?: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const source = input.ip ?? 'unknown';
  const who = { id: null, email, ip: input.ip };
  const sourceKey = `sign-in-failures:${source}`;
  const sourceWindow = new Date(Math.floor(now.getTime() / SOURCE_WINDOW_MS) * SOURCE_WINDOW_MS);

  const [[throttle], [fromSource]] = await Promise.all([
    conn.select().from(signInThrottles).where(and(eq(signInThrottles.email, email), eq(signInThrottles.source, source))),
    conn.select({ count: rateLimits.count }).from(rateLimits).where(and(eq(rateLimits.key, sourceKey), eq(rateLimits.windowStart, sourceWindow))),
  ]);
  if ((fromSource?.count ?? 0) >= SOURCE_FAILURES) {
    await appendAudit(conn, who, { action: 'auth.sign_in_refused_source', details: { until: new Date(sourceWindow.getTime() + SOURCE_WINDOW_MS).toISOString() } });
    return { ok: false, reason: 'locked' };
  }
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await appendAudit(conn, who, { action: 'auth.sign_in_refused_locked', details: { lockedUntil: throttle.lockedUntil.toISOString() } });
    return { ok: false, reason: 'locked' };
  }

  const [user] = await conn
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive, totpSecret: users.totpSecret, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // Two-step sign-in: with the right password, the code from the user's authenticator app.
  let step: number | null = null;
  let codeWrong = false;
  if (user && user.isActive && passwordOk && user.totpSecret) {
    if (!input.code) return { ok: false, reason: 'code_required' };
    step = await matchCode(openSecret(user.totpSecret), input.code, user.totpLastStep, now.getTime() / 1000);
    codeWrong = step === null;
  }

  if (user && user.isActive && passwordOk && !codeWrong) {
    return conn.transaction(async (tx) => {
      await tx.delete(signInThrottles).where(and(eq(signInThrottles.email, email), eq(signInThrottles.source, source)));
      if (step !== null) await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
      const [session] = await tx.insert(sessions).values({ userId: user.id, createdAt: now, lastSeenAt: now, ip: input.ip }).returning({ id: sessions.id });
      await appendAudit(tx, { id: user.id, email, ip: input.ip }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
      return { ok: true as const, userId: user.id, sessionId: session!.id };
    });
  }

  return conn.transaction(async (tx) => {
    // Failures in a row keep counting until a success: each wait is longer than the last.
    const failures = (throttle?.failures ?? 0) + 1;
    const wait = waitAfter(failures);
    const lockedUntil = wait ? new Date(now.getTime() + wait) : null;
    await tx
      .insert(signInThrottles)
      .values({ email, source, failures, lockedUntil, lastFailureAt: now })
      .onConflictDoUpdate({ target: [signInThrottles.email, signInThrottles.source], set: { failures, lockedUntil, lastFailureAt: now } });
    await tx
      .insert(rateLimits)
      .values({ key: sourceKey, windowStart: sourceWindow, count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } });
    await appendAudit(tx, who, {
      action: lockedUntil ? 'auth.locked_out' : 'auth.sign_in_failed',
      entityType: user ? 'user' : undefined,
      entityId: user?.id,
      details: { failures, ...(lockedUntil ? { waitMinutes: wait / 60_000 } : {}), ...(user && !user.isActive ? { inactive: true } : {}), ...(codeWrong ? { code: 'wrong' } : {}) },
    });
    return { ok: false as const, reason: lockedUntil ? ('locked' as const) : codeWrong ? ('code_wrong' as const) : ('invalid' as const) };
  });
}

/**
 * The acting user behind a session id, or null when the session has ended, been idle for
 * 30 minutes, is older than 12 hours, or its user was deactivated.
 */
export async function resolveSession(conn: Conn, sessionId: string, ip: string | null, now: Date = new Date()): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await conn
    .select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(missions, eq(missions.id, users.missionId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.endedAt),
        eq(users.isActive, true),
        gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_MINUTES * 60_000)),
        gt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_HOURS * 3_600_000)),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_SECONDS * 1000) {
    await conn.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return toActor(row, sessionId, ip);
}

const actorColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  isMissionHead: users.isMissionHead,
  missionId: users.missionId,
  missionCode: missions.code,
  missionTimeZone: missions.timeZone,
  regionCode: regions.code,
  regionCountries: regions.countries,
};

function toActor(row: { [K in keyof typeof actorColumns]: (typeof actorColumns)[K]['_']['data'] | null }, sessionId: string | null, ip: string | null): Actor {
  return {
    id: row.userId!,
    email: row.email!,
    name: row.name!,
    role: row.role!,
    missionId: row.missionId,
    missionCode: row.missionCode,
    timeZone: row.missionTimeZone ?? DIRECTORATE_TIME_ZONE,
    regionCountries: row.regionCountries,
    regionCode: row.regionCode,
    locale: row.locale,
    isMissionHead: row.role === 'officer' && !!row.isMissionHead,
    sessionId,
    ip,
  };
}

/**
 * A user as an actor outside a request — the background export of a file they asked for —
 * with their rights as they are now; null once deactivated.
 */
export async function actorOfUser(conn: Conn, userId: string): Promise<Actor | null> {
  const [row] = await conn
    .select(actorColumns)
    .from(users)
    .leftJoin(missions, eq(missions.id, users.missionId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  return row ? toActor(row, null, null) : null;
}

export async function endSession(conn: Conn, sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await conn.transaction(async (tx) => {
    const [ended] = await tx
      .update(sessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
      .returning({ userId: sessions.userId });
    if (!ended) return;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, ended.userId));
    await appendAudit(tx, { id: ended.userId, email: user?.email ?? null, ip: null }, { action: 'auth.sign_out', entityType: 'user', entityId: ended.userId });
  });
}

/** Ends every open session of a user (deactivation, password reset). */
export async function endSessionsOfUser(conn: Conn, userId: string): Promise<void> {
  await conn.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
