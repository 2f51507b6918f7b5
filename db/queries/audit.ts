import { createHash } from 'node:crypto';
import { type SQL, and, asc, desc, eq, gt, gte, inArray, is, like, lt, or, sql } from 'drizzle-orm';
import { PgTransaction, alias } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { IDENTITY_SEEN_ACTIONS } from '@/lib/domain/audit';
import type { AuditFilter } from '@/lib/validation/audit';
import type { Conn } from '../index';
import { likeEscape } from '../like';
import { pipelined } from '../pipeline';
import { auditCaseId, auditEvents, caseParties, cases, users } from '../schema';

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
  /** the acting user as the auditor reads them (none for a failed sign-in or the system) */
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  changes: Changes | null;
  details: Record<string, unknown> | null;
  /** the case the row concerns (the case itself, or a record of it), by its reference */
  caseId: string | null;
  caseRef: string | null;
  /** a row about a user: that user's email and name */
  userEmail: string | null;
  userName: string | null;
}

/** The filters that name something: the one that names nothing known (the page says so). */
export type AuditUnknown = 'caseRef' | 'pseudonym' | 'user';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const asUuid = (text: SQL) => sql`(CASE WHEN ${text} ~ ${UUID} THEN (${text})::uuid END)`;

/**
 * The trail newest first, keyset-paged by id, filtered by the case a row concerns (by its
 * reference), the person whose identity a row records being seen (by pseudonym), the user
 * (by the email each row records: an exact address, or users' whose address begins with or
 * whose name holds what was typed), the action (or every kind of
 * identity seen: IDENTITY_SEEN_ACTIONS) and local dates in `timeZone`. Each filter is served by
 * an index on (it, id) (migration 0028); every row comes with its case's reference.
 */
export async function listAuditEvents(
  conn: Conn,
  actor: Actor,
  opts: { before?: number; limit?: number; filter?: AuditFilter; timeZone?: string } = {},
): Promise<{ rows: AuditListItem[]; unknown: AuditUnknown | null }> {
  assertCan(actor, 'audit:read');
  const filter = opts.filter ?? {};
  const limit = Math.min(opts.limit ?? 50, 200);
  const zone = opts.timeZone ?? 'UTC';
  const none = (unknown: AuditUnknown) => ({ rows: [], unknown });

  let caseId: string | undefined;
  if (filter.caseRef) {
    const [found] = await conn.select({ id: cases.id }).from(cases).where(eq(cases.reference, filter.caseRef));
    if (!found) return none('caseRef');
    caseId = found.id;
  }
  if (filter.pseudonym && !(await conn.select({ id: caseParties.id }).from(caseParties).where(eq(caseParties.pseudonym, filter.pseudonym))).length) return none('pseudonym');
  let actorEmails: string[] | undefined;
  if (filter.user) {
    // By the email each row records (a failed sign-in has no user id, only the address typed):
    // an exact address, else the users whose address begins with, or name holds, what was typed.
    const typed = filter.user.toLowerCase();
    const matched = await conn
      .select({ email: users.email })
      .from(users)
      .where(or(like(users.email, `${likeEscape(typed)}%`), like(sql`lower(${users.name})`, `%${likeEscape(typed)}%`)))
      .limit(100);
    actorEmails = [...new Set([typed, ...matched.map((u) => u.email)])];
    if (!matched.length && !(await conn.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.actorEmail, typed)).limit(1)).length) return none('user');
  }

  const rows = await auditListQuery(conn, { filter, caseId, actorEmails, before: opts.before, limit, zone });
  return { rows, unknown: null };
}

/**
 * The statement of a page of the trail, once the filter's names are resolved (listAuditEvents);
 * exported for the plan check (db/queries/plans.test.ts).
 */
export function auditListQuery(
  conn: Conn,
  p: { filter: AuditFilter; caseId?: string; actorEmails?: string[]; before?: number; limit: number; zone: string },
) {
  const { filter } = p;
  const rowCase = auditCaseId(auditEvents);
  const subject = alias(users, 'subject');
  const actorUser = alias(users, 'actor');
  return conn
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: auditEvents.actorEmail,
      actorName: actorUser.name,
      actorRole: actorUser.role,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      ip: auditEvents.ip,
      changes: auditEvents.changes,
      details: auditEvents.details,
      caseId: cases.id,
      caseRef: cases.reference,
      userEmail: subject.email,
      userName: subject.name,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(cases, eq(cases.id, asUuid(rowCase)))
    .leftJoin(subject, and(eq(auditEvents.entityType, 'user'), eq(subject.id, asUuid(sql`${auditEvents.entityId}`))))
    .where(
      and(
        p.before ? lt(auditEvents.id, p.before) : undefined,
        p.caseId ? eq(rowCase, p.caseId) : undefined,
        filter.pseudonym ? and(sql`${auditEvents.details} ? 'pseudonym'`, eq(sql`${auditEvents.details} ->> 'pseudonym'`, filter.pseudonym)) : undefined,
        p.actorEmails ? (p.actorEmails.length === 1 ? eq(auditEvents.actorEmail, p.actorEmails[0]!) : inArray(auditEvents.actorEmail, p.actorEmails)) : undefined,
        filter.action === 'identity_seen' ? inArray(auditEvents.action, [...IDENTITY_SEEN_ACTIONS]) : filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.from ? gte(auditEvents.at, sql`(${filter.from}::date::timestamp AT TIME ZONE ${p.zone})`) : undefined,
        filter.to ? lt(auditEvents.at, sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE ${p.zone})`) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(p.limit);
}
