'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Offers the other language; the server action saves the choice (on the user when signed in). */
export function LanguageSwitch({ action }: { action: (locale: unknown) => Promise<unknown> }) {
  const locale = useLocale();
  const t = useTranslations('language');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other = locale === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="link"
      lang={other}
      disabled={pending}
      aria-label={t('switchTo', { language: t(other) })}
      onClick={() =>
        startTransition(async () => {
          await action({ locale: other });
          router.refresh();
        })
      }
    >
      {t(other)}
    </button>
  );
}
