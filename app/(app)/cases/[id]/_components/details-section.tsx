'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { CaseFile } from '@/db/queries/cases';
import { type UpdateCaseDetailsInput, updateCaseDetailsSchema } from '@/lib/validation/cases';
import { CaseDetailsFields } from '../../_components/case-details-fields';
import { updateCaseDetailsAction } from '../../actions';

export function detailsFormValues(c: CaseFile): UpdateCaseDetailsInput {
  return {
    id: c.id,
    version: c.version,
    category: c.category,
    subcategories: c.subcategories,
    narrative: c.narrative,
    eventsPlace: c.eventsPlace ?? '',
    eventsDate: c.eventsDate ?? '',
    employerOrAgency: c.employerOrAgency ?? '',
    vesselName: c.vesselName ?? '',
    vesselFlag: c.vesselFlag ?? '',
    intakeChannel: c.intakeChannel as UpdateCaseDetailsInput['intakeChannel'],
    riskLevel: c.riskLevel as UpdateCaseDetailsInput['riskLevel'],
    deathPenalty: c.deathPenalty,
  };
}

/** Editing "what happened": refused with the other person's values if they saved first; the input stays. */
export function DetailsEditor({ file, onDone }: { file: CaseFile; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const opened = detailsFormValues(file);
  const labels: Record<string, string> = {
    category: t('intake.category'),
    subcategories: t('intake.subcategories'),
    narrative: t('intake.narrative'),
    eventsPlace: t('intake.eventsPlace'),
    employerOrAgency: t('intake.employerOrAgency'),
    intakeChannel: t('intake.intakeChannel'),
    riskLevel: t('intake.riskLevel'),
  };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, conflict } = useActionForm({
    schema: updateCaseDetailsSchema,
    defaultValues: opened,
    action: updateCaseDetailsAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('caseFile.editDetails')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} extra={<ConflictDetails opened={opened} current={conflict} labels={labels} />} />
      <CaseDetailsFields form={form as never} fieldError={fieldError} part="what" />
      <CaseDetailsFields form={form as never} fieldError={fieldError} part="how" />
      <CaseDetailsFields form={form as never} fieldError={fieldError} part="urgency" />
      <FormActions label={t('caseFile.saveDetails')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

export function DetailsSection({ file, canEdit, children }: { file: CaseFile; canEdit: boolean; children: React.ReactNode }) {
  const t = useTranslations('caseFile');
  const [editing, setEditing] = useState(false);
  return (
    <>
      {editing ? (
        <DetailsEditor file={file} onDone={() => setEditing(false)} />
      ) : (
        <>
          {children}
          {canEdit && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t('editDetails')}
            </button>
          )}
        </>
      )}
    </>
  );
}
