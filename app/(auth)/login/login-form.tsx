'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorSummary, type SummaryItem } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { type SignInInput, signInSchema } from '@/lib/validation/users';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' }, shouldFocusError: false });

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      const result = await signIn('credentials', { ...values, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the shell with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      setFailure(result?.error === 'locked' ? 'login.locked' : 'login.invalid');
      focusSummary();
    },
    () => focusSummary(),
  );

  const items: SummaryItem[] = [
    ...(failure ? [{ message: failure }] : []),
    ...(errors.email?.message ? [{ fieldId: 'email', label: t('login.email'), message: errors.email.message }] : []),
    ...(errors.password?.message ? [{ fieldId: 'password', label: t('login.password'), message: errors.password.message }] : []),
  ];

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary ref={summaryRef} items={items} />
      <Field id="email" label={t('login.email')} error={errors.email?.message}>
        {(aria) => <input type="email" autoComplete="username" spellCheck={false} {...aria} {...register('email')} />}
      </Field>
      <Field id="password" label={t('login.password')} error={errors.password?.message}>
        {(aria) => <input type="password" autoComplete="current-password" {...aria} {...register('password')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.signingIn') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
