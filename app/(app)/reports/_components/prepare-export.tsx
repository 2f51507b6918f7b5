'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { summaryExportSchema } from '@/lib/validation/exports';
import { requestSummaryExport } from '../../exports/actions';

/** The summary's file made in the background, for long periods and wide scopes: followed under "My exports". */
export function PrepareExport({ period, scope }: { period: string; scope: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems } = useActionForm({
    schema: summaryExportSchema,
    defaultValues: { period, scope, format: 'pdf', outside: false },
    action: requestSummaryExport,
    labels: { format: t('exports.prepareFormat') },
    onSuccess: (data) => router.push(`/exports?requested=${(data as { id: string }).id}`),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('exports.prepare')} className="toolbar">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="field">
        <label htmlFor="prepare-format">{t('exports.prepareFormat')}</label>
        <select id="prepare-format" {...form.register('format')}>
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`reports.download.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox" htmlFor="prepare-outside">
        <input type="checkbox" id="prepare-outside" {...form.register('outside')} />
        {t('reports.outsideTitle')}
      </label>
      <FormActions label={t('exports.prepare')} pending={form.formState.isSubmitting} />
    </form>
  );
}
