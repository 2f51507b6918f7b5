import 'server-only';
import { and, desc, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { Conn } from '../index';
import { type ExportJob, exportJobs } from '../schema';

/** How long a prepared file waits to be downloaded. */
export const EXPORT_KEEP_DAYS = 7;
/** Exports one user may have waiting or running at once. */
export const MAX_ACTIVE_EXPORTS = 3;

export type ExportKind = ExportJob['kind'];

export interface ExportView {
  id: string;
  kind: ExportKind;
  request: Record<string, unknown>;
  status: ExportJob['status'];
  progress: number;
  fileName: string | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
}

const viewColumns = {
  id: exportJobs.id,
  kind: exportJobs.kind,
  request: exportJobs.request,
  status: exportJobs.status,
  progress: exportJobs.progress,
  fileName: exportJobs.fileName,
  sizeBytes: exportJobs.sizeBytes,
  error: exportJobs.error,
  createdAt: exportJobs.createdAt,
  finishedAt: exportJobs.finishedAt,
  expiresAt: exportJobs.expiresAt,
};

/** The advisory lock class under which one user's export requests wait for each other. */
const EXPORT_REQUEST_LOCK = 7428302;

/** Queues an export for its owner; the request has been validated and is audited by the caller. */
export async function requestExport(conn: Conn, actor: Actor, kind: ExportKind, request: Record<string, unknown>, now = new Date()): Promise<{ id: string }> {
  assertCan(actor, kind === 'case_list' ? 'case:export' : 'report:read');
  return conn.transaction(async (tx) => {
    // One request of a user at a time, until its transaction ends: two arriving together would
    // both count the same waiting jobs and both be let in (ten at once queued four of three).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${EXPORT_REQUEST_LOCK}, hashtext(${actor.id!}))`);
    const [active] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(exportJobs)
      .where(and(eq(exportJobs.ownerId, actor.id!), inArray(exportJobs.status, ['queued', 'running'])));
    if ((active?.n ?? 0) >= MAX_ACTIVE_EXPORTS) throw new AppError('conflict', 'exports.tooMany');
    const [row] = await tx
      .insert(exportJobs)
      .values({ ownerId: actor.id!, kind, request, expiresAt: new Date(now.getTime() + EXPORT_KEEP_DAYS * 86_400_000) })
      .returning({ id: exportJobs.id });
    return row!;
  });
}

/**
 * "My exports": the actor's own, newest first, until they expire. Expired rows stay (see
 * removeExpiredExports): bounding the creation time keeps the owner index's range to a week.
 */
export async function listOwnExports(conn: Conn, actor: Actor, now = new Date()): Promise<ExportView[]> {
  assertCan(actor, 'report:read');
  return conn
    .select(viewColumns)
    .from(exportJobs)
    .where(and(eq(exportJobs.ownerId, actor.id!), gt(exportJobs.createdAt, new Date(now.getTime() - EXPORT_KEEP_DAYS * 86_400_000)), gt(exportJobs.expiresAt, now)))
    .orderBy(desc(exportJobs.createdAt))
    .limit(50);
}

/** A finished file of the actor's own, or null (someone else's, unfinished or expired look the same). */
export async function ownExportFile(conn: Conn, actor: Actor, id: string, now = new Date()): Promise<{ fileName: string; contentType: string; storageKey: string; kind: ExportKind } | null> {
  assertCan(actor, 'report:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await conn
    .select({ fileName: exportJobs.fileName, contentType: exportJobs.contentType, storageKey: exportJobs.storageKey, kind: exportJobs.kind })
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.ownerId, actor.id!), eq(exportJobs.status, 'done'), gt(exportJobs.expiresAt, now)));
  return row?.fileName && row.contentType && row.storageKey ? { fileName: row.fileName, contentType: row.contentType, storageKey: row.storageKey, kind: row.kind } : null;
}

/** The oldest waiting export, marked running; several servers never take the same one. */
export async function claimNextExport(conn: Conn): Promise<ExportJob | null> {
  const [job] = await conn
    .update(exportJobs)
    .set({ status: 'running', startedAt: sql`now()`, progress: 0 })
    .where(sql`${exportJobs.id} = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)`)
    .returning();
  return job ?? null;
}

export async function setExportProgress(conn: Conn, id: string, percent: number): Promise<void> {
  await conn.update(exportJobs).set({ progress: Math.max(0, Math.min(99, Math.floor(percent))) }).where(eq(exportJobs.id, id));
}

export async function completeExport(conn: Conn, id: string, file: { fileName: string; contentType: string; storageKey: string; sizeBytes: number }): Promise<void> {
  await conn.update(exportJobs).set({ ...file, status: 'done', progress: 100, finishedAt: sql`now()` }).where(eq(exportJobs.id, id));
}

/** `error` is a message key, shown to the owner in their language. */
export async function failExport(conn: Conn, id: string, error: string): Promise<void> {
  await conn.update(exportJobs).set({ status: 'failed', error, finishedAt: sql`now()` }).where(eq(exportJobs.id, id));
}

/** At start-up: exports that were running when the server stopped will not finish. */
export async function interruptRunningExports(conn: Conn): Promise<number> {
  const rows = await conn
    .update(exportJobs)
    .set({ status: 'failed', error: 'exports.interrupted', finishedAt: sql`now()` })
    .where(eq(exportJobs.status, 'running'))
    .returning({ id: exportJobs.id });
  return rows.length;
}

/**
 * Lets expired exports' files go: returns their storage keys for the caller to delete and
 * forgets them. The rows stay, out of "My exports": the access logs of the cases an export
 * included name it (export_cases).
 */
export async function removeExpiredExports(conn: Conn, now = new Date()): Promise<string[]> {
  const expired = conn
    .select({ id: exportJobs.id, storageKey: exportJobs.storageKey })
    .from(exportJobs)
    .where(and(lt(exportJobs.expiresAt, now), isNotNull(exportJobs.storageKey)))
    .for('update')
    .as('expired');
  const rows = await conn
    .update(exportJobs)
    .set({ storageKey: null })
    .from(expired)
    .where(eq(exportJobs.id, expired.id))
    .returning({ storageKey: expired.storageKey });
  return rows.map((r) => r.storageKey).filter((k): k is string => !!k);
}
