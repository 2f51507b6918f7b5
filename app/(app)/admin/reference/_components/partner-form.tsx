'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { partnerKinds } from '@/lib/domain/cases';
import { type PartnerInput, partnerSchema } from '@/lib/validation/reference';
import { savePartnerAction } from '../actions';

export function PartnerForm({ partner }: { partner: PartnerInput }) {
  const t = useTranslations();
  const router = useRouter();
  const key = partner.id ? `partner-${partner.id}` : 'partner-new';
  const labels = { code: t('reference.code'), kind: t('reference.kind'), nameId: t('reference.labelId'), nameEn: t('reference.labelEn') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, savedAt } = useActionForm({
    schema: partnerSchema,
    defaultValues: partner,
    action: savePartnerAction,
    labels,
    onSuccess: () => {
      if (!partner.id) return router.push('/admin/reference');
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="person" aria-label={partner.id ? partner.code : t('reference.addPartner')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id={`${key}-code`} label={labels.code} error={fieldError('code')}>
          {(aria) => <input type="text" {...aria} {...register('code')} />}
        </Field>
        <Field id={`${key}-kind`} label={labels.kind} error={fieldError('kind')}>
          {(aria) => (
            <select {...aria} {...register('kind')}>
              {partnerKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`reference.partnerKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${key}-nameId`} label={labels.nameId} error={fieldError('nameId')}>
          {(aria) => <input type="text" {...aria} {...register('nameId')} />}
        </Field>
        <Field id={`${key}-nameEn`} label={labels.nameEn} error={fieldError('nameEn')}>
          {(aria) => <input type="text" {...aria} {...register('nameEn')} />}
        </Field>
      </div>
      <label className="checkbox" htmlFor={`${key}-active`}>
        <input type="checkbox" id={`${key}-active`} {...register('isActive')} />
        {t('reference.isActive')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {partner.id ? t('reference.save') : t('reference.addPartner')}
        </button>
        {savedAt && partner.id && (
          <span className="saved" role="status">
            {t('form.savedAt', { time: savedAt })}
          </span>
        )}
      </div>
    </form>
  );
}
