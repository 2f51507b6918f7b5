'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { DateField } from '@/app/_components/ui/date-field';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { emptyDate, toIsoDate } from '@/lib/validation/dates';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { AGE_CLAIM_TRANSITIONS, type AgeClaimStatus, type EvidenceSummary, ageEvidenceKinds } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { ageClaimSchema, ageEvidenceSchema } from '@/lib/validation/legal';
import { addAgeEvidenceAction, createAgeClaimAction, moveAgeClaimAction } from '../../actions';

export interface AgeClaimRow {
  id: string;
  pseudonym: string;
  claimedDobLabel: string;
  relevantOnLabel: string;
  ageOnRelevantDate: number;
  status: AgeClaimStatus;
  version: number;
  isStale: boolean;
  summary: EvidenceSummary;
  evidence: { id: string; kind: string; source: string | null; isVerified: boolean; documentName: string | null; hasDocument: boolean }[];
}

/** A detainee's or victim's claim to be a minor, its proof of age, and its way through the host authority. */
export function AgeClaimsSection({ caseId, parties, documents, claims, openedOn, canEdit }: { caseId: string; parties: AgeParty[]; documents: { id: string; label: string }[]; claims: AgeClaimRow[]; openedOn: string; canEdit: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      {claims.length === 0 && <p className="muted">{t('age.none')}</p>}
      {claims.map((c) => (
        <article key={c.id} className="person" aria-label={t('age.claimOf', { pseudonym: c.pseudonym })}>
          <h3>
            <span className="mono">{c.pseudonym}</span> · {t('age.claims', { age: c.ageOnRelevantDate, date: c.relevantOnLabel })}{' '}
            <span className="tag status">{t(`age.statuses.${c.status}`)}</span>
            {c.isStale && <span className="tag risk-critical"> {t('age.stale')}</span>}
          </h3>
          <p className="muted">{t('age.claimedDob', { date: c.claimedDobLabel })}</p>
          {c.evidence.length > 0 && (
            <>
              <ul>
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    {t(`age.kinds.${e.kind}` as never)}
                    {e.source && ` · ${e.source}`}
                    {e.isVerified && ` · ${t('age.verified')}`}
                    {e.documentName ? ` · ${e.documentName}` : e.hasDocument && ` · ${t('documents.attached')}`}
                  </li>
                ))}
              </ul>
              <p>
                {t('age.summary', { documentary: c.summary.documentary, estimated: c.summary.estimated })}
                {c.summary.disputed && ` ${t('age.xrayDisputed')}`}
                {c.summary.lateRegistration && ` ${t('age.lateRegistration')}`}
                {c.summary.weakOnly && ` ${t('age.weakOnly')}`}
              </p>
            </>
          )}
          {canEdit && (
            <div className="actions">
              {AGE_CLAIM_TRANSITIONS[c.status].map((to) => (
                <button
                  key={to}
                  type="button"
                  className="secondary"
                  onClick={async () => {
                    setError(null);
                    const result = await moveAgeClaimAction({ claimId: c.id, version: c.version, status: to });
                    if (!result.ok) setError(result.error);
                    router.refresh();
                  }}
                >
                  {t(`age.moveTo.${to}`)}
                </button>
              ))}
              <button type="button" className="link" onClick={() => setOpen(c.id)}>
                {t('age.addEvidence')}
              </button>
            </div>
          )}
          {open === c.id && <EvidenceForm claimId={c.id} documents={documents} onDone={() => setOpen(null)} />}
        </article>
      ))}
      {canEdit &&
        (open === 'new' ? (
          <ClaimForm caseId={caseId} parties={parties} openedOn={openedOn} onDone={() => setOpen(null)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setOpen('new')}>
            {t('age.record')}
          </button>
        ))}
    </>
  );
}

/** A person who may claim an age: the date of birth on record (null when none, or the identity is undisclosed). */
type AgeParty = { id: string; label: string; dateOfBirth: string | null };

function ClaimForm({ caseId, parties, openedOn, onDone }: { caseId: string; parties: AgeParty[]; openedOn: string; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: ageClaimSchema,
    defaultValues: { caseId, partyId: '', claimedDob: emptyDate, relevantOn: openedOn },
    action: createAgeClaimAction,
    labels: { partyId: t('legal.person'), claimedDob: t('age.claimedDobLabel'), relevantOn: t('age.relevantOn') },
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  // A claim that disagrees with the date of birth on record is said at once: recorded as made all the same.
  const format = useFormatter();
  const [partyId, claimedParts] = useWatch({ control: form.control, name: ['partyId', 'claimedDob'] });
  const claimedDob = claimedParts ? toIsoDate(claimedParts) : null;
  const recorded = parties.find((p) => p.id === partyId)?.dateOfBirth ?? null;
  const disagrees = !!recorded && !!claimedDob && claimedDob !== recorded;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('age.record')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id="age-party" label={t('legal.person')} error={fieldError('partyId')}>
          {(aria) => (
            <select {...aria} {...form.register('partyId')}>
              <ChooseOption />
              {parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField name="claimedDob" legend={t('age.claimedDobLabel')} error={fieldError('claimedDob')} register={form.register as never} />
        <Field id="age-relevant" label={t('age.relevantOn')} hint={t('age.relevantHint')} error={fieldError('relevantOn')}>
          {(aria) => <input type="date" {...aria} {...form.register('relevantOn')} />}
        </Field>
      </div>
      {disagrees && (
        <p className="notice warn" role="status">
          {t('age.disagreesWithRecord', { recorded: day(recorded!), claimed: day(claimedDob!) })}
        </p>
      )}
      <FormActions label={t('age.record')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function EvidenceForm({ claimId, documents, onDone }: { claimId: string; documents: { id: string; label: string }[]; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: ageEvidenceSchema,
    defaultValues: { claimId, kind: '' as never, source: '', obtainedOn: '', issueDate: '', isVerified: false, documentId: '' },
    action: addAgeEvidenceAction,
    labels: { kind: t('age.kind') },
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('age.addEvidence')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id={`ev-kind-${claimId}`} label={t('age.kind')} error={fieldError('kind')}>
          {(aria) => (
            <select {...aria} {...r('kind')}>
              <ChooseOption />
              {ageEvidenceKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`age.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`ev-source-${claimId}`} label={t('age.source')} optional>
          {(aria) => <input type="text" {...aria} {...r('source')} />}
        </Field>
        <Field id={`ev-obtained-${claimId}`} label={t('age.obtainedOn')} optional>
          {(aria) => <input type="date" {...aria} {...r('obtainedOn')} />}
        </Field>
        <Field id={`ev-issued-${claimId}`} label={t('age.issueDate')} hint={t('age.issueHint')} optional>
          {(aria) => <input type="date" {...aria} {...r('issueDate')} />}
        </Field>
        <Field id={`ev-doc-${claimId}`} label={t('age.document')} optional>
          {(aria) => (
            <select {...aria} {...r('documentId')}>
              <option value="">—</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="checkbox" htmlFor={`ev-verified-${claimId}`}>
        <input type="checkbox" id={`ev-verified-${claimId}`} {...r('isVerified')} />
        {t('age.verifiedLabel')}
      </label>
      <FormActions label={t('age.addEvidence')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
