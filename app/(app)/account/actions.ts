'use server';

import QRCode from 'qrcode';
import { getDb } from '@/db';
import { beginTwoFactor, confirmTwoFactor, turnOffTwoFactor } from '@/db/queries/two-factor';
import { type ActionResult, createAction } from '@/lib/action';
import { getActor } from '@/lib/auth/actor';
import { z } from '@/lib/validation/zod';

const codeSchema = z.object({ code: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong') });

/**
 * Starts setting up an authenticator app: the key and its QR code (an SVG image), shown once.
 * Nothing is switched on until a code confirms it, so nothing goes in the audit yet.
 */
export async function beginTwoFactorAction(): Promise<ActionResult<{ secret: string; qr: string }>> {
  const actor = await getActor();
  if (!actor) return { ok: false, code: 'unauthenticated', error: 'errors.unauthenticated' };
  const { secret, uri } = await beginTwoFactor(await getDb(), actor);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { ok: true, data: { secret, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` } };
}

export const confirmTwoFactorAction = createAction('user.set_two_factor', { permission: 'profile:update', schema: codeSchema }, async (input, { actor, tx }) => {
  const { changes } = await confirmTwoFactor(tx, actor, input.code);
  return { data: null, audit: { entityType: 'user', entityId: actor.id!, changes } };
});

export const turnOffTwoFactorAction = createAction('user.turn_off_two_factor', { permission: 'profile:update', schema: codeSchema }, async (input, { actor, tx }) => {
  const { changes } = await turnOffTwoFactor(tx, actor, input.code);
  return { data: null, audit: { entityType: 'user', entityId: actor.id!, changes } };
});
