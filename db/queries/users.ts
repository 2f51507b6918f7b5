import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCan, missionScope } from '@/lib/authz';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput } from '@/lib/validation/users';
import type { Conn } from '../index';
import { type Locale, type Role, missions, passwordLinks, regions, users } from '../schema';
import { type AuditActor, type Changes, appendAudit, diffChanges } from './audit';
import { revokeFeedsOfUser } from './calendar-feeds';
import { endSessionsOfUser } from './sessions';

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: Role;
  missionCode: string | null;
  regionCode: string | null;
  locale: Locale | null;
  isActive: boolean;
  isMissionHead: boolean;
  /** a supervisor or admin role waiting for a second administrator (ELEVATED_ROLES) */
  pendingRole: Role | null;
  pendingRoleBy: string | null;
  /** uses two-step sign-in (lib/auth/totp.ts) */
  hasTwoFactor: boolean;
}

export interface UserDetail extends UserListItem {
  version: number;
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  missionCode: missions.code,
  regionCode: regions.code,
  locale: users.locale,
  isActive: users.isActive,
  isMissionHead: users.isMissionHead,
  pendingRole: users.pendingRole,
  pendingRoleBy: users.pendingRoleBy,
  hasTwoFactor: sql<boolean>`${users.totpSecret} IS NOT NULL`,
};

/** Roles that see every case or manage accounts: given only when a second administrator confirms. */
export const ELEVATED_ROLES: readonly Role[] = ['supervisor', 'admin'];
const isElevated = (role: Role) => ELEVATED_ROLES.includes(role);

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A password no one knows: an account that must set its own through a link. */
const unknownPasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

/**
 * A one-time link's token (the address is /set-password/<token>): works once, for 24 hours;
 * the user's older links stop working. Only its hash is stored.
 */
async function issuePasswordLink(conn: Conn, actor: Actor, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await conn.update(passwordLinks).set({ usedAt: sql`now()` }).where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)));
  await conn.insert(passwordLinks).values({ userId, tokenHash: sha256(token), createdBy: actor.id, expiresAt: sql`now() + interval '24 hours'` });
  return token;
}

export async function listUsers(conn: Conn, actor: Actor, opts: { q?: string } = {}): Promise<UserListItem[]> {
  assertCan(actor, 'user:manage');
  const q = opts.q?.trim();
  // The search text is matched literally: % and _ typed by the user are not wildcards.
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '';
  return conn
    .select(columns)
    .from(users)
    .leftJoin(missions, eq(missions.id, users.missionId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(q ? or(ilike(users.name, pattern), ilike(users.email, pattern), eq(missions.code, q.toUpperCase())) : undefined)
    .orderBy(sql`${users.isActive} DESC`, asc(users.name));
}

export async function getUser(conn: Conn, actor: Actor, id: string): Promise<UserDetail | null> {
  assertCan(actor, 'user:manage');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await conn
    .select({ ...columns, version: users.version })
    .from(users)
    .leftJoin(missions, eq(missions.id, users.missionId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** Resolves the codes a form sends to ids; an unknown code is a field error. */
async function resolveRefs(conn: Conn, input: { role: Role; missionCode: string; regionCode: string }) {
  let missionId: number | null = null;
  let regionId: number | null = null;
  if (input.missionCode && input.role === 'officer') {
    const [m] = await conn.select({ id: missions.id }).from(missions).where(eq(missions.code, input.missionCode));
    if (!m) throw new AppError('invalid', 'errors.invalid', { missionCode: ['validation.unknownMission'] });
    missionId = m.id;
  }
  if (input.regionCode && input.role === 'supervisor') {
    const [r] = await conn.select({ id: regions.id }).from(regions).where(eq(regions.code, input.regionCode));
    if (!r) throw new AppError('invalid', 'errors.invalid', { regionCode: ['validation.unknownRegion'] });
    regionId = r.id;
  }
  return { missionId, regionId };
}

function duplicateEmail(): AppError {
  return new AppError('conflict', 'errors.emailTaken', { email: ['validation.emailTaken'] });
}

async function assertEmailFree(conn: Conn, email: string, exceptId?: string) {
  const [other] = await conn.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (other && other.id !== exceptId) throw duplicateEmail();
}

/**
 * A new account. From the admin pages (no `password`): the password is the user's own, set
 * through the one-time link returned (`token`); a supervisor or admin account stays inactive
 * until a second administrator confirms its role (confirmRole). The demo seed and tests give
 * a password and a role outright.
 */
export async function createUser(
  conn: Conn,
  actor: Actor,
  input: CreateUserInput,
  opts: { password?: string; isDemoPassword?: boolean } = {},
): Promise<{ id: string; changes: Changes; token: string | null; pendingRole: Role | null }> {
  assertCan(actor, 'user:manage');
  await assertEmailFree(conn, input.email);
  const refs = await resolveRefs(conn, input);
  const pending = !opts.password && isElevated(input.role);
  const row = {
    email: input.email,
    name: input.name,
    role: input.role,
    ...refs,
    locale: input.locale || null,
    isActive: !pending,
    isMissionHead: input.role === 'officer' && input.isMissionHead,
  };
  const [created] = await conn
    .insert(users)
    .values({
      ...row,
      passwordHash: opts.password ? await hashPassword(opts.password) : await unknownPasswordHash(),
      hasDemoPassword: opts.isDemoPassword ?? false,
      ...(pending ? { pendingRole: input.role, pendingRoleBy: actor.id, pendingActivates: true } : {}),
    })
    .returning({ id: users.id });
  const token = opts.password ? null : await issuePasswordLink(conn, actor, created!.id);
  return {
    id: created!.id,
    changes: { ...diffChanges(null, row), ...(pending ? { pendingRole: { before: null, after: input.role } } : {}), password: { before: null, after: opts.password ? '[set]' : '[link issued]' } },
    token,
    pendingRole: pending ? input.role : null,
  };
}

/**
 * Saves an edit made on version `input.version`; refused with the current values when
 * someone saved in between. Deactivating ends the user's sessions at once.
 */
export async function updateUser(conn: Conn, actor: Actor, input: UpdateUserInput): Promise<{ version: number; changes: Changes }> {
  assertCan(actor, 'user:manage');
  const [before] = await conn
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      missionId: users.missionId,
      regionId: users.regionId,
      locale: users.locale,
      isActive: users.isActive,
      isMissionHead: users.isMissionHead,
      pendingRole: users.pendingRole,
      pendingActivates: users.pendingActivates,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, input.id))
    .for('update');
  if (!before) throw notFound();
  if (before.version !== input.version) {
    const current = await getUser(conn, actor, input.id);
    throw staleVersion({ current });
  }
  if (input.id === actor.id && (!input.isActive || input.role !== 'admin')) {
    // An admin cannot lock themselves out; another admin must do it.
    throw new AppError('invalid', 'errors.cannotDemoteSelf');
  }
  await assertEmailFree(conn, input.email, input.id);
  const refs = await resolveRefs(conn, input);
  // Raising someone to supervisor or admin waits for a second administrator: the role they
  // have (and its mission) stays until then. Another role asked for instead drops the wait.
  const elevating = input.role !== before.role && isElevated(input.role);
  const row = {
    email: input.email,
    name: input.name,
    role: elevating ? before.role : input.role,
    ...(elevating ? { missionId: before.missionId, regionId: refs.regionId } : refs),
    locale: input.locale || null,
    // An account created waiting for its role is activated by the confirmation, not by a tick.
    isActive: before.pendingActivates ? false : input.isActive,
    isMissionHead: elevating ? before.isMissionHead : input.role === 'officer' && input.isMissionHead,
  };
  const pending = elevating
    ? { pendingRole: input.role, pendingRoleBy: actor.id }
    : input.role !== before.role
      ? { pendingRole: null, pendingRoleBy: null, pendingActivates: false }
      : {};
  await conn
    .update(users)
    .set({ ...row, ...pending, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, input.id));
  if (!row.isActive && before.isActive) {
    await endSessionsOfUser(conn, input.id);
    await revokeFeedsOfUser(conn, input.id);
  }
  const { version: _v, pendingRole, pendingActivates: _p, ...rest } = before;
  return {
    version: before.version + 1,
    changes: { ...diffChanges(rest, row), ...('pendingRole' in pending && pending.pendingRole !== pendingRole ? { pendingRole: { before: pendingRole, after: pending.pendingRole } } : {}) },
  };
}

/**
 * A password reset: the old password stops working at once, the user's sessions end and their
 * calendar feeds are revoked; the returned one-time link lets them set a new one. The
 * administrator never chooses or learns it.
 */
export async function resetPassword(
  conn: Conn,
  actor: Actor,
  input: ResetPasswordInput,
): Promise<{ changes: Changes; token: string; user: { email: string; name: string; locale: Locale | null } }> {
  assertCan(actor, 'user:manage');
  const [updated] = await conn
    .update(users)
    .set({
      passwordHash: await unknownPasswordHash(),
      hasDemoPassword: false,
      passwordChangedAt: sql`now()`,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.id))
    .returning({ email: users.email, name: users.name, locale: users.locale });
  if (!updated) throw notFound();
  await endSessionsOfUser(conn, input.id);
  await revokeFeedsOfUser(conn, input.id);
  const token = await issuePasswordLink(conn, actor, input.id);
  return { changes: { password: { before: '[changed]', after: '[link issued]' } }, token, user: updated };
}

/**
 * A second administrator confirms the supervisor or admin role another one asked for: the
 * role takes effect (and an account created with it becomes active). The one who asked never
 * confirms.
 */
export async function confirmRole(conn: Conn, actor: Actor, input: { id: string; version: number }): Promise<{ version: number; changes: Changes }> {
  assertCan(actor, 'user:manage');
  const [before] = await conn
    .select({ role: users.role, isActive: users.isActive, pendingRole: users.pendingRole, pendingRoleBy: users.pendingRoleBy, pendingActivates: users.pendingActivates, version: users.version })
    .from(users)
    .where(eq(users.id, input.id))
    .for('update');
  if (!before) throw notFound();
  if (before.version !== input.version) throw staleVersion({ current: await getUser(conn, actor, input.id) });
  if (!before.pendingRole) throw new AppError('invalid', 'errors.nothingToConfirm');
  if (before.pendingRoleBy === actor.id) throw new AppError('forbidden', 'errors.secondAdminNeeded');
  const after = { role: before.pendingRole, isActive: before.isActive || before.pendingActivates };
  await conn
    .update(users)
    .set({ ...after, missionId: null, isMissionHead: false, pendingRole: null, pendingRoleBy: null, pendingActivates: false, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, input.id));
  return { version: before.version + 1, changes: diffChanges({ role: before.role, isActive: before.isActive }, after) };
}

/**
 * Sets a password through a one-time link, as its user (no session): refused when the link is
 * unknown, used, replaced or older than 24 hours. The user's sessions end; the audit records it
 * as the user's own act.
 */
export async function setPasswordWithLink(conn: Conn, input: { token: string; password: string; ip: string | null }): Promise<{ email: string }> {
  const [link] = await conn
    .select({ id: passwordLinks.id, userId: passwordLinks.userId, email: users.email, live: sql<boolean>`${passwordLinks.usedAt} IS NULL AND ${passwordLinks.expiresAt} > now()` })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.tokenHash, sha256(input.token)))
    .for('update', { of: passwordLinks });
  if (!link?.live) throw new AppError('invalid', 'errors.passwordLinkInvalid');
  await conn
    .update(users)
    // Not a new version of the account's record: an administrator's open form of it stays current.
    .set({ passwordHash: await hashPassword(input.password), hasDemoPassword: false, passwordChangedAt: sql`now()` })
    .where(eq(users.id, link.userId));
  await conn.update(passwordLinks).set({ usedAt: sql`now()` }).where(eq(passwordLinks.id, link.id));
  await endSessionsOfUser(conn, link.userId);
  const who: AuditActor = { id: link.userId, email: link.email, ip: input.ip };
  await appendAudit(conn, who, { action: 'user.set_password', entityType: 'user', entityId: link.userId, changes: { password: { before: '[changed]', after: '[changed]' } } });
  return { email: link.email };
}

/** A user's own language choice. */
export async function setOwnLocale(conn: Conn, actor: Actor, locale: Locale): Promise<{ changes: Changes }> {
  assertCan(actor, 'profile:update');
  const [before] = await conn.select({ locale: users.locale }).from(users).where(eq(users.id, actor.id!));
  await conn.update(users).set({ locale }).where(eq(users.id, actor.id!));
  return { changes: diffChanges(before ?? null, { locale }) };
}

/** Active accounts still holding the demo password: a production start refuses to run with any. */
export async function countActiveDemoPasswords(conn: Conn): Promise<number> {
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.isActive, true), eq(users.hasDemoPassword, true)));
  return row?.n ?? 0;
}

export async function countUsers(conn: Conn): Promise<number> {
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** The active officers of a mission, to assign work to. */
export async function listMissionOfficers(conn: Conn, actor: Actor, missionId: number): Promise<{ id: string; name: string }[]> {
  assertCan(actor, 'case:read');
  return conn
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(users.missionId, missionId), eq(users.role, 'officer'), eq(users.isActive, true), missionScope(actor, missions.id, missions.country)))
    .orderBy(asc(users.name));
}

/** Active officers of every mission in the actor's scope, for a supervisor's pickers (assign, filter). */
export async function listOfficersInScope(conn: Conn, actor: Actor): Promise<{ id: string; name: string; missionCode: string }[]> {
  assertCan(actor, 'queue:read');
  return conn
    .select({ id: users.id, name: users.name, missionCode: missions.code })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(users.role, 'officer'), eq(users.isActive, true), missionScope(actor, missions.id, missions.country)))
    .orderBy(asc(missions.code), asc(users.name));
}
