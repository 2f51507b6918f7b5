'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';

const noChanges = () => () => {};

/**
 * A one-time set-password link, shown once to the administrator to hand to its user: the whole
 * address in a field that selects itself, to copy. It is not kept anywhere the page can show
 * it again.
 */
export function PasswordLink({ path, name }: { path: string; name: string }) {
  const t = useTranslations('users');
  const origin = useSyncExternalStore(noChanges, () => window.location.origin, () => '');
  return (
    <div className="notice ok" role="status">
      <p>{t('linkIntro', { name })}</p>
      <label htmlFor="password-link">{t('linkLabel')}</label>
      <input id="password-link" type="text" readOnly value={`${origin}${path}`} onFocus={(e) => e.currentTarget.select()} className="mono wide" />
      <p className="hint">{t('linkHint')}</p>
    </div>
  );
}
