import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { Locale } from '@/lib/domain/users';
import { AppError } from '@/lib/errors';
import { DEFAULT_LOCALE, formatLocale } from '@/lib/i18n/locale';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { type MailSettings, mailSettings, sendMail } from '@/lib/mail/send';

/** How a one-time set-password link reached its user: emailed to them, or to be shown once to the administrator. */
export type LinkDelivery = { emailedTo: string; linkPath: null } | { emailedTo: null; linkPath: string };

/**
 * Gets a new account's or a reset's one-time link (db/queries/users.ts issuePasswordLink) to its
 * user. With SMTP (lib/mail/send.ts) it is emailed to the account's address, in the user's
 * language, and the administrator never sees it; without, its path goes back to be shown once to
 * the administrator (the weaker option, in the README). Called inside the action's transaction,
 * last: an email that cannot be sent fails the action, so nothing is changed and no one holds a
 * link that was never stored.
 */
export async function deliverPasswordLink(
  user: { email: string; name: string; locale: Locale | null },
  token: string,
  reason: 'created' | 'reset',
  settings: MailSettings | null = mailSettings(),
): Promise<LinkDelivery> {
  const linkPath = `/set-password/${token}`;
  if (!settings) return { emailedTo: null, linkPath };
  const locale = user.locale ?? DEFAULT_LOCALE;
  // Keys checked by the tests of both languages; the translator's own key types are too deep for tsc here.
  const t = createTranslator({ locale: formatLocale(locale), messages: locale === 'en' ? en : id, namespace: 'mail.setPassword' }) as unknown as (key: string, values?: Record<string, string>) => string;
  const link = `${settings.origin}${linkPath}`;
  try {
    await sendMail(settings, { to: user.email, subject: t(`subject.${reason}`), text: t('body', { name: user.name, link, reason }) });
  } catch {
    throw new AppError('busy', 'users.mailFailed');
  }
  return { emailedTo: user.email, linkPath: null };
}
