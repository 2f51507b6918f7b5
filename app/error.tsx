'use client';

import { useTranslations } from 'next-intl';

/** An unexpected failure while rendering: a plain apology with the request's digest, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main id="main" className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {error.digest && (
        <p className="muted">
          {t('reference')}: <span className="mono">{error.digest}</span>
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={reset}>
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
