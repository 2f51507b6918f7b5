'use server';

import { createUser, resetPassword, updateUser } from '@/db/queries/users';
import { createAction } from '@/lib/action';
import { createUserSchema, resetPasswordSchema, updateUserSchema } from '@/lib/validation/users';

export const createUserAction = createAction('user.create', { permission: 'user:manage', schema: createUserSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await createUser(tx, actor, input);
  return { data: { id }, audit: { entityType: 'user', entityId: id, changes } };
});

export const updateUserAction = createAction('user.update', { permission: 'user:manage', schema: updateUserSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await updateUser(tx, actor, input);
  return { data: { version }, audit: { entityType: 'user', entityId: input.id, changes } };
});

export const resetPasswordAction = createAction(
  'user.reset_password',
  { permission: 'user:manage', schema: resetPasswordSchema },
  async (input, { actor, tx }) => {
    const { changes } = await resetPassword(tx, actor, input);
    return { data: null, audit: { entityType: 'user', entityId: input.id, changes } };
  },
);
