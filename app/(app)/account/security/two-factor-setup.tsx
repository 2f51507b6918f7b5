'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { translateKey } from '@/lib/i18n/dynamic';
import { z } from '@/lib/validation/zod';
import { beginTwoFactorAction, confirmTwoFactorAction, turnOffTwoFactorAction } from '../actions';

const codeSchema = z.object({ code: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong') });

/** A code from the app, sent to `action`; the page is read again after. */
function CodeForm({ action, submit, hint }: { action: (v: unknown) => ReturnType<typeof confirmTwoFactorAction>; submit: string; hint?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = { code: t('twoFactor.code') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({ schema: codeSchema, defaultValues: { code: '' }, action, labels, onSuccess: () => router.refresh() });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="code" label={labels.code} hint={hint} error={fieldError('code')}>
        {(aria) => <input type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={7} {...aria} {...form.register('code')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {submit}
        </button>
      </div>
    </form>
  );
}

export function TwoFactorSetup({ on, mustKeep }: { on: boolean; mustKeep: boolean }) {
  const t = useTranslations();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (on) {
    return mustKeep ? <p className="hint">{t('twoFactor.cannotTurnOff')}</p> : <CodeForm action={turnOffTwoFactorAction} submit={t('twoFactor.turnOff')} hint={t('twoFactor.turnOffHint')} />;
  }
  if (!setup) {
    return (
      <>
        {error && (
          <p className="notice warn" role="alert">
            {translateKey(t, error, 'errors.unexpected')}
          </p>
        )}
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const result = await beginTwoFactorAction();
            if (result.ok) setSetup(result.data);
            else setError(result.error);
          }}
        >
          {t('twoFactor.start')}
        </button>
      </>
    );
  }
  return (
    <section aria-labelledby="setup-title">
      <h2 id="setup-title">{t('twoFactor.start')}</h2>
      <p>{t('twoFactor.scan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an asset to optimise */}
      <img src={setup.qr} alt={t('twoFactor.qr')} width={200} height={200} />
      <p>
        {t('twoFactor.key')}: <code data-testid="totp-key">{setup.secret}</code>
      </p>
      <CodeForm action={confirmTwoFactorAction} submit={t('twoFactor.confirm')} />
    </section>
  );
}
