'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { decideClosureSchema } from '@/lib/validation/cases';
import { decideClosureAction } from '../cases/actions';

/** Approve or reject one closure request, with one comment: on a rejection, and on an approval with required steps open, it is the reason. */
export function DecideClosure({ approvalId, reference, needsOverride }: { approvalId: string; reference: string; needsOverride: boolean }) {
  const t = useTranslations('approvals');
  const router = useRouter();
  const ids = { comment: `comment-${approvalId}` };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: decideClosureSchema,
    defaultValues: { approvalId, decision: 'approve', comment: '', overrideReason: '' },
    action: decideClosureAction,
    labels: { comment: t('comment') },
    onSuccess: () => router.refresh(),
  });
  const submitAs = (decision: 'approve' | 'reject') => () => form.setValue('decision', decision);
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('decideOn', { reference })}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id={ids.comment} label={t('comment')} hint={t(needsOverride ? 'commentHintOverride' : 'commentHint')} error={fieldError('comment')}>
        {(aria) => <textarea rows={2} {...aria} {...form.register('comment')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" onClick={submitAs('approve')} disabled={form.formState.isSubmitting}>
          {t('approve')}
        </button>
        <button type="submit" className="secondary" onClick={submitAs('reject')} disabled={form.formState.isSubmitting}>
          {t('reject')}
        </button>
      </div>
    </form>
  );
}
