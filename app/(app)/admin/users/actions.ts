'use server';

import { resetTwoFactor } from '@/db/queries/two-factor';
import { confirmRole, createUser, resetPassword, updateUser } from '@/db/queries/users';
import { createAction } from '@/lib/action';
import { type LinkDelivery, deliverPasswordLink } from '@/lib/auth/password-link';
import { confirmRoleSchema, createUserSchema, resetPasswordSchema, updateUserSchema } from '@/lib/validation/users';

/** How the link went, for the audit: by email, or shown to the administrator. */
const deliveryChange = (delivery: LinkDelivery) => ({ linkDelivery: { before: null, after: delivery.emailedTo ? 'email' : 'shown once' } });

/**
 * The account, and its one-time set-password link: emailed to the user where Payung has SMTP,
 * otherwise its path returned to be shown once, to the administrator, for the user.
 */
export const createUserAction = createAction('user.create', { permission: 'user:manage', schema: createUserSchema }, async (input, { actor, tx }) => {
  const { id, changes, token, pendingRole } = await createUser(tx, actor, input);
  const delivery = await deliverPasswordLink({ email: input.email, name: input.name, locale: input.locale || null }, token!, 'created');
  return { data: { id, ...delivery, pendingRole }, audit: { entityType: 'user', entityId: id, changes: { ...changes, ...deliveryChange(delivery) } } };
});

export const updateUserAction = createAction('user.update', { permission: 'user:manage', schema: updateUserSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await updateUser(tx, actor, input);
  return { data: { version }, audit: { entityType: 'user', entityId: input.id, changes } };
});

export const resetPasswordAction = createAction(
  'user.reset_password',
  { permission: 'user:manage', schema: resetPasswordSchema },
  async (input, { actor, tx }) => {
    const { changes, token, user } = await resetPassword(tx, actor, input);
    const delivery = await deliverPasswordLink(user, token, 'reset');
    return { data: delivery, audit: { entityType: 'user', entityId: input.id, changes: { ...changes, ...deliveryChange(delivery) } } };
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
