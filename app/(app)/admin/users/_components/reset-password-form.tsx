'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { PasswordLink } from '@/app/_components/ui/password-link';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { LinkDelivery } from '@/lib/auth/password-link';
import { resetPasswordSchema } from '@/lib/validation/users';
import { resetPasswordAction } from '../actions';

/** A reset: the old password stops working and the user gets a one-time link to set their own (emailed to them, `byEmail`, or shown here once). */
export function ResetPasswordForm({ userId, name, byEmail }: { userId: string; name: string; byEmail: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [delivery, setDelivery] = useState<LinkDelivery | null>(null);
  const { form, onSubmit, summaryRef, summaryItems } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { id: userId },
    action: resetPasswordAction,
    labels: {},
    onSuccess: (data) => {
      setDelivery(data as LinkDelivery);
      // A reset is a new version of the account: the user form above reads it, and saves on it.
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('users.resetPassword')}</h2>
      <p className="hint">{t(byEmail ? 'users.resetPasswordHintEmail' : 'users.resetPasswordHint')}</p>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      {delivery && <PasswordLink delivery={delivery} name={name} />}
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
          {t('users.resetPassword')}
        </button>
      </div>
    </form>
  );
}
