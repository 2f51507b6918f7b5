'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UserDetail } from '@/db/queries/users';
import { translateKey } from '@/lib/i18n/dynamic';
import { toUserFormValues } from '@/lib/validation/users';
import { updateUserAction } from '../actions';

/** Deactivating asks once, with the consequence spelled out; it signs the user out at once. */
export function ActivationSection({ user }: { user: UserDetail }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function setActive(isActive: boolean) {
    setPending(true);
    setError(null);
    const result = await updateUserAction({ ...toUserFormValues(user), isActive });
    setPending(false);
    setConfirming(false);
    if (!result.ok) setError(result.error);
    router.refresh();
  }

  return (
    <section aria-labelledby="activation-title">
      <h2 id="activation-title">{user.isActive ? t('users.deactivate') : t('users.reactivate')}</h2>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      {!user.isActive ? (
        <button type="button" className="secondary" disabled={pending} onClick={() => setActive(true)}>
          {t('users.reactivate')}
        </button>
      ) : confirming ? (
        <div className="notice warn">
          <p>{t('users.deactivateConsequence', { name: user.name })}</p>
          <div className="actions">
            <button type="button" className="warning" disabled={pending} onClick={() => setActive(false)}>
              {t('users.confirmDeactivate')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t('users.deactivate')}
        </button>
      )}
    </section>
  );
}
