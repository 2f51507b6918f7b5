'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { saveViewSchema } from '@/lib/validation/queues';
import { saveViewAction } from '../actions';

/** Saves the queue as it is filtered now, under a name, optionally for every supervisor. */
export function SaveViewForm({ path, query }: { path: string; query: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: saveViewSchema,
    defaultValues: { name: '', path, query, isShared: false },
    action: saveViewAction,
    labels: { name: t('queues.saveView.name') },
    onSuccess: () => {
      setSaved(t('queues.saveView.saved', { name: form.getValues('name') }));
      form.reset({ name: '', path, query, isShared: false });
      router.refresh();
    },
  });
  return (
    <details className="filters">
      <summary>{t('queues.saveView.title')}</summary>
      <form method="post" onSubmit={onSubmit} noValidate aria-label={t('queues.saveView.title')}>
        <ErrorSummary ref={summaryRef} items={summaryItems} />
        <div role="status">{saved && <p className="notice ok">{saved}</p>}</div>
        <Field id="view-name" label={t('queues.saveView.name')} hint={t('queues.saveView.hint')} error={fieldError('name')}>
          {(aria) => <input type="text" {...aria} {...form.register('name')} />}
        </Field>
        <label className="checkbox" htmlFor="view-shared">
          <input type="checkbox" id="view-shared" {...form.register('isShared')} />
          {t('queues.saveView.share')}
        </label>
        <FormActions label={t('queues.saveView.save')} pending={form.formState.isSubmitting} />
      </form>
    </details>
  );
}
