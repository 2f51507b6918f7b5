import { getDb } from '@/db';
import { listOwnExports } from '@/db/queries/exports';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { kickExports } from '@/lib/exports/runner';

export const dynamic = 'force-dynamic';

/** `/api/exports`: the signed-in user's exports with their progress, for "My exports" to follow. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(actor, 'report:read')) return Response.json({ error: 'not_found' }, { status: 404 });
  const exports = await listOwnExports(await getDb(), actor);
  if (exports.some((e) => e.status === 'queued')) kickExports();
  return Response.json({ exports }, { headers: { 'Cache-Control': 'private, no-store' } });
}
