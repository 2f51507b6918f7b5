import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { missions, users } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { systemActor } from '@/lib/actor';

/** An actor of the given role for query tests; ids are filled in from the database where needed. */
export function actorOf(role: Actor['role'], extra: Partial<Actor> = {}): Actor {
  return { ...systemActor, id: extra.id ?? null, email: `${role}@test`, name: role, role, ...extra };
}

/** The demo officer with this e-mail, as an actor (tests seed the demo data first). */
export async function officerActor(db: Db, email: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, missionId: users.missionId, code: missions.code })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(eq(users.email, email));
  if (!u) throw new Error(`no officer ${email}`);
  return actorOf('officer', { id: u.id, email, missionId: u.missionId, missionCode: u.code });
}
