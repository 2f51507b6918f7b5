'use server';

import { bulkUpdateCases } from '@/db/queries/bulk';
import { createAction } from '@/lib/action';
import { bulkActionSchema } from '@/lib/validation/queues';

/** All or nothing; one audit row naming every case (a note's text stays on the timelines only). */
export const bulkUpdateAction = createAction('case.bulk_update', { permission: 'queue:read', schema: bulkActionSchema }, async (input, { actor, tx }) => {
  const { references } = await bulkUpdateCases(tx, actor, input);
  const { cases: selected, ...rest } = input;
  const details = rest.action === 'note' ? { action: 'note' } : rest;
  return { data: { references }, audit: { entityType: 'case', details: { ...details, caseIds: selected.map((c) => c.id) } } };
});
