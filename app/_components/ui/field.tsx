'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** i18n key of the error, from the zod schema or the server */
  error?: string;
  optional?: boolean;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** Label, hint and error beside one input, tied together for screen readers (GOV.UK pattern). */
export function Field({ id, label, hint, error, optional, children }: FieldProps) {
  const t = useTranslations();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? ` (${t('form.optional')})` : ''}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}: </span>
          {translateKey(t, error)}
        </p>
      )}
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** The empty first option of a select that records a fact: nothing is chosen until someone chooses. */
export function ChooseOption() {
  const t = useTranslations();
  return <option value="">{t('form.choose')}</option>;
}
