'use server';

import { createMission, updateMission } from '@/db/queries/missions';
import { createAction } from '@/lib/action';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { missionSchema, updateMissionSchema } from '@/lib/validation/missions';

function codeTaken(e: unknown): never {
  if (isUniqueViolation(e)) throw new AppError('conflict', 'errors.missionCodeTaken', { code: ['validation.missionCodeTaken'] });
  throw e;
}

export const createMissionAction = createAction('mission.create', { permission: 'mission:manage', schema: missionSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await createMission(tx, actor, input).catch(codeTaken);
  return { data: { id }, audit: { entityType: 'mission', entityId: id, changes } };
});

export const updateMissionAction = createAction(
  'mission.update',
  { permission: 'mission:manage', schema: updateMissionSchema },
  async (input, { actor, tx }) => {
    const { version, changes } = await updateMission(tx, actor, input).catch(codeTaken);
    return { data: { version }, audit: { entityType: 'mission', entityId: input.id, changes } };
  },
);
