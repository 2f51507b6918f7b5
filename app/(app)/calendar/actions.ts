'use server';

import { createFeed, revokeFeed } from '@/db/queries/calendar-feeds';
import { createAction } from '@/lib/action';
import { createFeedSchema, revokeFeedSchema } from '@/lib/validation/calendar';

/** The token goes back to the user once and never into the audit trail. */
export const createFeedAction = createAction('calendar.create_feed', { permission: 'case:read', schema: createFeedSchema }, async (input, { actor, tx }) => {
  const { id, token, missionCode } = await createFeed(tx, actor, input.missionId);
  return { data: { token, missionCode }, audit: { entityType: 'calendar_feed', entityId: id, details: { missionCode } } };
});

export const revokeFeedAction = createAction('calendar.revoke_feed', { permission: 'case:read', schema: revokeFeedSchema }, async (input, { actor, tx }) => {
  const { missionId } = await revokeFeed(tx, actor, input.feedId);
  return { data: { missionId }, audit: { entityType: 'calendar_feed', entityId: input.feedId } };
});
