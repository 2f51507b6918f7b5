'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { addNoteSchema } from '@/lib/validation/cases';
import { addNoteAction } from '../../actions';

export function NoteForm({ caseId }: { caseId: string }) {
  const t = useTranslations('caseFile');
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: addNoteSchema,
    defaultValues: { caseId, text: '' },
    action: addNoteAction,
    labels: { text: t('note') },
    onSuccess: () => {
      form.reset({ caseId, text: '' });
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('addNote')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="text" label={t('note')} error={fieldError('text')}>
        {(aria) => <textarea rows={3} {...aria} {...form.register('text')} />}
      </Field>
      <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
        {t('addNote')}
      </button>
    </form>
  );
}
