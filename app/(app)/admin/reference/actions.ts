'use server';

import { savePartner, saveStepTemplate } from '@/db/queries/reference';
import { createAction } from '@/lib/action';
import { partnerSchema, stepTemplateSchema } from '@/lib/validation/reference';

export const saveStepTemplateAction = createAction('reference.save_step_template', { permission: 'reference:manage', schema: stepTemplateSchema }, async (input, { actor, tx }) => {
  const { id, version, changes } = await saveStepTemplate(tx, actor, input);
  return { data: { id, version }, audit: { entityType: 'step_template', entityId: id, changes } };
});

export const savePartnerAction = createAction('reference.save_partner', { permission: 'reference:manage', schema: partnerSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await savePartner(tx, actor, input);
  return { data: { id }, audit: { entityType: 'partner_agency', entityId: id, changes } };
});
