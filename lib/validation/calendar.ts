import { z } from './zod';

export const createFeedSchema = z.object({ missionId: z.coerce.number<string | number>().int('validation.required').positive('validation.required') });
export const revokeFeedSchema = z.object({ feedId: z.uuid() });
