'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';
import { resetTwoFactorAction } from '../actions';

/** For a lost phone: turns off the user's two-step sign-in (recorded in the audit). */
export function ResetTwoFactor({ userId }: { userId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | string>('idle');
  return (
    <section aria-labelledby="reset-two-factor-title">
      <h2 id="reset-two-factor-title">{t('twoFactor.title')}</h2>
      <p>{t('twoFactor.userHas')}</p>
      <p className="hint">{t('twoFactor.adminResetHint')}</p>
      {state === 'done' ? (
        <p role="status">{t('twoFactor.adminResetDone')}</p>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={state === 'busy'}
          onClick={async () => {
            setState('busy');
            const result = await resetTwoFactorAction({ id: userId });
            setState(result.ok ? 'done' : result.error);
            router.refresh();
          }}
        >
          {t('twoFactor.adminReset')}
        </button>
      )}
      {state.startsWith('errors.') && (
        <p role="alert" className="error-message">
          {translateKey(t, state, 'errors.unexpected')}
        </p>
      )}
    </section>
  );
}
