'use server';

import { lockMonth } from '@/db/queries/month-locks';
import { createAction } from '@/lib/action';
import { lockMonthSchema } from '@/lib/validation/reports';

/** Locks a month of the officer in charge's mission; the audit row names it and the corrections it reported. */
export const lockMonthAction = createAction('report.lock_month', { permission: 'report:read', schema: lockMonthSchema }, async (input, { actor, tx }) => {
  const locked = await lockMonth(tx, actor, input.month);
  return { data: locked, audit: { entityType: 'month_lock', entityId: `${locked.mission}/${locked.month}`, details: { corrections: locked.corrections } } };
});
