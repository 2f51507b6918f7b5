'use client';

import { useTranslations } from 'next-intl';
import type { UseFormReturn } from 'react-hook-form';
import { Field } from '@/app/_components/ui/field';
import { perpetratorKinds } from '@/lib/domain/cases';
import type { CreateCaseForm } from '@/lib/validation/cases';

export function PerpetratorFields({
  form,
  index,
  fieldError,
  onRemove,
}: {
  form: UseFormReturn<CreateCaseForm>;
  index: number;
  fieldError: (path: string) => string | undefined;
  onRemove: () => void;
}) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const p = `perpetrators.${index}` as const;
  const id = (name: string) => `${p}.${name}`;
  const { register } = form;
  return (
    <fieldset className="person" aria-labelledby={`${p}-heading`}>
      <h3 id={`${p}-heading`}>{t('perpetratorHeading', { n: index + 1 })}</h3>
      <div className="grid2">
        <Field id={id('fullName')} label={t('perpetratorName')} error={fieldError(id('fullName'))}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register(`${p}.fullName`)} />}
        </Field>
        <Field id={id('perpetratorKind')} label={t('perpetratorKind')} error={fieldError(id('perpetratorKind'))}>
          {(aria) => (
            <select {...aria} {...register(`${p}.perpetratorKind`)}>
              {perpetratorKinds.map((k) => (
                <option key={k} value={k}>
                  {tAll(`perpetratorKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('nationality')} label={t('nationality')} hint={t('countryHint')} optional error={fieldError(id('nationality'))}>
          {(aria) => <input type="text" maxLength={2} autoComplete="off" spellCheck={false} {...aria} {...register(`${p}.nationality`)} />}
        </Field>
        <Field id={id('organisation')} label={t('organisation')} optional error={fieldError(id('organisation'))}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register(`${p}.organisation`)} />}
        </Field>
      </div>
      <div className="field">
        <label className="checkbox" htmlFor={id('isArrested')}>
          <input type="checkbox" id={id('isArrested')} {...register(`${p}.isArrested`)} />
          {t('isArrested')}
        </label>
      </div>
      <button type="button" className="link" onClick={onRemove}>
        {t('removePerpetrator', { n: index + 1 })}
      </button>
    </fieldset>
  );
}
