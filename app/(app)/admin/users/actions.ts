'use server';

import { resetTwoFactor } from '@/db/queries/two-factor';
import { confirmRole, createUser, resetPassword, updateUser } from '@/db/queries/users';
import { createAction } from '@/lib/action';
import { confirmRoleSchema, createUserSchema, resetPasswordSchema, updateUserSchema } from '@/lib/validation/users';

/** The account, and the path of its one-time set-password link: shown once, to the administrator, for the user. */
export const createUserAction = createAction('user.create', { permission: 'user:manage', schema: createUserSchema }, async (input, { actor, tx }) => {
  const { id, changes, token, pendingRole } = await createUser(tx, actor, input);
  return { data: { id, linkPath: `/set-password/${token}`, pendingRole }, audit: { entityType: 'user', entityId: id, changes } };
});

export const updateUserAction = createAction('user.update', { permission: 'user:manage', schema: updateUserSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await updateUser(tx, actor, input);
  return { data: { version }, audit: { entityType: 'user', entityId: input.id, changes } };
});

export const resetPasswordAction = createAction(
  'user.reset_password',
  { permission: 'user:manage', schema: resetPasswordSchema },
  async (input, { actor, tx }) => {
    const { changes, token } = await resetPassword(tx, actor, input);
    return { data: { linkPath: `/set-password/${token}` }, audit: { entityType: 'user', entityId: input.id, changes } };
  },
);

export const confirmRoleAction = createAction('user.confirm_role', { permission: 'user:manage', schema: confirmRoleSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await confirmRole(tx, actor, input);
  return { data: { version }, audit: { entityType: 'user', entityId: input.id, changes } };
});

/** A lost phone: the user's two-step sign-in turned off by an administrator, in the audit. */
export const resetTwoFactorAction = createAction('user.reset_two_factor', { permission: 'user:manage', schema: resetPasswordSchema }, async (input, { actor, tx }) => {
  const { changes } = await resetTwoFactor(tx, actor, input.id);
  return { data: null, audit: { entityType: 'user', entityId: input.id, changes } };
});
