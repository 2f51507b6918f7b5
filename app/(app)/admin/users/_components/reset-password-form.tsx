'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { PasswordLink } from '@/app/_components/ui/password-link';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { resetPasswordSchema } from '@/lib/validation/users';
import { resetPasswordAction } from '../actions';

/** A reset: the old password stops working and the user gets a one-time link to set their own. */
export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations();
  const [linkPath, setLinkPath] = useState<string | null>(null);
  const { form, onSubmit, summaryRef, summaryItems } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { id: userId },
    action: resetPasswordAction,
    labels: {},
    onSuccess: (data) => setLinkPath((data as { linkPath: string }).linkPath),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('users.resetPassword')}</h2>
      <p className="hint">{t('users.resetPasswordHint')}</p>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      {linkPath && <PasswordLink path={linkPath} name={name} />}
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
          {t('users.resetPassword')}
        </button>
      </div>
    </form>
  );
}
