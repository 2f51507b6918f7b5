import type { Actor } from '@/lib/actor';
import { systemActor } from '@/lib/actor';

/** An actor of the given role for query tests; ids are filled in from the database where needed. */
export function actorOf(role: Actor['role'], extra: Partial<Actor> = {}): Actor {
  return { ...systemActor, id: extra.id ?? null, email: `${role}@test`, name: role, role, ...extra };
}
