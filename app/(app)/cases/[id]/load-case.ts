import { cache } from 'react';
import { getDb } from '@/db';
import { getCase } from '@/db/queries/cases';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';

/** The case file, read once per request (the title and the page both need it); null where the actor may not see it. */
export const loadCase = cache(async (id: string) => {
  const actor = await getActor();
  return actor && can(actor, 'case:read') ? getCase(await getDb(), actor, id) : null;
});
