import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, is, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import type { Conn } from '../index';
import { pipelined } from '../pipeline';
import { auditEvents } from '../schema';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number;
  changes?: Changes | null;
  details?: Record<string, unknown> | null;
}

/** Who the row names: a user, or nobody (an unknown address trying to sign in, the system). */
export interface AuditActor {
  id: string | null;
  email: string | null;
  ip: string | null;
}

const GENESIS = '0'.repeat(64);
/** Marks an identity or secret field that changed, without its value. */
export const REDACTED = '[changed]';

/**
 * The fields that changed between two versions of a record. Fields listed as sensitive
 * (identity, secrets) are recorded as changed, never with their values.
 */
export function diffChanges<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  sensitive: readonly (keyof T)[] = [],
): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = sensitive.includes(key) ? { before: REDACTED, after: REDACTED } : { before: b, after: a };
  }
  return changes;
}

interface HashedFields {
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  changes: unknown;
  details: unknown;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function hashRow(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonical(fields)).digest('hex');
}

/**
 * Appends one audit row in the caller's transaction (or its own). The advisory lock serialises
 * writers so that each row chains to the one before it; it is taken by the last statement
 * before the chained insert, and the insert reads the previous hash and computes its own in the
 * database — sha256(previous hash ‖ canonical fields), as verifyAuditChain recomputes it — so
 * the lock is held from the insert to the commit, not while the caller's work runs. Two round
 * trips; the insert must be a statement of its own after the lock, so that its snapshot sees a
 * row committed by the writer it waited for.
 */
export async function appendAudit(conn: Conn, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const write = async (tx: Conn) => {
    const at = new Date();
    // Milliseconds only: PostgreSQL keeps microseconds, JavaScript dates milliseconds.
    const fields: HashedFields = {
      at: at.toISOString(),
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      ip: actor.ip,
      changes: entry.changes && Object.keys(entry.changes).length ? entry.changes : null,
      details: entry.details ?? null,
    };
    const prev = sql`coalesce((SELECT ${auditEvents.hash} FROM ${auditEvents} ORDER BY ${auditEvents.id} DESC LIMIT 1), ${GENESIS})`;
    // The chain's lock, then the chained row, in one round trip; held from here to the commit only.
    await pipelined(
      async () => await tx.execute(sql`SELECT pg_advisory_xact_lock(7428301)`),
      async () =>
        await tx.insert(auditEvents).values({
          ...fields,
          at,
          changes: fields.changes as Changes | null,
          details: fields.details as Record<string, unknown> | null,
          prevHash: prev,
          hash: sql`encode(sha256(convert_to(${prev} || ${canonical(fields)}, 'UTF8')), 'hex')`,
        }),
    );
  };
  // Inside a transaction already (an action's): no savepoint, which would cost two more round trips.
  if (is(conn, PgTransaction)) await write(conn);
  else await conn.transaction(write);
}

/** The result of a check in words, for the command line (the auditor's page says it in the user's language). */
export function describeAuditCheck(check: { ok: boolean; checked: number; brokenAt: number | null }): string {
  return check.ok
    ? `The audit trail is intact: ${check.checked} rows checked.`
    : `The audit trail has been altered at row ${check.brokenAt} (the ${check.checked} rows before it are intact).`;
}

/** Recomputes the chain; returns the id of the first row that does not match, if any. */
export async function verifyAuditChain(conn: Conn): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
  let prevHash = GENESIS;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await conn.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(1000);
    if (rows.length === 0) return { ok: true, checked, brokenAt: null };
    for (const row of rows) {
      const expected = hashRow(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        ip: row.ip,
        changes: row.changes,
        details: row.details,
      });
      if (row.prevHash !== prevHash || row.hash !== expected) return { ok: false, checked, brokenAt: row.id };
      prevHash = row.hash;
      afterId = row.id;
      checked++;
    }
  }
}

export interface AuditListItem {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  changes: Changes | null;
  details: Record<string, unknown> | null;
}

/** Newest first, keyset-paged by id. */
export async function listAuditEvents(
  conn: Conn,
  actor: Actor,
  opts: { before?: number; limit?: number; action?: string } = {},
): Promise<AuditListItem[]> {
  assertCan(actor, 'audit:read');
  const limit = Math.min(opts.limit ?? 50, 200);
  return conn
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      ip: auditEvents.ip,
      changes: auditEvents.changes,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(
      and(
        opts.before ? lt(auditEvents.id, opts.before) : undefined,
        opts.action ? eq(auditEvents.action, opts.action) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
