'use server';

import { getDb } from '@/db';
import { setPasswordWithLink } from '@/db/queries/users';
import type { ActionResult } from '@/lib/action';
import { withoutControlCharacters } from '@/lib/action';
import { requestIp } from '@/lib/auth/actor';
import { AppError, forLog } from '@/lib/errors';
import { setPasswordSchema } from '@/lib/validation/users';

/**
 * Sets a password through a one-time link: no session (the user has none yet, or lost theirs
 * with the reset), so not through createAction; the link itself is the authority, checked in
 * the database with the write (db/queries/users.ts).
 */
export async function setPasswordAction(raw: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordSchema.safeParse(withoutControlCharacters(raw));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_form'] ??= []).push(issue.message);
    if (fieldErrors.token) return { ok: false, code: 'invalid', error: 'errors.passwordLinkInvalid' };
    return { ok: false, code: 'invalid', error: 'errors.invalid', fieldErrors };
  }
  try {
    const ip = await requestIp();
    const db = await getDb();
    const data = await db.transaction((tx) => setPasswordWithLink(tx, { token: parsed.data.token, password: parsed.data.password, ip }));
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, error: e.messageKey };
    console.error(`[payung] setting a password through a link failed: ${forLog(e)}`);
    return { ok: false, code: 'unexpected', error: 'errors.unexpected' };
  }
}
