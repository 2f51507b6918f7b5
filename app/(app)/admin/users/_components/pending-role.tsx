'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UserDetail } from '@/db/queries/users';
import { translateKey } from '@/lib/i18n/dynamic';
import { confirmRoleAction } from '../actions';

/**
 * A supervisor or admin role waiting for a second administrator: who asked, and — for any
 * other administrator — the button that confirms it.
 */
export function PendingRole({ user, askedBy, askedByMe }: { user: UserDetail; askedBy: string; askedByMe: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!user.pendingRole) return null;
  const role = t(`roles.${user.pendingRole}`);
  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await confirmRoleAction({ id: user.id, version: user.version });
    setBusy(false);
    if (!result.ok) setError(result.error);
    router.refresh();
  }
  return (
    <section className="notice warn" aria-labelledby="pending-role-title">
      <h2 id="pending-role-title">{t('users.pendingTitle')}</h2>
      <p>{t('users.pendingRole', { role, by: askedBy })}</p>
      {error && (
        <p role="alert" className="error-message">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      {askedByMe ? (
        <p>{t('users.pendingRoleYours')}</p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={confirm}>
          {t('users.confirmRole', { role })}
        </button>
      )}
    </section>
  );
}
