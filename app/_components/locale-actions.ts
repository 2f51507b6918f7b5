'use server';

import { cookies } from 'next/headers';
import { setOwnLocale } from '@/db/queries/users';
import { createAction } from '@/lib/action';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { localeSchema } from '@/lib/validation/users';

const ONE_YEAR = 365 * 24 * 3600;

async function rememberInCookie(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true });
}

/** Signed in: saved on the user (and audited); the cookie keeps it for the sign-in page after sign-out. */
const saveOwnLocale = createAction('user.set_locale', { permission: 'profile:update', schema: localeSchema }, async (input, { actor, tx }) => {
  const { changes } = await setOwnLocale(tx, actor, input.locale);
  return { data: null, audit: { entityType: 'user', entityId: actor.id!, changes } };
});

export async function setOwnLocaleAction(raw: unknown) {
  const result = await saveOwnLocale(raw);
  if (result.ok) await rememberInCookie((raw as { locale: string }).locale);
  return result;
}

/** Signed out (the sign-in page): only a cookie. */
export async function setVisitorLocaleAction(raw: unknown) {
  const parsed = localeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false as const };
  await rememberInCookie(parsed.data.locale);
  return { ok: true as const };
}
