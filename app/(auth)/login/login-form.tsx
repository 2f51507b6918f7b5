'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorSummary, type SummaryItem } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { type SignInInput, signInSchema } from '@/lib/validation/users';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Two-step sign-in: asked for once the password is right; kept while the code is retyped.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  // The code field appears once the password is right: the cursor goes straight to it.
  useEffect(() => {
    if (askCode) document.getElementById('code')?.focus();
  }, [askCode]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' }, shouldFocusError: false });

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      setCodeError(null);
      const result = await signIn('credentials', { ...values, code: askCode ? code : '', redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the shell with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      if (result?.error === 'code_required') {
        setAskCode(true);
        return;
      }
      if (result?.error === 'code_wrong') setCodeError('login.codeWrong');
      else setFailure(result?.error === 'locked' ? 'login.locked' : 'login.invalid');
      focusSummary();
    },
    () => focusSummary(),
  );

  const items: SummaryItem[] = [
    ...(failure ? [{ message: failure }] : []),
    ...(errors.email?.message ? [{ fieldId: 'email', label: t('login.email'), message: errors.email.message }] : []),
    ...(errors.password?.message ? [{ fieldId: 'password', label: t('login.password'), message: errors.password.message }] : []),
    ...(codeError ? [{ fieldId: 'code', label: t('login.code'), message: codeError }] : []),
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
      {askCode && (
        <Field id="code" label={t('login.code')} hint={t('login.codeHint')} error={codeError ?? undefined}>
          {(aria) => (
            <input type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} {...aria} />
          )}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.signingIn') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
