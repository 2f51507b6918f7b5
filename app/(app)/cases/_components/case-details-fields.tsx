'use client';

import { useTranslations } from 'next-intl';
import { type UseFormReturn, useWatch } from 'react-hook-form';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { type Category, categories, categoryCodes, intakeChannels, riskLevels } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import type { UpdateCaseDetailsInput } from '@/lib/validation/cases';

type DetailsForm = UseFormReturn<Pick<UpdateCaseDetailsInput, 'category' | 'subcategories' | 'narrative' | 'eventsPlace' | 'eventsDate' | 'employerOrAgency' | 'vesselName' | 'vesselFlag' | 'intakeChannel' | 'riskLevel' | 'deathPenalty'>>;

/** "What happened", "how it reached us" and "urgency": the same fields in the intake and on the case file. */
export function CaseDetailsFields({ form, fieldError, part }: { form: DetailsForm; fieldError: (path: string) => string | undefined; part: 'what' | 'how' | 'urgency' }) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const { register, setValue, getValues } = form;
  const category = useWatch({ control: form.control, name: 'category' }) as Category;

  if (part === 'how') {
    return (
      <Field id="intakeChannel" label={t('intakeChannel')} error={fieldError('intakeChannel')}>
        {(aria) => (
          <select {...aria} {...register('intakeChannel')}>
            <ChooseOption />
            {intakeChannels.map((c) => (
              <option key={c} value={c}>
                {tAll(`channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }

  if (part === 'urgency') {
    return (
      <Field id="riskLevel" label={t('riskLevel')} hint={t('riskHint')} error={fieldError('riskLevel')}>
        {(aria) => (
          <select {...aria} {...register('riskLevel')}>
            <ChooseOption />
            {riskLevels.map((r) => (
              <option key={r} value={r}>
                {tAll(`risk.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }

  const subcategories = categories[category] ?? [];
  const register_category = register('category');
  return (
    <>
      <Field id="category" label={t('category')} error={fieldError('category')}>
        {(aria) => (
          <select
            {...aria}
            {...register_category}
            onChange={(e) => {
              void register_category.onChange(e);
              // Subcategories belong to a category: keep only those of the new one.
              const allowed = (categories[e.target.value as Category] ?? []) as readonly string[];
              setValue('subcategories', (getValues('subcategories') ?? []).filter((s) => allowed.includes(s)));
            }}
          >
            <ChooseOption />
            {categoryCodes.map((c) => (
              <option key={c} value={c}>
                {tAll(`categories.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {subcategories.length > 0 && (
        <fieldset className={fieldError('subcategories') ? 'field has-error' : 'field'} id="subcategories">
          <legend>
            {t('subcategories')} ({tAll('form.optional')})
          </legend>
          {fieldError('subcategories') && <p className="error-message">{translateKey(tAll, fieldError('subcategories')!)}</p>}
          <div className="checkboxes">
            {subcategories.map((s) => (
              <label className="checkbox" key={s} htmlFor={`sub-${s}`}>
                <input type="checkbox" id={`sub-${s}`} value={s} {...register('subcategories')} />
                {translateKey(tAll, `subcategories.${s}`, 'form.optional')}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {category === 'criminal' && (
        <div className="field">
          <label className="checkbox" htmlFor="deathPenalty">
            <input type="checkbox" id="deathPenalty" {...register('deathPenalty')} />
            {t('deathPenalty')}
          </label>
        </div>
      )}
      <Field id="narrative" label={t('narrative')} hint={t('narrativeHint')} error={fieldError('narrative')}>
        {(aria) => <textarea rows={7} {...aria} {...register('narrative')} />}
      </Field>
      <div className="grid2">
        <Field id="eventsPlace" label={t('eventsPlace')} optional error={fieldError('eventsPlace')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register('eventsPlace')} />}
        </Field>
        <Field id="employerOrAgency" label={t('employerOrAgency')} optional error={fieldError('employerOrAgency')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register('employerOrAgency')} />}
        </Field>
      </div>
      <Field id="eventsDate" label={t('eventsDate')} optional error={fieldError('eventsDate')}>
        {(aria) => <input type="date" {...aria} {...register('eventsDate')} />}
      </Field>
      {category === 'fishing_crew' && (
        <div className="grid2">
          <Field id="vesselName" label={t('vesselName')} optional error={fieldError('vesselName')}>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...register('vesselName')} />}
          </Field>
          <Field id="vesselFlag" label={t('vesselFlag')} hint={t('countryHint')} optional error={fieldError('vesselFlag')}>
            {(aria) => <input type="text" maxLength={2} autoComplete="off" {...aria} {...register('vesselFlag')} />}
          </Field>
        </div>
      )}
    </>
  );
}
