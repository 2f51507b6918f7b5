import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { notFound, staleVersion } from '@/lib/errors';
import { type MissionInput, type UpdateMissionInput, parseCountryList } from '@/lib/validation/missions';
import type { Conn } from '../index';
import { type MissionKind, missions, regions } from '../schema';
import { type Changes, diffChanges } from './audit';

export interface MissionListItem {
  id: number;
  code: string;
  kind: MissionKind;
  country: string;
  city: string;
  timeZone: string;
  coveredCountries: string[];
  isActive: boolean;
  version: number;
}

const columns = {
  id: missions.id,
  code: missions.code,
  kind: missions.kind,
  country: missions.country,
  city: missions.city,
  timeZone: missions.timeZone,
  coveredCountries: missions.coveredCountries,
  isActive: missions.isActive,
  version: missions.version,
};

/** Every mission, for admins and for pickers (a mission's name, place and zone are not case content). */
export async function listMissions(conn: Conn, actor: Actor): Promise<MissionListItem[]> {
  assertCan(actor, 'mission:read');
  return conn.select(columns).from(missions).orderBy(asc(missions.code));
}

/** The missions whose cases this actor may see: own mission, a region's, or all. */
export async function listMissionsInScope(conn: Conn, actor: Actor): Promise<MissionListItem[]> {
  assertCan(actor, 'case:read');
  return conn.select(columns).from(missions).where(missionScope(actor, missions.id, missions.country)).orderBy(asc(missions.country), asc(missions.code));
}

export async function getMission(conn: Conn, actor: Actor, id: number): Promise<MissionListItem | null> {
  assertCan(actor, 'mission:manage');
  const [row] = await conn.select(columns).from(missions).where(eq(missions.id, id));
  return row ?? null;
}

export async function getMissionIdByCode(conn: Conn, code: string): Promise<number | null> {
  const [row] = await conn.select({ id: missions.id }).from(missions).where(eq(missions.code, code.toUpperCase()));
  return row?.id ?? null;
}

function toRow(input: MissionInput) {
  return {
    code: input.code,
    kind: input.kind,
    country: input.country,
    city: input.city,
    timeZone: input.timeZone,
    coveredCountries: parseCountryList(input.coveredCountries, input.country),
    isActive: input.isActive,
  };
}

export async function createMission(conn: Conn, actor: Actor, input: MissionInput): Promise<{ id: number; changes: Changes }> {
  assertCan(actor, 'mission:manage');
  const row = toRow(input);
  const [created] = await conn.insert(missions).values(row).returning({ id: missions.id });
  return { id: created!.id, changes: diffChanges(null, row) };
}

/** Refused with a conflict when someone saved the mission after `input.version` was read. */
export async function updateMission(conn: Conn, actor: Actor, input: UpdateMissionInput): Promise<{ version: number; changes: Changes }> {
  assertCan(actor, 'mission:manage');
  const [before] = await conn.select(columns).from(missions).where(eq(missions.id, input.id)).for('update');
  if (!before) throw notFound();
  if (before.version !== input.version) throw staleVersion({ current: before });
  const row = toRow(input);
  await conn
    .update(missions)
    .set({ ...row, version: sql`${missions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(missions.id, input.id));
  const { id: _id, version: _v, ...rest } = before;
  return { version: before.version + 1, changes: diffChanges(rest, row) };
}

export interface RegionItem {
  code: string;
  nameEn: string;
  nameId: string;
  countries: string[];
}

export async function listRegions(conn: Conn): Promise<RegionItem[]> {
  return conn.select({ code: regions.code, nameEn: regions.nameEn, nameId: regions.nameId, countries: regions.countries }).from(regions).orderBy(asc(regions.code));
}
