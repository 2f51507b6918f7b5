'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { serviceTypes } from '@/lib/domain/cases';
import { type StepTemplateInput, stepTemplateSchema } from '@/lib/validation/reference';
import { saveStepTemplateAction } from '../actions';

/** One step of a category's template; a new one when `template` has no id. */
export function TemplateForm({ template }: { template: StepTemplateInput }) {
  const t = useTranslations();
  const router = useRouter();
  const key = template.id ? `tpl-${template.id}` : 'tpl-new';
  const labels = {
    position: t('reference.position'),
    labelId: t('reference.labelId'),
    labelEn: t('reference.labelEn'),
    serviceType: t('steps.service'),
    dueOffsetDays: t('reference.dueOffsetDays'),
    graceDays: t('reference.graceDays'),
  };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, savedAt, conflict } = useActionForm({
    schema: stepTemplateSchema,
    defaultValues: template,
    action: saveStepTemplateAction,
    labels,
    onSuccess: (data) => {
      if (!template.id) return router.push(`/admin/reference?category=${template.category}`);
      else form.setValue('version', (data as { version: number }).version);
      router.refresh();
    },
  });
  const { register } = form;
  const num = { valueAsNumber: true } as const;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="person" aria-label={template.id ? template.labelEn : t('reference.addTemplate')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} extra={<ConflictDetails opened={template} current={conflict} labels={labels} />} />
      <div className="grid2">
        <Field id={`${key}-labelId`} label={labels.labelId} error={fieldError('labelId')}>
          {(aria) => <input type="text" {...aria} {...register('labelId')} />}
        </Field>
        <Field id={`${key}-labelEn`} label={labels.labelEn} error={fieldError('labelEn')}>
          {(aria) => <input type="text" {...aria} {...register('labelEn')} />}
        </Field>
        <Field id={`${key}-serviceType`} label={labels.serviceType} error={fieldError('serviceType')}>
          {(aria) => (
            <select {...aria} {...register('serviceType')}>
              {serviceTypes.map((s) => (
                <option key={s} value={s}>
                  {t(`services.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${key}-position`} label={labels.position} error={fieldError('position')}>
          {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('position', num)} />}
        </Field>
        <Field id={`${key}-due`} label={labels.dueOffsetDays} error={fieldError('dueOffsetDays')}>
          {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('dueOffsetDays', num)} />}
        </Field>
        <Field id={`${key}-grace`} label={labels.graceDays} error={fieldError('graceDays')}>
          {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('graceDays', num)} />}
        </Field>
      </div>
      <div className="checkboxes">
        {(['isRequired', 'mustStart', 'isActive'] as const).map((flag) => (
          <label className="checkbox" key={flag} htmlFor={`${key}-${flag}`}>
            <input type="checkbox" id={`${key}-${flag}`} {...register(flag)} />
            {t(`reference.${flag}`)}
          </label>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {template.id ? t('reference.save') : t('reference.addTemplate')}
        </button>
        {savedAt && template.id && (
          <span className="saved" role="status">
            {t('form.savedAt', { time: savedAt })}
          </span>
        )}
      </div>
    </form>
  );
}
