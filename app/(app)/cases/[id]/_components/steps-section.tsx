'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { SERVICE_DETAILS, STEP_TRANSITIONS, type ServiceType, type StepStatus, serviceTypes } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { addStepSchema, updateStepSchema } from '@/lib/validation/cases';
import { acceptStepsAction, addStepAction, updateStepAction } from '../../actions';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export interface StepRow {
  id: string;
  serviceType: string;
  labelId: string;
  labelEn: string;
  status: StepStatus;
  dueDate: string | null;
  dueLabel: string | null;
  isOverdue: boolean;
  isRequired: boolean;
  provider: string | null;
  outcome: string | null;
  notes: string | null;
  details: Record<string, string>;
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
}

export interface TemplateRow {
  id: number;
  labelId: string;
  labelEn: string;
  isRequired: boolean;
  dueOffsetDays: number;
}

/** The case's protection steps: proposed from the category's templates, then worked one by one. */
export function StepsSection({ caseId, version, steps, templates, officers, canEdit }: { caseId: string; version: number; steps: StepRow[]; templates: TemplateRow[]; officers: { id: string; name: string }[]; canEdit: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const label = (s: { labelId: string; labelEn: string }) => (locale === 'id' ? s.labelId : s.labelEn);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      {steps.length === 0 && canEdit && templates.length > 0 && <ProposedSteps caseId={caseId} version={version} templates={templates} label={label} />}
      {steps.length === 0 && (templates.length === 0 || !canEdit) && <p className="muted">{t('steps.none')}</p>}
      {steps.length > 0 && (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('steps.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steps.step')}</th>
                <th scope="col">{t('steps.status')}</th>
                <th scope="col">{t('steps.due')}</th>
                <th scope="col">{t('steps.result')}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t('steps.update')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {steps.map((s) =>
                editing === s.id ? (
                  <tr key={s.id}>
                    <td colSpan={canEdit ? 5 : 4}>
                      <StepEditor step={s} label={label(s)} officers={officers} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={s.id}>
                    <td>
                      {label(s)}
                      {s.isRequired && <span className="muted"> · {t('steps.required')}</span>}
                      <div className="muted">{translateKey(t, `services.${s.serviceType}`)}</div>
                    </td>
                    <td>
                      <span className="tag status">{translateKey(t, `stepStatuses.${s.status}`)}</span>
                      {s.isOverdue && (
                        <>
                          {' '}
                          <span className="tag risk-critical">{t('steps.overdue')}</span>
                        </>
                      )}
                    </td>
                    <td>{s.dueLabel ?? '—'}</td>
                    <td>
                      {[s.provider, s.outcome].filter(Boolean).join(' · ') || '—'}
                      {Object.keys(s.details).length > 0 && (
                        <div className="muted">
                          {Object.entries(s.details)
                            .map(([k, v]) => `${translateKey(t, `steps.detail.${k}`, '') || k}: ${v === 'yes' ? t('caseFile.yes') : v === 'no' ? t('caseFile.no') : v}`)
                            .join(' · ')}
                        </div>
                      )}
                      {s.assigneeName && <div className="muted">{s.assigneeName}</div>}
                    </td>
                    {canEdit && (
                      <td>
                        <button type="button" className="link" aria-label={t('steps.updateOf', { step: label(s) })} onClick={() => setEditing(s.id)}>
                          {t('steps.update')}
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && steps.length > 0 && (adding ? <AddStep caseId={caseId} version={version} onDone={() => setAdding(false)} /> : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          {t('steps.add')}
        </button>
      ))}
    </>
  );
}

function ProposedSteps({ caseId, version, templates, label }: { caseId: string; version: number; templates: TemplateRow[]; label: (s: TemplateRow) => string }) {
  const t = useTranslations();
  const router = useRouter();
  const [chosen, setChosen] = useState<number[]>(templates.map((tpl) => tpl.id));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      method="post"
      aria-label={t('steps.proposed')}
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const result = await acceptStepsAction({ id: caseId, version, templateIds: chosen });
        setPending(false);
        if (result.ok) router.refresh();
        else setError(result.error);
      }}
    >
      <fieldset className="field">
        <legend>{t('steps.proposed')}</legend>
        <p className="hint">{t('steps.proposedHint')}</p>
        {templates.map((tpl) => (
          <label className="checkbox" key={tpl.id} htmlFor={`tpl-${tpl.id}`}>
            <input
              type="checkbox"
              id={`tpl-${tpl.id}`}
              checked={chosen.includes(tpl.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, tpl.id] : chosen.filter((id) => id !== tpl.id))}
            />
            {label(tpl)} <span className="muted">({t('steps.dueIn', { days: tpl.dueOffsetDays })}{tpl.isRequired ? ` · ${t('steps.required')}` : ''})</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t('steps.accept', { count: chosen.length })}
      </button>
    </form>
  );
}

function StepEditor({ step, label, officers, onDone }: { step: StepRow; label: string; officers: { id: string; name: string }[]; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const opened = {
    stepId: step.id,
    version: step.version,
    status: step.status,
    assigneeId: step.assigneeId ?? '',
    dueDate: step.dueDate ?? '',
    provider: step.provider ?? '',
    outcome: step.outcome ?? '',
    notes: step.notes ?? '',
    reason: '',
    details: Object.fromEntries((SERVICE_DETAILS[step.serviceType as ServiceType] ?? []).map(({ key }) => [key, step.details[key] ?? ''])),
  };
  const labels = { status: t('steps.status'), assigneeId: t('steps.assignee'), dueDate: t('steps.due'), provider: t('steps.provider'), outcome: t('steps.outcome'), notes: t('steps.notes'), reason: t('steps.reason') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, conflict } = useActionForm({
    schema: updateStepSchema,
    defaultValues: opened,
    action: updateStepAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const allowed = [step.status, ...STEP_TRANSITIONS[step.status]];
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('steps.updateOf', { step: label })}>
      <h3>{label}</h3>
      <ErrorSummary ref={summaryRef} items={summaryItems} extra={<ConflictDetails opened={opened} current={conflict} labels={labels} />} />
      <div className="grid2">
        <Field id="status" label={labels.status} error={fieldError('status')}>
          {(aria) => (
            <select {...aria} {...form.register('status')}>
              {allowed.map((s) => (
                <option key={s} value={s}>
                  {t(`stepStatuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="dueDate" label={labels.dueDate} optional error={fieldError('dueDate')}>
          {(aria) => <input type="date" {...aria} {...form.register('dueDate')} />}
        </Field>
        <Field id="assigneeId" label={labels.assigneeId} optional error={fieldError('assigneeId')}>
          {(aria) => (
            <select {...aria} {...form.register('assigneeId')}>
              <option value="">{t('cases.unassigned')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="provider" label={labels.provider} hint={t('steps.providerHint')} optional error={fieldError('provider')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('provider')} />}
        </Field>
        <Field id="outcome" label={labels.outcome} optional error={fieldError('outcome')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('outcome')} />}
        </Field>
      </div>
      <ServiceDetailFields serviceType={step.serviceType as ServiceType} register={form.register as never} fieldError={fieldError} />
      <Field id="notes" label={labels.notes} optional error={fieldError('notes')}>
        {(aria) => <textarea rows={2} {...aria} {...form.register('notes')} />}
      </Field>
      <Field id="reason" label={labels.reason} hint={t('steps.reasonHint')} optional error={fieldError('reason')}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('reason')} />}
      </Field>
      <FormActions label={t('steps.save')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function AddStep({ caseId, version, onDone }: { caseId: string; version: number; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = { serviceType: t('steps.service'), label: t('steps.step'), dueDate: t('steps.due') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: addStepSchema,
    defaultValues: { id: caseId, version, serviceType: 'other', label: '', dueDate: '' },
    action: addStepAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('steps.add')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id="serviceType" label={labels.serviceType} error={fieldError('serviceType')}>
          {(aria) => (
            <select {...aria} {...form.register('serviceType')}>
              {serviceTypes.map((s) => (
                <option key={s} value={s}>
                  {t(`services.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="label" label={labels.label} error={fieldError('label')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('label')} />}
        </Field>
        <Field id="dueDate" label={labels.dueDate} optional error={fieldError('dueDate')}>
          {(aria) => <input type="date" {...aria} {...form.register('dueDate')} />}
        </Field>
      </div>
      <FormActions label={t('steps.addButton')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

/** The record a service keeps (where a shelter stay was, a travel document's number, a repatriation's route…). */
function ServiceDetailFields({ serviceType, register, fieldError }: { serviceType: ServiceType; register: (path: string) => Record<string, unknown>; fieldError: (path: string) => string | undefined }) {
  const t = useTranslations();
  const fields = SERVICE_DETAILS[serviceType];
  if (!fields?.length) return null;
  return (
    <fieldset className="field">
      <legend>{t('steps.serviceRecord', { service: t(`services.${serviceType}`) })}</legend>
      <div className="grid2">
        {fields.map(({ key, kind }) => {
          const path = `details.${key}`;
          const label = translateKey(t, `steps.detail.${key}`, '') || key;
          return (
            <Field key={key} id={path} label={label} optional error={fieldError(path)}>
              {(aria) =>
                kind === 'yesno' ? (
                  <select {...aria} {...register(path)}>
                    <option value="">{t('intake.notKnown')}</option>
                    <option value="yes">{t('caseFile.yes')}</option>
                    <option value="no">{t('caseFile.no')}</option>
                  </select>
                ) : (
                  <input type={kind === 'date' ? 'date' : 'text'} autoComplete="off" {...aria} {...register(path)} />
                )
              }
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
