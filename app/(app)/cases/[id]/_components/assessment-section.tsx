'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { CaseFile } from '@/db/queries/cases';
import { recruiterRelations, recruitmentChannels, traffickingActs, traffickingMeans, traffickingPurposes } from '@/lib/domain/cases';
import { type AssessmentInput, assessmentSchema } from '@/lib/validation/cases';
import { updateAssessmentAction } from '../../actions';

type Assessment = NonNullable<CaseFile['assessment']>;

/** The act, means and purpose checklists; whether the elements are met is worked out on the server. */
export function AssessmentSection({ caseId, version, assessment, hasChildVictim, canEdit }: { caseId: string; version: number; assessment: Assessment; hasChildVictim: boolean; canEdit: boolean }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const list = (group: string, codes: string[]) => codes.map((c) => t(`assessment.${group}.${c}` as never)).join(', ') || '—';
  return (
    <>
      <p className={assessment.elementsMet ? 'notice ok' : 'notice'} role="status">
        {assessment.elementsMet ? t('caseFile.elementsMet') : t('caseFile.elementsNotMet')}
        {hasChildVictim && ` ${t('caseFile.childNoMeans')}`}
      </p>
      {editing ? (
        <AssessmentEditor caseId={caseId} version={version} assessment={assessment} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="summary">
            <dt>{t('assessment.acts')}</dt>
            <dd>{list('act', assessment.acts)}</dd>
            <dt>{t('assessment.means')}</dt>
            <dd>{list('mean', assessment.means)}</dd>
            <dt>{t('assessment.purposes')}</dt>
            <dd>{list('purpose', assessment.purposes)}</dd>
            <dt>{t('assessment.recruitmentChannel')}</dt>
            <dd>{assessment.recruitmentChannel ? t(`assessment.channel.${assessment.recruitmentChannel}` as never) : '—'}</dd>
            <dt>{t('assessment.recruiterRelation')}</dt>
            <dd>{assessment.recruiterRelation ? t(`assessment.relation.${assessment.recruiterRelation}` as never) : '—'}</dd>
          </dl>
          {canEdit && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t('assessment.edit')}
            </button>
          )}
        </>
      )}
    </>
  );
}

function AssessmentEditor({ caseId, version, assessment, onDone }: { caseId: string; version: number; assessment: Assessment; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const opened: AssessmentInput = {
    id: caseId,
    version,
    acts: assessment.acts as AssessmentInput['acts'],
    means: assessment.means as AssessmentInput['means'],
    purposes: assessment.purposes as AssessmentInput['purposes'],
    recruitmentChannel: (assessment.recruitmentChannel ?? '') as AssessmentInput['recruitmentChannel'],
    recruiterRelation: (assessment.recruiterRelation ?? '') as AssessmentInput['recruiterRelation'],
  };
  const labels = { acts: t('assessment.acts'), means: t('assessment.means'), purposes: t('assessment.purposes') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, conflict } = useActionForm({
    schema: assessmentSchema,
    defaultValues: opened,
    action: updateAssessmentAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const group = (name: 'acts' | 'means' | 'purposes', prefix: string, codes: readonly string[]) => (
    <fieldset className="field" id={name}>
      <legend>{labels[name]}</legend>
      <div className="checkboxes">
        {codes.map((c) => (
          <label className="checkbox" key={c} htmlFor={`${name}-${c}`}>
            <input type="checkbox" id={`${name}-${c}`} value={c} {...form.register(name)} />
            {t(`assessment.${prefix}.${c}` as never)}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('assessment.edit')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} extra={<ConflictDetails opened={opened} current={conflict} labels={{}} />} />
      {group('acts', 'act', traffickingActs)}
      {group('means', 'mean', traffickingMeans)}
      {group('purposes', 'purpose', traffickingPurposes)}
      <div className="grid2">
        <Field id="recruitmentChannel" label={t('assessment.recruitmentChannel')} optional error={fieldError('recruitmentChannel')}>
          {(aria) => (
            <select {...aria} {...form.register('recruitmentChannel')}>
              <option value="">{t('intake.notKnown')}</option>
              {recruitmentChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`assessment.channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="recruiterRelation" label={t('assessment.recruiterRelation')} optional error={fieldError('recruiterRelation')}>
          {(aria) => (
            <select {...aria} {...form.register('recruiterRelation')}>
              <option value="">{t('intake.notKnown')}</option>
              {recruiterRelations.map((r) => (
                <option key={r} value={r}>
                  {t(`assessment.relation.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormActions label={t('assessment.save')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
