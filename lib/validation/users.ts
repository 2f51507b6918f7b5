import { z } from './zod';
import { locales, roles } from '@/lib/domain/users';
import { DEMO_PASSWORD_VALUE } from './constants';

// Messages are i18n keys: the form shows them in the user's language, in the browser and after the server's re-check.
const email = z.string().trim().toLowerCase().min(1, 'validation.required').max(254, 'validation.tooLong').email('validation.email');
const name = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');
export const newPassword = z
  .string()
  .min(12, 'validation.passwordTooShort')
  .max(200, 'validation.tooLong')
  .refine((p) => p !== DEMO_PASSWORD_VALUE, 'validation.passwordIsDemo');

const userFields = z.object({
  email,
  name,
  role: z.enum(roles, 'validation.required'),
  // Missions and regions are named by their codes, which forms, imports and scripts share.
  missionCode: z.string().trim().toUpperCase(),
  regionCode: z.string().trim(),
  locale: z.enum(['', ...locales]),
  /** officers only: head of their mission */
  isMissionHead: z.boolean().default(false),
});

/** A mission matters only for officers and a region only for supervisors; other values are ignored. */
function roleRules(value: z.infer<typeof userFields>, ctx: z.RefinementCtx) {
  if (value.role === 'officer' && !value.missionCode) {
    ctx.addIssue({ code: 'custom', path: ['missionCode'], message: 'validation.officerNeedsMission' });
  }
}

export const createUserSchema = userFields.superRefine(roleRules);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = userFields
  .extend({
    id: z.uuid(),
    isActive: z.boolean(),
    version: z.number().int().positive(),
  })
  .superRefine(roleRules);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** A saved user as the edit form's values. */
export function toUserFormValues(user: {
  id: string;
  email: string;
  name: string;
  role: UpdateUserInput['role'];
  missionCode: string | null;
  regionCode: string | null;
  locale: UpdateUserInput['locale'] | null;
  isActive: boolean;
  isMissionHead: boolean;
  version: number;
}): UpdateUserInput {
  const { id, email, name, role, isActive, isMissionHead, version } = user;
  return { id, email, name, role, isActive, isMissionHead, version, missionCode: user.missionCode ?? '', regionCode: user.regionCode ?? '', locale: user.locale ?? '' };
}

export const resetPasswordSchema = z.object({ id: z.uuid() });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const confirmRoleSchema = z.object({ id: z.uuid(), version: z.number().int().positive() });

/** A password set through a one-time link (/set-password/<token>). */
export const setPasswordSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'errors.passwordLinkInvalid'), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordsDiffer' });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'validation.required').email('validation.email'),
  password: z.string().min(1, 'validation.required'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const localeSchema = z.object({ locale: z.enum(locales) });
