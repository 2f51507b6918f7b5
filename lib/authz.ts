import { type SQL, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '@/db/schema';
import type { Actor } from './actor';
import { AppError } from './errors';

/**
 * The only place that maps roles to permissions. The UI may ask `can()` to hide a control;
 * only the server's `assertCan()` (in the action wrapper, route handlers and pages) grants anything.
 */
export const permissions = {
  'case:read': ['officer', 'supervisor'],
  'case:create': ['officer', 'supervisor'],
  'case:update': ['officer', 'supervisor'],
  'case:approve': ['supervisor'],
  'queue:read': ['supervisor'],
  'report:read': ['officer', 'supervisor'],
  /** a raw list of cases, one row per case: names (or pseudonyms) leave the system */
  'case:export': ['supervisor'],
  /** legacy case logs, from the upload page or `npm run import` */
  'case:import': ['supervisor'],
  'mission:read': ['officer', 'supervisor', 'admin', 'auditor'],
  'mission:manage': ['admin'],
  'user:manage': ['admin'],
  'reference:manage': ['admin'],
  'audit:read': ['auditor'],
  'profile:update': ['officer', 'supervisor', 'admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  return !!actor && (permissions[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated');
  if (!can(actor, permission)) throw new AppError('forbidden');
}

/**
 * The missions whose records an actor may see, as a WHERE fragment over a mission id column
 * and its country column: an officer their own mission, a supervisor all or their region's
 * countries, anyone else none (admins manage reference data, not case content).
 */
export function missionScope(actor: Actor, missionId: AnyPgColumn, missionCountry: AnyPgColumn): SQL {
  switch (actor.role) {
    case 'officer':
      return actor.missionId == null ? sql`false` : sql`${missionId} = ${actor.missionId}`;
    case 'supervisor':
      return actor.regionCountries ? inArray(missionCountry, actor.regionCountries) : sql`true`;
    default:
      return sql`false`;
  }
}

/**
 * Who decides a closure request: a supervisor over the case's mission, for any case; where
 * PAYUNG_MISSION_HEAD_APPROVES=1, also the head of the case's own mission, for general cases.
 */
export function missionHeadsApprove(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PAYUNG_MISSION_HEAD_APPROVES === '1';
}

export function mayApproveClosures(actor: Actor | null): boolean {
  if (!actor) return false;
  return can(actor, 'case:approve') || (actor.role === 'officer' && actor.isMissionHead && missionHeadsApprove());
}

/** The page a role lands on after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'officer':
      return '/cases';
    case 'supervisor':
      return '/queues';
    case 'admin':
      return '/admin/users';
    case 'auditor':
      return '/audit';
  }
}

export interface NavItem {
  href: string;
  /** key under `nav.` */
  label: string;
}

const NAV: (NavItem & { permission: Permission })[] = [
  { href: '/cases', label: 'cases', permission: 'case:create' },
  { href: '/drafts', label: 'drafts', permission: 'case:create' },
  { href: '/calendar', label: 'calendar', permission: 'case:read' },
  { href: '/queues', label: 'queues', permission: 'queue:read' },
  { href: '/dashboard', label: 'dashboard', permission: 'queue:read' },
  { href: '/reports', label: 'reports', permission: 'report:read' },
  { href: '/exports', label: 'exports', permission: 'report:read' },
  { href: '/imports', label: 'imports', permission: 'case:import' },
  { href: '/approvals', label: 'approvals', permission: 'case:approve' },
  { href: '/admin/users', label: 'users', permission: 'user:manage' },
  { href: '/admin/missions', label: 'missions', permission: 'mission:manage' },
  { href: '/admin/reference', label: 'reference', permission: 'reference:manage' },
  { href: '/audit', label: 'audit', permission: 'audit:read' },
];

export function navFor(actor: Actor): NavItem[] {
  return NAV.filter((item) => (item.href === '/approvals' ? mayApproveClosures(actor) : can(actor, item.permission))).map(({ href, label }) => ({ href, label }));
}
