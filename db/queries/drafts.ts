import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { caseDrafts } from '../schema';

/** Drafts belong to the officer who typed them: nobody else reads them. */
const open = (actor: Actor) => and(eq(caseDrafts.ownerId, actor.id!), isNull(caseDrafts.submittedCaseId), isNull(caseDrafts.discardedAt));

export async function saveDraft(conn: Conn, actor: Actor, input: { id: string; data: Record<string, unknown> }): Promise<{ id: string; updatedAt: Date }> {
  assertCan(actor, 'case:create');
  const now = new Date();
  if (input.id) {
    const [updated] = await conn
      .update(caseDrafts)
      .set({ data: input.data, updatedAt: now })
      .where(and(eq(caseDrafts.id, input.id), open(actor)))
      .returning({ id: caseDrafts.id, updatedAt: caseDrafts.updatedAt });
    if (updated) return updated;
  }
  // A new draft (or one submitted or discarded in another tab: keep typing into a new one).
  const [created] = await conn.insert(caseDrafts).values({ ownerId: actor.id!, data: input.data, createdAt: now, updatedAt: now }).returning({ id: caseDrafts.id, updatedAt: caseDrafts.updatedAt });
  return created!;
}

export async function getDraft(conn: Conn, actor: Actor, id: string): Promise<{ id: string; data: Record<string, unknown>; updatedAt: Date } | null> {
  assertCan(actor, 'case:create');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await conn.select({ id: caseDrafts.id, data: caseDrafts.data, updatedAt: caseDrafts.updatedAt }).from(caseDrafts).where(and(eq(caseDrafts.id, id), open(actor)));
  return row ?? null;
}

export interface DraftListItem {
  id: string;
  updatedAt: Date;
  createdAt: Date;
  category: string | null;
  subjectCount: number;
  firstSubjectName: string | null;
}

/** How many unfinished intakes the actor has, and the one saved last: what My cases and New case offer to resume. */
export async function draftsSummary(conn: Conn, actor: Actor): Promise<{ count: number; latest: { id: string; updatedAt: Date } | null }> {
  assertCan(actor, 'case:create');
  const [row] = await conn
    .select({ id: caseDrafts.id, updatedAt: caseDrafts.updatedAt, count: sql<number>`count(*) OVER ()::int` })
    .from(caseDrafts)
    .where(open(actor))
    .orderBy(desc(caseDrafts.updatedAt))
    .limit(1);
  return row ? { count: row.count, latest: { id: row.id, updatedAt: row.updatedAt } } : { count: 0, latest: null };
}

export async function listDrafts(conn: Conn, actor: Actor): Promise<DraftListItem[]> {
  assertCan(actor, 'case:create');
  const rows = await conn
    .select({ id: caseDrafts.id, updatedAt: caseDrafts.updatedAt, createdAt: caseDrafts.createdAt, data: caseDrafts.data })
    .from(caseDrafts)
    .where(open(actor))
    .orderBy(desc(caseDrafts.updatedAt))
    .limit(100);
  return rows.map(({ data, ...r }) => {
    const subjects = Array.isArray(data.subjects) ? (data.subjects as { fullName?: unknown }[]) : [];
    const first = subjects[0]?.fullName;
    return {
      ...r,
      category: typeof data.category === 'string' ? data.category : null,
      subjectCount: subjects.length,
      firstSubjectName: typeof first === 'string' && first.trim() ? first.trim() : null,
    };
  });
}

export async function discardDraft(conn: Conn, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'case:create');
  const [row] = await conn.update(caseDrafts).set({ discardedAt: sql`now()` }).where(and(eq(caseDrafts.id, id), open(actor))).returning({ id: caseDrafts.id });
  if (!row) throw notFound();
}
