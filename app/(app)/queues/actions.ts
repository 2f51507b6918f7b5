'use server';

import { bulkUpdateCases } from '@/db/queries/bulk';
import { deleteView, saveView } from '@/db/queries/saved-views';
import { createAction } from '@/lib/action';
import { bulkActionSchema, deleteViewSchema, saveViewSchema } from '@/lib/validation/queues';

/** All or nothing; one audit row naming every case (a note's text stays on the timelines only). */
export const bulkUpdateAction = createAction('case.bulk_update', { permission: 'queue:read', schema: bulkActionSchema }, async (input, { actor, tx }) => {
  const { references } = await bulkUpdateCases(tx, actor, input);
  const { cases: selected, ...rest } = input;
  const details = rest.action === 'note' ? { action: 'note' } : rest;
  return { data: { references }, audit: { entityType: 'case', details: { ...details, caseIds: selected.map((c) => c.id) } } };
});

export const saveViewAction = createAction('queue.save_view', { permission: 'queue:read', schema: saveViewSchema }, async (input, { actor, tx }) => {
  const { id } = await saveView(tx, actor, input);
  return { data: { id }, audit: { entityType: 'saved_view', entityId: id, details: { name: input.name, isShared: input.isShared } } };
});

export const deleteViewAction = createAction('queue.delete_view', { permission: 'queue:read', schema: deleteViewSchema }, async (input, { actor, tx }) => {
  await deleteView(tx, actor, input.id);
  return { data: null, audit: { entityType: 'saved_view', entityId: input.id } };
});
