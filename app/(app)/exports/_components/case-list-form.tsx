'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { translateKey } from '@/lib/i18n/dynamic';
import { caseListColumns, defaultCaseListColumns } from '@/lib/domain/case-list-columns';
import { caseListExportSchema } from '@/lib/validation/exports';
import { requestCaseListExport } from '../actions';

/** Which columns and which file: the filter comes from the queue the supervisor was looking at. */
export function CaseListForm({ view, query }: { view?: string; query: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: caseListExportSchema,
    defaultValues: { view, query, columns: defaultCaseListColumns, format: 'csv', codes: false },
    action: requestCaseListExport,
    labels: { columns: t('exports.caseList.columns'), format: t('exports.caseList.format') },
    onSuccess: (data) => router.push(`/exports?requested=${(data as { id: string }).id}`),
  });
  const columnsError = fieldError('columns');
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('exports.caseList.title')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <fieldset className={columnsError ? 'field has-error' : 'field'} id="columns" aria-describedby={columnsError ? 'columns-error' : 'columns-hint'}>
        <legend>{t('exports.caseList.columns')}</legend>
        <p className="hint" id="columns-hint">
          {t('exports.caseList.columnsHint')}
        </p>
        {columnsError && (
          <p className="error-message" id="columns-error">
            <span className="visually-hidden">{t('form.errorPrefix')}: </span>
            {translateKey(t, columnsError)}
          </p>
        )}
        <div className="checkbox-grid">
          {caseListColumns.map((c) => (
            <label key={c} className="checkbox" htmlFor={`column-${c}`}>
              <input type="checkbox" id={`column-${c}`} value={c} {...form.register('columns')} />
              {translateKey(t, `exports.columns.${c}`, c)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field" id="format">
        <legend>{t('exports.caseList.format')}</legend>
        {(['csv', 'xlsx'] as const).map((f) => (
          <label key={f} className="checkbox" htmlFor={`format-${f}`}>
            <input type="radio" id={`format-${f}`} value={f} {...form.register('format')} />
            {t(`exports.caseList.formats.${f}`)}
          </label>
        ))}
        <p className="hint">
          <a href="/api/exports/dictionary" download>
            {t('exports.caseList.dictionary')}
          </a>
          . {t('exports.caseList.dictionaryHint')}
        </p>
      </fieldset>
      <div className="field">
        <label className="checkbox" htmlFor="codes">
          <input type="checkbox" id="codes" aria-describedby="codes-hint" {...form.register('codes')} />
          {t('exports.caseList.codes')}
        </label>
        <p className="hint" id="codes-hint">
          {t('exports.caseList.codesHint')}
        </p>
      </div>
      <FormActions label={t('exports.caseList.submit')} pending={form.formState.isSubmitting} />
    </form>
  );
}
