'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { resetPasswordSchema } from '@/lib/validation/users';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations();
  const labels = { password: t('users.newPassword'), confirm: t('users.confirmPassword') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, savedAt } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { id: userId, password: '', confirm: '' },
    action: resetPasswordAction,
    labels,
    onSuccess: () => form.reset({ id: userId, password: '', confirm: '' }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('users.resetPassword')}</h2>
      <p className="hint">{t('users.resetPasswordHint')}</p>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="password" label={labels.password} hint={t('users.passwordHint')} error={fieldError('password')}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register('password')} />}
      </Field>
      <Field id="confirm" label={labels.confirm} error={fieldError('confirm')}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register('confirm')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
          {t('users.resetPassword')}
        </button>
        {savedAt && (
          <span className="saved" role="status">
            {t('users.passwordReset')}
          </span>
        )}
      </div>
    </form>
  );
}
