import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { type AuditEntry, appendAudit } from '@/db/queries/audit';
import { sharedFiguresChanged } from '@/db/scope-cache';
import type { Actor } from './actor';
import { getActor } from './auth/actor';
import { type Permission, assertCan } from './authz';
import { AppError, forLog, isUniqueViolation } from './errors';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; error: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };

export interface ActionContext {
  actor: Actor;
  tx: Tx;
}

/** What a run returns: its result, and what the audit row says happened. */
export interface ActionOutcome<T> {
  data: T;
  audit: Omit<AuditEntry, 'action'>;
}

/** C0 controls and DEL, but not tab, line feed or carriage return: nothing a person types. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The input with control characters taken out of every string, at any depth of plain objects
 * and arrays (a draft's data too): a NUL byte, which only a crafted request can carry, would
 * otherwise reach PostgreSQL and fail the statement (text and jsonb refuse it).
 */
export function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL_CHARACTERS, '');
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutControlCharacters(k), withoutControlCharacters(v)]));
  }
  return value;
}

/**
 * The wrapper every server action goes through: authenticate, check the permission,
 * validate the input with the feature's zod schema, run in one transaction, write the
 * audit row in that same transaction, and map errors to a result the form can show. Control
 * characters are taken out of the input first.
 * The action takes `unknown`: a server action can be called by a direct POST.
 */
export function createAction<S extends z.ZodType, T>(
  name: string,
  opts: { permission: Permission; schema: S },
  run: (input: z.output<S>, ctx: ActionContext) => Promise<ActionOutcome<T>>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    let actor: Actor | null = null;
    try {
      actor = await getActor();
      assertCan(actor, opts.permission);
      const parsed = opts.schema.safeParse(withoutControlCharacters(raw));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.') || '_form';
          (fieldErrors[key] ??= []).push(issue.message.startsWith('validation.') ? issue.message : 'validation.invalid');
        }
        return { ok: false, code: 'invalid', error: 'errors.invalid', fieldErrors };
      }
      const acting = actor;
      const db = await getDb();
      const data = await db.transaction(async (tx) => {
        const outcome = await run(parsed.data, { actor: acting, tx });
        await appendAudit(tx, acting, { action: name, ...outcome.audit });
        return outcome.data;
      });
      sharedFiguresChanged();
      return { ok: true, data };
    } catch (e) {
      return failure(e, name, actor);
    }
  };
}

async function failure(e: unknown, name: string, actor: Actor | null): Promise<ActionResult<never>> {
  if (e instanceof AppError) {
    if (e.code === 'forbidden' && actor) {
      // A refused attempt is worth knowing about: record it outside the rolled-back transaction.
      await appendAudit(await getDb(), actor, { action: name, details: { refused: 'forbidden' } }).catch(() => {});
    }
    return { ok: false, code: e.code, error: e.messageKey, fieldErrors: e.fieldErrors, details: e.details };
  }
  if (isUniqueViolation(e)) return { ok: false, code: 'conflict', error: 'errors.conflict' };
  const requestId = randomUUID();
  console.error(`[payung] action ${name} failed (request ${requestId}): ${forLog(e)}`);
  return { ok: false, code: 'unexpected', error: 'errors.unexpected', details: { requestId } };
}
