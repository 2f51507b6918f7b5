'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import type { LinkDelivery } from '@/lib/auth/password-link';

const noChanges = () => () => {};

/**
 * A one-time set-password link, shown once to the administrator to hand to its user: the whole
 * address in a field that selects itself, to copy. It is not kept anywhere the page can show
 * it again. Where Payung emailed it to the user instead, only that is said.
 */
export function PasswordLink({ delivery, name }: { delivery: LinkDelivery; name: string }) {
  const t = useTranslations('users');
  const origin = useSyncExternalStore(noChanges, () => window.location.origin, () => '');
  if (delivery.emailedTo !== null) {
    return (
      <div className="notice ok" role="status">
        <p>{t('linkEmailed', { email: delivery.emailedTo })}</p>
      </div>
    );
  }
  const path = delivery.linkPath;
  return (
    <div className="notice ok" role="status">
      <p>{t('linkIntro', { name })}</p>
      <label htmlFor="password-link">{t('linkLabel')}</label>
      <input id="password-link" type="text" readOnly value={`${origin}${path}`} onFocus={(e) => e.currentTarget.select()} className="mono wide" />
      <p className="hint">{t('linkHint')}</p>
    </div>
  );
}
