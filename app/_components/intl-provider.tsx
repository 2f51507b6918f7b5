'use client';

import { NextIntlClientProvider } from 'next-intl';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { languageOf } from '@/lib/i18n/locale';

const MESSAGES = { en, id };

/**
 * The messages of the browser's components come with the client's code — one cached file for
 * every page — not in each page's payload: handed down from the server they were 125 kB of every
 * response (the whole catalogue, serialised again for each request).
 */
export function IntlProvider({ locale, timeZone, children }: { locale: string; timeZone: string; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={MESSAGES[languageOf(locale)]}>
      {children}
    </NextIntlClientProvider>
  );
}
