'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegister } from 'react-hook-form';
import { translateKey } from '@/lib/i18n/dynamic';

/**
 * A memorable date as day, month and year inputs (GOV.UK pattern), not a calendar picker.
 * `name` is the form path of a { day, month, year } object; the fieldset carries its id.
 */
export function DateField({
  name,
  legend,
  hint,
  error,
  optional,
  register,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  // The form's register, for any form holding a date-parts object at `name`.
  register: UseFormRegister<never>;
}) {
  const t = useTranslations('form');
  const tAll = useTranslations();
  const reg = register as unknown as (path: string) => Record<string, unknown>;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field date has-error' : 'field date'} id={name} aria-describedby={described}>
      <legend>
        {legend}
        {optional ? ` (${t('optional')})` : ''}
      </legend>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">{t('errorPrefix')}: </span>
          {translateKey(tAll, error)}
        </p>
      )}
      <div className="date-inputs">
        {(['day', 'month', 'year'] as const).map((part) => (
          <div key={part}>
            <label htmlFor={`${name}.${part}`}>{t(part)}</label>
            <input
              type="text"
              inputMode="numeric"
              id={`${name}.${part}`}
              className={part === 'year' ? 'w4' : 'w2'}
              maxLength={part === 'year' ? 4 : 2}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              {...reg(`${name}.${part}`)}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
