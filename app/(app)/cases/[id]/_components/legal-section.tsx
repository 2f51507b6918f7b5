'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { homeFileCodes, hostStages, lawyerPayers, legalRoles } from '@/lib/domain/cases';
import type { ZoneOption } from '@/lib/domain/time-zones';
import { detentionSchema, emptyProceeding, hearingOutcomeSchema, hearingSchema, moveProceedingSchema, proceedingSchema, visitSchema } from '@/lib/validation/legal';
import { addHearingAction, addVisitAction, createDetentionAction, createProceedingAction, moveProceedingAction, recordHearingOutcomeAction } from '../../actions';

export interface ProceedingRow {
  id: string;
  pseudonym: string;
  jurisdiction: string;
  role: string;
  charge: string | null;
  court: string | null;
  courtTimeZone: string;
  lawyerName: string | null;
  lawyerAppointedLabel: string | null;
  lawyerPaidBy: string | null;
  interpreter: string | null;
  hostStage: string | null;
  homeFileCode: string | null;
  verdict: string | null;
  sentence: string | null;
  isDetained: boolean;
  isDeathPenalty: boolean;
  isFinal: boolean;
  version: number;
  hearings: { id: string; label: string; purpose: string | null; outcome: string | null; hasBegun: boolean }[];
}

export interface DetentionRow {
  id: string;
  pseudonym: string;
  facility: string;
  since: string;
  expectedRelease: string | null;
  /** in date order; gapDays since the visit before, or since detention for the first */
  visits: { id: string; label: string; officerName: string | null; gapDays: number; findings: string | null; needs: string | null }[];
  daysSinceLast: number;
  isOverdue: boolean;
}

type Party = { id: string; label: string };
type Open = { kind: 'proceeding' } | { kind: 'detention' } | { kind: 'stage' | 'hearing' | 'outcome' | 'visit'; id: string } | null;

/** Proceedings with their hearings, and detentions with their consular visits. */
export function LegalSection(props: { caseId: string; version: number; parties: Party[]; missionTimeZone: string; courtZones: ZoneOption[]; proceedings: ProceedingRow[]; detentions: DetentionRow[]; canEdit: boolean; isSupervisor: boolean }) {
  const t = useTranslations();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const { proceedings, detentions, canEdit } = props;
  return (
    <>
      {proceedings.length === 0 && <p className="muted">{t('legal.noProceedings')}</p>}
      {proceedings.map((p) => (
        <article key={p.id} className="person" aria-label={`${p.pseudonym} · ${t(`legal.jurisdictions.${p.jurisdiction}` as never)}`}>
          <h3>
            <span className="mono">{p.pseudonym}</span> · {t(`legal.jurisdictions.${p.jurisdiction}` as never)} · {t(`legal.roles.${p.role}` as never)}
            {p.isDeathPenalty && <span className="tag special"> {t('legal.deathPenalty')}</span>}
          </h3>
          <dl className="summary">
            {p.charge && (
              <>
                <dt>{t('legal.charge')}</dt>
                <dd>{p.charge}</dd>
              </>
            )}
            {p.court && (
              <>
                <dt>{t('legal.court')}</dt>
                <dd>{p.court}</dd>
              </>
            )}
            <dt>{t('legal.stage')}</dt>
            <dd>{[p.hostStage && t(`legal.stages.${p.hostStage}` as never), p.homeFileCode && `${p.homeFileCode} · ${t(`legal.fileCodes.${p.homeFileCode}` as never)}`].filter(Boolean).join(' · ') || '—'}</dd>
            {p.lawyerName && (
              <>
                <dt>{t('legal.lawyer')}</dt>
                <dd>
                  {p.lawyerName}
                  {p.lawyerAppointedLabel && ` · ${t('legal.lawyerAppointedOn')} ${p.lawyerAppointedLabel}`}
                  {p.lawyerPaidBy && ` · ${t('legal.lawyerPaidBy')}: ${t(`legal.payers.${p.lawyerPaidBy}` as never)}`}
                </dd>
              </>
            )}
            {p.interpreter && (
              <>
                <dt>{t('legal.interpreter')}</dt>
                <dd>{p.interpreter}</dd>
              </>
            )}
            {p.verdict && (
              <>
                <dt>{t('legal.verdict')}</dt>
                <dd>{[p.verdict, p.sentence].filter(Boolean).join(' · ')}</dd>
              </>
            )}
          </dl>
          <h4>{t('legal.hearings')}</h4>
          {p.hearings.length === 0 ? (
            <p className="muted">{t('legal.noHearings')}</p>
          ) : (
            <ul>
              {p.hearings.map((h) => (
                <li key={h.id}>
                  {h.label}
                  {h.purpose && ` · ${h.purpose}`}
                  {h.outcome && (
                    <>
                      {' '}
                      · <strong>{t('legal.outcome')}:</strong> {h.outcome}
                    </>
                  )}
                  {canEdit && h.hasBegun && !(open?.kind === 'outcome' && open.id === h.id) && (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => setOpen({ kind: 'outcome', id: h.id })}>
                        {t('legal.recordOutcome')}
                      </button>
                    </>
                  )}
                  {open?.kind === 'outcome' && open.id === h.id && <OutcomeForm hearingId={h.id} outcome={h.outcome ?? ''} onDone={close} />}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setOpen({ kind: 'hearing', id: p.id })}>
                {t('legal.addHearing')}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen({ kind: 'stage', id: p.id })}>
                {t('legal.updateStage')}
              </button>
            </div>
          )}
          {open?.kind === 'hearing' && open.id === p.id && <HearingForm proceeding={p} zones={props.courtZones} onDone={close} />}
          {open?.kind === 'stage' && open.id === p.id && <StageForm proceeding={p} isSupervisor={props.isSupervisor} onDone={close} />}
        </article>
      ))}
      <h3>{t('legal.detentions')}</h3>
      {detentions.length === 0 && <p className="muted">{t('legal.noDetentions')}</p>}
      {detentions.map((d) => (
        <article key={d.id} className="person" aria-label={`${d.pseudonym} · ${d.facility}`}>
          <p>
            <span className="mono">{d.pseudonym}</span> · {d.facility} · {t('legal.since', { date: d.since })}
            {d.expectedRelease && ` · ${t('legal.expectedReleaseOn', { date: d.expectedRelease })}`}
            {' · '}
            {d.visits.length ? t('legal.daysSinceVisit', { days: d.daysSinceLast }) : t('legal.neverVisited', { days: d.daysSinceLast })}
            {d.isOverdue && <span className="tag risk-critical"> {t('legal.visitOverdue')}</span>}
          </p>
          {d.visits.length > 0 && (
            <ol className="visits">
              {d.visits.map((v, i) => (
                <li key={v.id}>
                  <strong>{v.label}</strong>
                  {v.officerName && ` · ${v.officerName}`} · {i === 0 ? t('legal.gapFromDetention', { days: v.gapDays }) : t('legal.gapFromVisit', { days: v.gapDays })}
                  {v.findings && (
                    <div>
                      {t('legal.findings')}: {v.findings}
                    </div>
                  )}
                  {v.needs && (
                    <div>
                      {t('legal.needs')}: {v.needs}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {canEdit && (
            <button type="button" className="secondary" onClick={() => setOpen({ kind: 'visit', id: d.id })}>
              {t('legal.recordVisit')}
            </button>
          )}
          {open?.kind === 'visit' && open.id === d.id && <VisitForm detentionId={d.id} onDone={close} />}
        </article>
      ))}
      {canEdit && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setOpen({ kind: 'proceeding' })}>
            {t('legal.addProceeding')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen({ kind: 'detention' })}>
            {t('legal.recordDetention')}
          </button>
        </div>
      )}
      {open?.kind === 'proceeding' && <ProceedingForm {...props} onDone={close} />}
      {open?.kind === 'detention' && <DetentionForm caseId={props.caseId} parties={props.parties} onDone={close} />}
    </>
  );
}

/** The home prosecution's file codes with what each means ("P-21 · Prosecution file complete"). */
function FileCodeOptions() {
  const t = useTranslations('legal.fileCodes');
  return homeFileCodes.map((c) => (
    <option key={c} value={c}>
      {`${c} · ${t(c as never)}`}
    </option>
  ));
}

function useRefreshing(onDone: () => void) {
  const router = useRouter();
  return () => {
    router.refresh();
    onDone();
  };
}

function PartySelect({ register, fieldError, parties, label }: { register: (p: string) => Record<string, unknown>; fieldError: (p: string) => string | undefined; parties: Party[]; label: string }) {
  return (
    <Field id="legal-party" label={label} error={fieldError('partyId')}>
      {(aria) => (
        <select {...aria} {...register('partyId')}>
          <ChooseOption />
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A court's time zone, chosen from the mission's country's zones (the mission's own first), never typed. */
function ZoneSelect({ aria, register, zones }: { aria: Record<string, unknown>; register: Record<string, unknown>; zones: ZoneOption[] }) {
  return (
    <select {...aria} {...register}>
      {zones.map((z) => (
        <option key={z.value} value={z.value}>
          {z.label}
        </option>
      ))}
    </select>
  );
}

function ProceedingForm({ caseId, version, parties, missionTimeZone, courtZones, onDone }: { caseId: string; version: number; parties: Party[]; missionTimeZone: string; courtZones: ZoneOption[]; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: proceedingSchema,
    defaultValues: emptyProceeding({ caseId, version, courtTimeZone: missionTimeZone }),
    action: createProceedingAction,
    labels: { partyId: t('legal.person'), jurisdiction: t('legal.jurisdiction'), role: t('legal.role'), courtTimeZone: t('legal.courtTimeZone'), hostStage: t('legal.stage'), arrestedOn: t('legal.arrestedOn'), lawyerAppointedOn: t('legal.lawyerAppointedOn') },
    onSuccess: useRefreshing(onDone),
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.addProceeding')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <PartySelect register={r as never} fieldError={fieldError} parties={parties} label={t('legal.person')} />
        <Field id="legal-jurisdiction" label={t('legal.jurisdiction')} error={fieldError('jurisdiction')}>
          {(aria) => (
            <select {...aria} {...r('jurisdiction')}>
              <ChooseOption />
              <option value="host">{t('legal.jurisdictions.host')}</option>
              <option value="home">{t('legal.jurisdictions.home')}</option>
            </select>
          )}
        </Field>
        <Field id="legal-role" label={t('legal.role')} error={fieldError('role')}>
          {(aria) => (
            <select {...aria} {...r('role')}>
              <ChooseOption />
              {legalRoles.map((x) => (
                <option key={x} value={x}>
                  {t(`legal.roles.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="legal-charge" label={t('legal.charge')} optional>
          {(aria) => <input type="text" {...aria} {...r('charge')} />}
        </Field>
        <Field id="legal-court" label={t('legal.court')} optional>
          {(aria) => <input type="text" {...aria} {...r('court')} />}
        </Field>
        <Field id="legal-tz" label={t('legal.courtTimeZone')} error={fieldError('courtTimeZone')}>
          {(aria) => <ZoneSelect aria={aria} register={r('courtTimeZone')} zones={courtZones} />}
        </Field>
        <Field id="legal-arrested" label={t('legal.arrestedOn')} optional error={fieldError('arrestedOn')}>
          {(aria) => <input type="date" {...aria} {...r('arrestedOn')} />}
        </Field>
        <Field id="legal-lawyer" label={t('legal.lawyer')} optional>
          {(aria) => <input type="text" {...aria} {...r('lawyerName')} />}
        </Field>
        <Field id="legal-lawyer-appointed" label={t('legal.lawyerAppointedOn')} optional error={fieldError('lawyerAppointedOn')}>
          {(aria) => <input type="date" {...aria} {...r('lawyerAppointedOn')} />}
        </Field>
        <Field id="legal-lawyer-paid" label={t('legal.lawyerPaidBy')} optional>
          {(aria) => (
            <select {...aria} {...r('lawyerPaidBy')}>
              <option value="">—</option>
              {lawyerPayers.map((x) => (
                <option key={x} value={x}>
                  {t(`legal.payers.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="legal-interpreter" label={t('legal.interpreter')} optional>
          {(aria) => <input type="text" {...aria} {...r('interpreter')} />}
        </Field>
        <Field id="legal-stage" label={t('legal.stage')} optional error={fieldError('hostStage')}>
          {(aria) => (
            <select {...aria} {...r('hostStage')}>
              <option value="">—</option>
              {hostStages.map((s) => (
                <option key={s} value={s}>
                  {t(`legal.stages.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="legal-file" label={t('legal.fileCode')} optional>
          {(aria) => (
            <select {...aria} {...r('homeFileCode')}>
              <option value="">—</option>
              <FileCodeOptions />
            </select>
          )}
        </Field>
      </div>
      <div className="checkboxes">
        <label className="checkbox" htmlFor="legal-detained">
          <input type="checkbox" id="legal-detained" {...r('isDetained')} />
          {t('legal.detained')}
        </label>
        <label className="checkbox" htmlFor="legal-death">
          <input type="checkbox" id="legal-death" {...r('isDeathPenalty')} />
          {t('legal.deathPenalty')}
        </label>
      </div>
      <FormActions label={t('legal.addProceeding')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function StageForm({ proceeding, isSupervisor, onDone }: { proceeding: ProceedingRow; isSupervisor: boolean; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: moveProceedingSchema,
    defaultValues: {
      proceedingId: proceeding.id,
      version: proceeding.version,
      hostStage: (proceeding.hostStage ?? '') as never,
      homeFileCode: (proceeding.homeFileCode ?? '') as never,
      verdict: proceeding.verdict ?? '',
      sentence: proceeding.sentence ?? '',
      isFinal: proceeding.isFinal,
      isDeathPenalty: proceeding.isDeathPenalty,
      correctionReason: '',
    },
    action: moveProceedingAction,
    labels: { hostStage: t('legal.stage'), correctionReason: t('legal.correctionReason') },
    onSuccess: useRefreshing(onDone),
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.updateStage')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id={`stage-${proceeding.id}`} label={t('legal.stage')} error={fieldError('hostStage')}>
          {(aria) => (
            <select {...aria} {...r('hostStage')}>
              <option value="">—</option>
              {hostStages.map((s) => (
                <option key={s} value={s}>
                  {t(`legal.stages.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`file-${proceeding.id}`} label={t('legal.fileCode')} optional>
          {(aria) => (
            <select {...aria} {...r('homeFileCode')}>
              <option value="">—</option>
              <FileCodeOptions />
            </select>
          )}
        </Field>
        <Field id={`verdict-${proceeding.id}`} label={t('legal.verdict')} optional>
          {(aria) => <input type="text" {...aria} {...r('verdict')} />}
        </Field>
        <Field id={`sentence-${proceeding.id}`} label={t('legal.sentence')} optional>
          {(aria) => <input type="text" {...aria} {...r('sentence')} />}
        </Field>
      </div>
      {isSupervisor && (
        <Field id={`correction-${proceeding.id}`} label={t('legal.correctionReason')} hint={t('legal.correctionHint')} optional error={fieldError('correctionReason')}>
          {(aria) => <input type="text" {...aria} {...r('correctionReason')} />}
        </Field>
      )}
      <FormActions label={t('legal.saveStage')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function HearingForm({ proceeding, zones, onDone }: { proceeding: ProceedingRow; zones: ZoneOption[]; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: hearingSchema,
    defaultValues: { proceedingId: proceeding.id, startsAt: '', timeZone: proceeding.courtTimeZone, court: proceeding.court ?? '', purpose: '' },
    action: addHearingAction,
    labels: { startsAt: t('legal.hearingAt'), timeZone: t('legal.courtTimeZone') },
    onSuccess: useRefreshing(onDone),
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.addHearing')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id={`hearing-at-${proceeding.id}`} label={t('legal.hearingAt')} hint={t('legal.hearingAtHint', { zone: proceeding.courtTimeZone })} error={fieldError('startsAt')}>
          {(aria) => <input type="datetime-local" {...aria} {...r('startsAt')} />}
        </Field>
        <Field id={`hearing-tz-${proceeding.id}`} label={t('legal.courtTimeZone')} error={fieldError('timeZone')}>
          {(aria) => <ZoneSelect aria={aria} register={r('timeZone')} zones={zones} />}
        </Field>
        <Field id={`hearing-purpose-${proceeding.id}`} label={t('legal.purpose')} optional>
          {(aria) => <input type="text" {...aria} {...r('purpose')} />}
        </Field>
      </div>
      <FormActions label={t('legal.addHearing')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function DetentionForm({ caseId, parties, onDone }: { caseId: string; parties: Party[]; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: detentionSchema,
    defaultValues: { caseId, partyId: '', facility: '', detainedSince: '', expectedRelease: '' },
    action: createDetentionAction,
    labels: { partyId: t('legal.person'), facility: t('legal.facility'), detainedSince: t('legal.detainedSince') },
    onSuccess: useRefreshing(onDone),
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.recordDetention')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <PartySelect register={r as never} fieldError={fieldError} parties={parties} label={t('legal.person')} />
        <Field id="detention-facility" label={t('legal.facility')} error={fieldError('facility')}>
          {(aria) => <input type="text" {...aria} {...r('facility')} />}
        </Field>
        <Field id="detention-since" label={t('legal.detainedSince')} error={fieldError('detainedSince')}>
          {(aria) => <input type="date" {...aria} {...r('detainedSince')} />}
        </Field>
        <Field id="detention-release" label={t('legal.expectedRelease')} optional>
          {(aria) => <input type="date" {...aria} {...r('expectedRelease')} />}
        </Field>
      </div>
      <FormActions label={t('legal.recordDetention')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function VisitForm({ detentionId, onDone }: { detentionId: string; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: visitSchema,
    defaultValues: { detentionId, visitedOn: new Date().toISOString().slice(0, 10), findings: '', needs: '' },
    action: addVisitAction,
    labels: { visitedOn: t('legal.visitedOn') },
    onSuccess: useRefreshing(onDone),
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.recordVisit')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id={`visit-on-${detentionId}`} label={t('legal.visitedOn')} error={fieldError('visitedOn')}>
          {(aria) => <input type="date" {...aria} {...r('visitedOn')} />}
        </Field>
        <Field id={`visit-findings-${detentionId}`} label={t('legal.findings')} optional>
          {(aria) => <input type="text" {...aria} {...r('findings')} />}
        </Field>
        <Field id={`visit-needs-${detentionId}`} label={t('legal.needs')} optional>
          {(aria) => <input type="text" {...aria} {...r('needs')} />}
        </Field>
      </div>
      <FormActions label={t('legal.recordVisit')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}


function OutcomeForm({ hearingId, outcome, onDone }: { hearingId: string; outcome: string; onDone: () => void }) {
  const t = useTranslations();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: hearingOutcomeSchema,
    defaultValues: { hearingId, outcome },
    action: recordHearingOutcomeAction,
    labels: { outcome: t('legal.outcome') },
    onSuccess: useRefreshing(onDone),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('legal.recordOutcome')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id={`outcome-${hearingId}`} label={t('legal.outcome')} error={fieldError('outcome')}>
        {(aria) => <textarea rows={3} {...aria} {...form.register('outcome')} />}
      </Field>
      <FormActions label={t('legal.saveOutcome')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
