'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { type CaseStatus, DIRECT_STATUSES, canMoveTo, caseOutcomes } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { reopenSchema, requestClosureSchema } from '@/lib/validation/cases';
import { changeStatusAction, reopenCaseAction, requestClosureAction } from '../../actions';

/** The next steps a case can take from its status; closing only by a closure request. */
export function StatusSection({ caseId, version, status }: { caseId: string; version: number; status: CaseStatus }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [closing, setClosing] = useState(false);
  const moves = DIRECT_STATUSES.filter((s) => s !== status && canMoveTo(status, s)) as ('in_progress' | 'waiting_external')[];
  const closure = useActionForm({
    schema: requestClosureSchema,
    defaultValues: { id: caseId, version, outcome: '' as never, summary: '' },
    action: requestClosureAction,
    labels: { outcome: t('status.outcome'), summary: t('status.summary') },
    onSuccess: () => {
      setClosing(false);
      router.refresh();
    },
  });

  // The buttons above save through this page too: keep the request on the case's latest version.
  const { setValue } = closure.form;
  useEffect(() => setValue('version', version), [version, setValue]);

  if (status === 'closed') return <Reopen caseId={caseId} version={version} />;
  if (status === 'resolution_requested') return <p className="muted">{t('status.awaitingApproval')}</p>;
  return (
    <div>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      <div className="actions">
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            className="secondary"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              const result = await changeStatusAction({ id: caseId, version, status: to });
              setPending(false);
              if (!result.ok) setError(result.error);
              router.refresh();
            }}
          >
            {t(`status.moveTo.${to}`)}
          </button>
        ))}
        {!closing && (
          <button type="button" className="secondary" onClick={() => setClosing(true)}>
            {t('status.requestClosure')}
          </button>
        )}
      </div>
      {closing && (
        <form method="post" onSubmit={closure.onSubmit} noValidate aria-label={t('status.requestClosure')}>
          <ErrorSummary ref={closure.summaryRef} items={closure.summaryItems} />
          <Field id="outcome" label={t('status.outcome')} error={closure.fieldError('outcome')}>
            {(aria) => (
              <select {...aria} {...closure.form.register('outcome')}>
                <ChooseOption />
                {caseOutcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcomes.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="summary" label={t('status.summary')} hint={t('status.summaryHint')} error={closure.fieldError('summary')}>
            {(aria) => <textarea rows={4} {...aria} {...closure.form.register('summary')} />}
          </Field>
          <FormActions label={t('status.sendRequest')} pending={closure.form.formState.isSubmitting} onCancel={() => setClosing(false)} />
        </form>
      )}
    </div>
  );
}

/** A closed case reopens only with a reason, which goes on the timeline. */
function Reopen({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: reopenSchema,
    defaultValues: { id: caseId, version, reason: '' },
    action: reopenCaseAction,
    labels: { reason: t('status.reopenReason') },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <p>
        <span className="muted">{t('status.isClosed')}</span>{' '}
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('status.reopen')}
        </button>
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('status.reopen')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="reason" label={t('status.reopenReason')} error={fieldError('reason')}>
        {(aria) => <textarea rows={2} {...aria} {...form.register('reason')} />}
      </Field>
      <FormActions label={t('status.reopen')} pending={form.formState.isSubmitting} onCancel={() => setOpen(false)} />
    </form>
  );
}
