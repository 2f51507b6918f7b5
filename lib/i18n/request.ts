import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DIRECTORATE_TIME_ZONE } from '@/lib/actor';
import { getActor } from '@/lib/auth/actor';
import { LOCALE_COOKIE, chooseLocale, formatLocale } from './locale';
import en from './messages/en.json';
import id from './messages/id.json';

const MESSAGES = { en, id };

export default getRequestConfig(async () => {
  const actor = await getActor().catch(() => null);
  const language = chooseLocale(actor?.locale, (await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return {
    // The formatting locale (en-GB for English): pages read the language back with languageOf().
    locale: formatLocale(language),
    messages: MESSAGES[language],
    // Dates are shown in the acting user's mission's zone (the directorate's for others).
    timeZone: actor?.timeZone ?? DIRECTORATE_TIME_ZONE,
  };
});
