'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { setPasswordSchema } from '@/lib/validation/users';
import { setPasswordAction } from '../actions';

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = { password: t('users.newPassword'), confirm: t('users.confirmPassword') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: setPasswordSchema,
    defaultValues: { token, password: '', confirm: '' },
    action: setPasswordAction,
    labels,
    onSuccess: () => router.push('/login?passwordSet=1'),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="password" label={labels.password} hint={t('users.passwordHint')} error={fieldError('password')}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register('password')} />}
      </Field>
      <Field id="confirm" label={labels.confirm} error={fieldError('confirm')}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register('confirm')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('setPassword.submit')}
        </button>
      </div>
    </form>
  );
}
