'use client';

import { useTranslations } from 'next-intl';
import { DateField } from '@/app/_components/ui/date-field';
import { Field } from '@/app/_components/ui/field';
import { dobBases, sexes } from '@/lib/domain/cases';

type Register = (path: string) => Record<string, unknown>;

/**
 * A citizen's identity fields: NIK, passport, date of birth and how it is known, sex.
 * `prefix` is where the person sits in the form ("subjects.0." in the intake, "" on the case file).
 */
export function IdentityFields({ prefix, register, fieldError }: { prefix: string; register: unknown; fieldError: (path: string) => string | undefined }) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const reg = register as Register;
  const id = (name: string) => `${prefix}${name}`;
  return (
    <>
      <div className="grid2">
        <Field id={id('nik')} label={t('nik')} hint={t('nikHint')} optional error={fieldError(id('nik'))}>
          {(aria) => <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} {...aria} {...reg(id('nik'))} />}
        </Field>
        <Field id={id('passportNumber')} label={t('passportNumber')} hint={t('passportHint')} optional error={fieldError(id('passportNumber'))}>
          {(aria) => <input type="text" autoComplete="off" spellCheck={false} {...aria} {...reg(id('passportNumber'))} />}
        </Field>
      </div>
      <DateField name={id('dateOfBirth')} legend={t('dateOfBirth')} hint={t('dateOfBirthHint')} optional error={fieldError(id('dateOfBirth'))} register={register as never} />
      <div className="grid2">
        <Field id={id('dobBasis')} label={t('dobBasis')} optional error={fieldError(id('dobBasis'))}>
          {(aria) => (
            <select {...aria} {...reg(id('dobBasis'))}>
              <option value="">{t('notKnown')}</option>
              {dobBases.map((b) => (
                <option key={b} value={b}>
                  {tAll(`dobBasis.${b}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('sex')} label={t('sex')} optional error={fieldError(id('sex'))}>
          {(aria) => (
            <select {...aria} {...reg(id('sex'))}>
              <option value="">{t('notKnown')}</option>
              {sexes.map((s) => (
                <option key={s} value={s}>
                  {tAll(`sex.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}

/** Home province and regency, and a phone number: for subjects and family contacts. */
export function HomeFields({ prefix, register, fieldError, withPhone = true }: { prefix: string; register: unknown; fieldError: (path: string) => string | undefined; withPhone?: boolean }) {
  const t = useTranslations('intake');
  const reg = register as Register;
  const id = (name: string) => `${prefix}${name}`;
  return (
    <div className="grid2">
      <Field id={id('homeProvince')} label={t('homeProvince')} optional error={fieldError(id('homeProvince'))}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...reg(id('homeProvince'))} />}
      </Field>
      <Field id={id('homeRegency')} label={t('homeRegency')} optional error={fieldError(id('homeRegency'))}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...reg(id('homeRegency'))} />}
      </Field>
      {withPhone && (
        <Field id={id('phone')} label={t('phone')} optional error={fieldError(id('phone'))}>
          {(aria) => <input type="tel" autoComplete="off" {...aria} {...reg(id('phone'))} />}
        </Field>
      )}
    </div>
  );
}
