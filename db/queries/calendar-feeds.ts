import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Actor, DIRECTORATE_TIME_ZONE } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { calendarFeeds, missions, regions, users } from '../schema';
import { type CalendarHearing, listHearings } from './legal';

/** How far back and ahead a feed reaches: recent hearings stay visible for their outcome. */
export const FEED_DAYS_BEFORE = 30;
export const FEED_DAYS_AFTER = 366;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface FeedView {
  id: string;
  missionCode: string;
  missionCity: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The actor's feeds that still answer. */
export async function listOwnFeeds(conn: Conn, actor: Actor): Promise<FeedView[]> {
  assertCan(actor, 'case:read');
  return conn
    .select({ id: calendarFeeds.id, missionCode: missions.code, missionCity: missions.city, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .innerJoin(missions, eq(missions.id, calendarFeeds.missionId))
    .where(and(eq(calendarFeeds.userId, actor.id!), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt));
}

/**
 * A new secret address for one mission's hearings. The token is returned once and only its
 * hash is kept; an earlier feed of the same user for the same mission stops answering.
 */
export async function createFeed(conn: Conn, actor: Actor, missionId: number, now = new Date()): Promise<{ id: string; token: string; missionCode: string }> {
  assertCan(actor, 'case:read');
  const [mission] = await conn
    .select({ id: missions.id, code: missions.code })
    .from(missions)
    .where(and(eq(missions.id, missionId), missionScope(actor, missions.id, missions.country)));
  if (!mission) throw notFound();
  await conn
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, actor.id!), eq(calendarFeeds.missionId, missionId), isNull(calendarFeeds.revokedAt)));
  const token = randomBytes(32).toString('base64url');
  const [feed] = await conn.insert(calendarFeeds).values({ userId: actor.id!, missionId, tokenHash: hashToken(token), createdAt: now }).returning({ id: calendarFeeds.id });
  return { id: feed!.id, token, missionCode: mission.code };
}

/** Stops one of the actor's own feeds answering. */
export async function revokeFeed(conn: Conn, actor: Actor, feedId: string, now = new Date()): Promise<{ missionId: number }> {
  assertCan(actor, 'case:read');
  const [feed] = await conn
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, actor.id!), isNull(calendarFeeds.revokedAt)))
    .returning({ missionId: calendarFeeds.missionId });
  if (!feed) throw notFound();
  return feed;
}

/**
 * Every feed address of a user stops answering for good (their password reset, their account
 * deactivated): an address is a credential, and reactivation must not bring old ones back.
 */
export async function revokeFeedsOfUser(conn: Conn, userId: string, now = new Date()): Promise<void> {
  await conn.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
}

export interface FeedContent {
  mission: { code: string; city: string };
  locale: Actor['locale'];
  hearings: CalendarHearing[];
}

/**
 * What a feed address shows, or null when it must answer nothing: unknown or revoked token,
 * owner deactivated, or the mission no longer in the owner's scope (an officer moved on, a
 * supervisor limited to another region). The owner's rights are read afresh on every fetch.
 */
export async function readFeed(conn: Conn, token: string, now = new Date()): Promise<FeedContent | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await conn
    .select({
      feedId: calendarFeeds.id,
      missionId: calendarFeeds.missionId,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      userMissionId: users.missionId,
      regionCode: regions.code,
      regionCountries: regions.countries,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt), eq(users.isActive, true)));
  if (!row) return null;
  const owner: Actor = {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    missionId: row.userMissionId,
    missionCode: null,
    timeZone: DIRECTORATE_TIME_ZONE,
    regionCountries: row.regionCountries,
    regionCode: row.regionCode,
    locale: row.locale,
    isMissionHead: false,
    sessionId: null,
    ip: null,
  };
  if (owner.role !== 'officer' && owner.role !== 'supervisor') return null;
  const [mission] = await conn
    .select({ code: missions.code, city: missions.city })
    .from(missions)
    .where(and(eq(missions.id, row.missionId), missionScope(owner, missions.id, missions.country)));
  if (!mission) return null;
  await conn.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.id, row.feedId));
  const day = 86_400_000;
  const hearings = await listHearings(conn, owner, new Date(now.getTime() - FEED_DAYS_BEFORE * day), new Date(now.getTime() + FEED_DAYS_AFTER * day), row.missionId);
  return { mission, locale: row.locale, hearings };
}
