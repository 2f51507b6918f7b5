import { and, asc, eq, or } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { isQueueView } from '@/lib/domain/queues';
import { AppError, isUniqueViolation, notFound } from '@/lib/errors';
import { parseQueueQuery, queueQueryString } from '@/lib/validation/queues';
import type { Conn } from '../index';
import { savedViews, users } from '../schema';

export interface SavedView {
  id: string;
  name: string;
  href: string;
  isShared: boolean;
  isOwn: boolean;
  ownerName: string;
}

/** The actor's own views and those other supervisors share, by name. */
export async function listSavedViews(conn: Conn, actor: Actor): Promise<SavedView[]> {
  assertCan(actor, 'queue:read');
  const rows = await conn
    .select({ id: savedViews.id, name: savedViews.name, path: savedViews.path, query: savedViews.query, isShared: savedViews.isShared, ownerId: savedViews.ownerId, ownerName: users.name })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(or(eq(savedViews.ownerId, actor.id!), and(eq(savedViews.isShared, true), eq(users.isActive, true))))
    .orderBy(asc(savedViews.name));
  return rows.map((r) => ({ id: r.id, name: r.name, href: r.query ? `${r.path}?${r.query}` : r.path, isShared: r.isShared, isOwn: r.ownerId === actor.id, ownerName: r.ownerName }));
}

/**
 * Saves a queue address under a name. The filters are read again and written back the way the
 * queue writes them, so a saved view never holds parameters the queue would not understand.
 */
export async function saveView(conn: Conn, actor: Actor, input: { name: string; path: string; query: string; isShared: boolean }): Promise<{ id: string }> {
  assertCan(actor, 'queue:read');
  const view = input.path.split('/')[2];
  if (view !== undefined && !isQueueView(view)) throw new AppError('invalid', 'errors.invalid', { path: ['validation.invalid'] });
  const { filter } = parseQueueQuery(Object.fromEntries(new URLSearchParams(input.query)), view);
  const query = queueQueryString({ ...filter, after: undefined });
  try {
    const [row] = await conn.insert(savedViews).values({ ownerId: actor.id!, name: input.name, path: input.path, query, isShared: input.isShared }).returning({ id: savedViews.id });
    return { id: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('invalid', 'errors.invalid', { name: ['validation.viewNameTaken'] });
    throw e;
  }
}

/** Only its owner removes a view. */
export async function deleteView(conn: Conn, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'queue:read');
  const deleted = await conn.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.ownerId, actor.id!))).returning({ id: savedViews.id });
  if (deleted.length === 0) throw notFound();
}
