'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';
import { lockMonthAction } from '../actions';

/**
 * The officer in charge submits a month: one button, then a confirmation that says what
 * locking means, because it cannot be undone.
 */
export function LockMonth({ month, mission }: { month: string; mission: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function lock() {
    setBusy(true);
    setError(null);
    const result = await lockMonthAction({ month });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      setError(translateKey(t, result.fieldErrors?.month?.[0] ?? result.error, 'errors.invalid'));
      return;
    }
    setNotice(t('reports.lock.done', { month, n: result.data.corrections }));
    router.refresh();
  }

  return (
    <section className="panel" aria-labelledby="lock-title">
      <h3 id="lock-title">{t('reports.lock.title')}</h3>
      <p>{t('reports.lock.explain', { mission, month })}</p>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {!notice &&
        (confirming ? (
          <p role="group" aria-labelledby="lock-confirm">
            <span id="lock-confirm">{t('reports.lock.confirm', { mission, month })}</span>{' '}
            <button type="button" className="warning" ref={confirmRef} disabled={busy} onClick={lock}>
              {t('reports.lock.confirmButton', { month })}
            </button>{' '}
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('reports.lock.cancel')}
            </button>
          </p>
        ) : (
          <button
            type="button"
            onClick={() => {
              setConfirming(true);
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            {t('reports.lock.button', { month })}
          </button>
        ))}
    </section>
  );
}
