import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCan, missionScope } from '@/lib/authz';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput } from '@/lib/validation/users';
import type { Conn } from '../index';
import { type Locale, type Role, missions, regions, users } from '../schema';
import { type Changes, diffChanges } from './audit';
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
};

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

export async function createUser(
  conn: Conn,
  actor: Actor,
  input: CreateUserInput,
  opts: { isDemoPassword?: boolean } = {},
): Promise<{ id: string; changes: Changes }> {
  assertCan(actor, 'user:manage');
  await assertEmailFree(conn, input.email);
  const refs = await resolveRefs(conn, input);
  const row = {
    email: input.email,
    name: input.name,
    role: input.role,
    ...refs,
    locale: input.locale || null,
    isActive: true,
    isMissionHead: input.role === 'officer' && input.isMissionHead,
  };
  const [created] = await conn
    .insert(users)
    .values({ ...row, passwordHash: await hashPassword(input.password), hasDemoPassword: opts.isDemoPassword ?? false })
    .returning({ id: users.id });
  return { id: created!.id, changes: { ...diffChanges(null, row), password: { before: null, after: '[set]' } } };
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
  const row = {
    email: input.email,
    name: input.name,
    role: input.role,
    ...refs,
    locale: input.locale || null,
    isActive: input.isActive,
    isMissionHead: input.role === 'officer' && input.isMissionHead,
  };
  await conn
    .update(users)
    .set({ ...row, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, input.id));
  if (!row.isActive && before.isActive) {
    await endSessionsOfUser(conn, input.id);
    await revokeFeedsOfUser(conn, input.id);
  }
  const { version: _v, ...rest } = before;
  return { version: before.version + 1, changes: diffChanges(rest, row) };
}

export async function resetPassword(conn: Conn, actor: Actor, input: ResetPasswordInput): Promise<{ changes: Changes }> {
  assertCan(actor, 'user:manage');
  const [updated] = await conn
    .update(users)
    .set({
      passwordHash: await hashPassword(input.password),
      hasDemoPassword: false,
      passwordChangedAt: sql`now()`,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.id))
    .returning({ id: users.id });
  if (!updated) throw notFound();
  await endSessionsOfUser(conn, input.id);
  await revokeFeedsOfUser(conn, input.id);
  return { changes: { password: { before: '[changed]', after: '[changed]' } } };
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
