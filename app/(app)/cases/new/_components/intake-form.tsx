'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { type CreateCaseForm, createCaseSchema, emptyCase, emptyPerpetrator, emptySubject } from '@/lib/validation/cases';
import { CaseDetailsFields } from '../../_components/case-details-fields';
import { createCaseAction, discardDraftAction } from '../../actions';
import { PerpetratorFields } from './perpetrator-fields';
import { SubjectFields } from './subject-fields';
import { browserBackup, useAutosave } from './use-autosave';

interface Props {
  draft: { id: string; data: Record<string, unknown>; updatedAt: string } | null;
  /** for supervisors, who choose the mission; officers register at their own */
  missions: { value: string; label: string }[] | null;
}

/** Merges a saved draft over an empty intake, so drafts from older forms still open. */
function restore(data: Record<string, unknown> | null): CreateCaseForm {
  if (!data) return emptyCase;
  const merged = { ...emptyCase, ...data } as CreateCaseForm;
  merged.subjects = (Array.isArray(data.subjects) && data.subjects.length ? data.subjects : [emptySubject]).map((s) => ({ ...emptySubject, ...(s as object) }));
  merged.perpetrators = (Array.isArray(data.perpetrators) ? data.perpetrators : []).map((p) => ({ ...emptyPerpetrator, ...(p as object) }));
  return merged;
}

export function IntakeForm({ draft, missions }: Props) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const router = useRouter();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const stopAutosave = useRef<() => void>(() => {});
  const labelFor = (path: string) => {
    const m = path.match(/^(subjects|perpetrators)\.(\d+)\.(\w+)/);
    if (m) {
      const who = m[1] === 'subjects' ? t('subjectHeading', { n: Number(m[2]) + 1 }) : t('perpetratorHeading', { n: Number(m[2]) + 1 });
      const field = m[3] === 'fullName' && m[1] === 'perpetrators' ? 'perpetratorName' : m[3];
      return `${who}, ${tAll.has(`intake.${field}` as never) ? tAll(`intake.${field}` as never) : field}`;
    }
    return tAll.has(`intake.${path}` as never) ? tAll(`intake.${path}` as never) : undefined;
  };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: createCaseSchema,
    defaultValues: { ...restore(draft?.data ?? null), draftId: draft?.id ?? '' },
    action: createCaseAction,
    labels: labelFor,
    onSuccess: (data) => {
      stopAutosave.current();
      router.push(`/cases/${(data as { id: string }).id}?created=1`);
    },
  });
  const subjects = useFieldArray({ control: form.control, name: 'subjects' });
  const perpetrators = useFieldArray({ control: form.control, name: 'perpetrators' });
  const { draftId, state, stop } = useAutosave(form as never, draft?.id ?? '');
  stopAutosave.current = stop;
  const [backupRestored, setBackupRestored] = useState(false);

  // A copy kept in this browser after a failed save (an expired session) wins over an older server draft.
  useEffect(() => {
    const backup = browserBackup(draft?.id ?? '', draft ? new Date(draft.updatedAt) : null);
    if (backup) {
      form.reset({ ...restore(backup), draftId: draft?.id ?? '' });
      setBackupRestored(true);
    }
  }, [draft, form]);

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <p className="autosave" role="status" aria-live="polite">
        {state.kind === 'saving' && t('autosave.saving')}
        {state.kind === 'saved' && t('autosave.saved', { time: state.at })}
        {state.kind === 'failed' && (state.signedOut ? t('autosave.signedOut') : t('autosave.failed'))}
        {state.kind === 'idle' && (draft ? t('autosave.resumed', { time: new Date(draft.updatedAt) }) : t('autosave.hint'))}
      </p>
      {backupRestored && <p className="notice">{t('autosave.backupRestored')}</p>}
      <nav aria-label={t('sectionsNav')}>
        <ol className="steps">
          <li>
            <a href="#section-who">1. {t('sectionWho')}</a>
          </li>
          <li>
            <a href="#section-what">2. {t('sectionWhat')}</a>
          </li>
          <li>
            <a href="#section-how">3. {t('sectionHow')}</a>
          </li>
          <li>
            <a href="#section-urgency">4. {t('sectionUrgency')}</a>
          </li>
        </ol>
      </nav>

      {missions && (
        <Field id="missionCode" label={t('mission')} error={fieldError('missionCode')}>
          {(aria) => (
            <select {...aria} {...form.register('missionCode')}>
              <option value="">{tAll('users.chooseMission')}</option>
              {missions.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <section className="section" aria-labelledby="section-who">
        <h2 id="section-who">1. {t('sectionWho')}</h2>
        <p className="hint">{t('whoHint')}</p>
        {fieldError('subjects') && <p className="error-message">{tAll('validation.oneSubject')}</p>}
        {subjects.fields.map((f, i) => (
          <SubjectFields key={f.id} form={form} index={i} fieldError={fieldError} onRemove={subjects.fields.length > 1 ? () => subjects.remove(i) : undefined} />
        ))}
        <button type="button" className="secondary" onClick={() => subjects.append({ ...emptySubject, isIdentityUndisclosed: form.getValues('category') === 'trafficking' })}>
          {t('addSubject')}
        </button>

        <h3>{t('perpetrators')}</h3>
        {perpetrators.fields.length === 0 && <p className="muted">{t('noPerpetrators')}</p>}
        {perpetrators.fields.map((f, i) => (
          <PerpetratorFields key={f.id} form={form} index={i} fieldError={fieldError} onRemove={() => perpetrators.remove(i)} />
        ))}
        <button type="button" className="secondary" onClick={() => perpetrators.append(emptyPerpetrator)}>
          {t('addPerpetrator')}
        </button>
      </section>

      <section className="section" aria-labelledby="section-what">
        <h2 id="section-what">2. {t('sectionWhat')}</h2>
        <CaseDetailsFields form={form as never} fieldError={fieldError} part="what" />
      </section>
      <section className="section" aria-labelledby="section-how">
        <h2 id="section-how">3. {t('sectionHow')}</h2>
        <CaseDetailsFields form={form as never} fieldError={fieldError} part="how" />
      </section>
      <section className="section" aria-labelledby="section-urgency">
        <h2 id="section-urgency">4. {t('sectionUrgency')}</h2>
        <CaseDetailsFields form={form as never} fieldError={fieldError} part="urgency" />
      </section>

      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('create')}
        </button>
        {draftId &&
          (confirmDiscard ? (
            <span className="notice warn">
              {t('discardConsequence')}{' '}
              <button
                type="button"
                className="warning"
                onClick={async () => {
                  stop();
                  await discardDraftAction({ id: draftId });
                  router.push('/drafts');
                }}
              >
                {t('confirmDiscard')}
              </button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirmDiscard(false)}>
                {tAll('form.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmDiscard(true)}>
              {t('discard')}
            </button>
          ))}
      </div>
    </form>
  );
}

