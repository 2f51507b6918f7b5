import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { resolveSession } from '@/db/queries/sessions';
import { hasTwoFactor } from '@/db/queries/two-factor';
import type { Actor } from '@/lib/actor';
import { FORWARDED_HEADER, PEER_HEADER, clientAddress } from '@/lib/client-address';
import { type Permission, can } from '@/lib/authz';
import { authOptions } from './options';
import { twoFactorRequired } from './totp';

/** The address of this request's client, as the audit records it. */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientAddress(h.get(PEER_HEADER), h.get(FORWARDED_HEADER));
}

/** The signed-in user of this request, checked against the database; null when signed out or expired. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  return resolveSession(await getDb(), session.sid, await requestIp());
});

/** The path proxy.ts saw for this request (pages only). */
export const PATH_HEADER = 'x-payung-path';

/**
 * For pages: the actor, or off to the sign-in page. Where two-step sign-in is required of the
 * actor's role (PAYUNG_REQUIRE_2FA) and not yet set up, every page but the one that sets it up
 * sends them there.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login?expired=1');
  if (twoFactorRequired(actor.role) && !(await headers()).get(PATH_HEADER)?.startsWith('/account/')) {
    if (!(await hasTwoFactor(await getDb(), actor))) redirect('/account/security?required=1');
  }
  return actor;
}

/** For pages: a user without the permission gets a not-found page, never the data. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) notFound();
  return actor;
}
