import type { Metadata } from 'next';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { IntlProvider } from './_components/intl-provider';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: 'Payung', template: '%s · Payung' }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <html lang={locale}>
      <body>
        <IntlProvider locale={locale} timeZone={timeZone}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
