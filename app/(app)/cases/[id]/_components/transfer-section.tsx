'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { requestTransferSchema } from '@/lib/validation/cases';
import { requestTransferAction } from '../../actions';

/** Hand the case to another mission; the receiving mission decides. */
export function TransferSection({ caseId, version, missions, pending }: { caseId: string; version: number; missions: { value: string; label: string }[]; pending: { toMissionCode: string; reason: string } | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: requestTransferSchema,
    defaultValues: { id: caseId, version, toMissionCode: '', reason: '' },
    action: requestTransferAction,
    labels: { toMissionCode: t('transfers.toMission'), reason: t('transfers.reason') },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (pending) {
    return (
      <p className="notice" role="status">
        {t('transfers.pending', { mission: pending.toMissionCode })} <span className="muted">{pending.reason}</span>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('transfers.request')}
      </button>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('transfers.request')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="toMissionCode" label={t('transfers.toMission')} error={fieldError('toMissionCode')}>
        {(aria) => (
          <select {...aria} {...form.register('toMissionCode')}>
            <option value="">{t('users.chooseMission')}</option>
            {missions.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="transfer-reason" label={t('transfers.reason')} hint={t('transfers.reasonHint')} error={fieldError('reason')}>
        {(aria) => <textarea rows={2} {...aria} {...form.register('reason')} />}
      </Field>
      <FormActions label={t('transfers.send')} pending={form.formState.isSubmitting} onCancel={() => setOpen(false)} />
    </form>
  );
}
