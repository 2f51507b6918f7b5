'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { FormActions } from '@/app/_components/ui/form-actions';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { ConsentItem, PartnerItem, ReferralItem } from '@/db/queries/referrals';
import { REFERRAL_TRANSITIONS, consentScopes } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { createReferralSchema, recordConsentSchema } from '@/lib/validation/cases';
import { createReferralAction, moveReferralAction, recordConsentAction, withdrawConsentAction } from '../../actions';
import { TableScroll } from '@/app/_components/ui/table-scroll';

interface Props {
  caseId: string;
  parties: { id: string; label: string }[];
  partners: PartnerItem[];
  consents: (Omit<ConsentItem, 'withdrawnAt'> & { givenLabel: string; withdrawn: boolean })[];
  referrals: (Omit<ReferralItem, 'sentAt'> & { sentLabel: string })[];
  canEdit: boolean;
  canOverride: boolean;
}

/** What each person agreed to, and the referrals that rest on it. */
export function ReferralsSection({ caseId, parties, partners, consents, referrals, canEdit, canOverride }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<'consent' | 'referral' | null>(null);
  const partnerName = (code: string | null) => {
    const p = partners.find((x) => x.code === code);
    return p ? (locale === 'id' ? p.nameId : p.nameEn) : t('referrals.anyPartner');
  };
  const act = async (run: () => Promise<{ ok: boolean; error?: string }>) => {
    setError(null);
    const result = await run();
    if (!result.ok) setError(result.error ?? 'errors.unexpected');
    router.refresh();
  };
  return (
    <>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      <h3>{t('referrals.consents')}</h3>
      {consents.length === 0 ? (
        <p className="muted">{t('referrals.noConsents')}</p>
      ) : (
        <ul>
          {consents.map((c) => (
            <li key={c.id}>
              <span className="mono">{c.pseudonym}</span> · {t(`consentScopes.${c.scope}`)}
              {c.scope === 'sharing' && ` · ${partnerName(c.partnerCode)}`} · {c.givenLabel}
              {c.withdrawn ? (
                <span className="tag inactive"> {t('referrals.withdrawn')}</span>
              ) : (
                canEdit && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => act(() => withdrawConsentAction({ consentId: c.id }))}>
                      {t('referrals.withdraw')}
                    </button>
                  </>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('referrals.referrals')}</h3>
      {referrals.length === 0 ? (
        <p className="muted">{t('referrals.noReferrals')}</p>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('referrals.referrals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.partner')}</th>
                <th scope="col">{t('referrals.person')}</th>
                <th scope="col">{t('steps.status')}</th>
                <th scope="col">{t('referrals.sent')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <td>
                    {locale === 'id' ? r.partnerNameId : r.partnerNameEn}
                    {r.purpose && <div className="muted">{r.purpose}</div>}
                    {r.overrideReason && <div className="muted">{t('referrals.overrideNote', { reason: r.overrideReason })}</div>}
                  </td>
                  <td className="mono">{r.pseudonym}</td>
                  <td>
                    <span className="tag status">{t(`referralStatuses.${r.status}`)}</span>
                    {canEdit &&
                      REFERRAL_TRANSITIONS[r.status].map((to) => (
                        <button
                          key={to}
                          type="button"
                          className="link spaced"
                          onClick={() => act(() => moveReferralAction({ referralId: r.id, version: r.version, status: to }))}
                        >
                          {t(`referrals.moveTo.${to}`)}
                        </button>
                      ))}
                  </td>
                  <td>{r.sentLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setForm('consent')}>
            {t('referrals.recordConsent')}
          </button>
          <button type="button" className="secondary" onClick={() => setForm('referral')}>
            {t('referrals.refer')}
          </button>
        </div>
      )}
      {form === 'consent' && <ConsentForm caseId={caseId} parties={parties} partners={partners} partnerName={partnerName} onDone={() => setForm(null)} />}
      {form === 'referral' && <ReferralForm caseId={caseId} parties={parties} partners={partners} partnerName={partnerName} canOverride={canOverride} onDone={() => setForm(null)} />}
    </>
  );
}

type FormProps = { caseId: string; parties: Props['parties']; partners: PartnerItem[]; partnerName: (code: string | null) => string; onDone: () => void };

function PersonAndPartner({ register, fieldError, parties, partners, partnerName, anyLabel }: { register: (p: string) => Record<string, unknown>; fieldError: (p: string) => string | undefined; parties: Props['parties']; partners: PartnerItem[]; partnerName: (c: string) => string; anyLabel?: string }) {
  const t = useTranslations('referrals');
  return (
    <div className="grid2">
      <Field id="partyId" label={t('person')} error={fieldError('partyId')}>
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
      <Field id="partnerCode" label={t('partner')} error={fieldError('partnerCode')}>
        {(aria) => (
          <select {...aria} {...register('partnerCode')}>
            {anyLabel !== undefined ? <option value="">{anyLabel}</option> : <ChooseOption />}
            {partners.map((p) => (
              <option key={p.code} value={p.code}>
                {partnerName(p.code)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

function ConsentForm({ caseId, parties, partners, partnerName, onDone }: FormProps) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: recordConsentSchema,
    // Whose consent, to what: chosen, never assumed; the day given defaults to today (visible, usually true).
    defaultValues: { caseId, partyId: '', scope: '', partnerCode: '', givenOn: new Date().toISOString().slice(0, 10) },
    action: recordConsentAction,
    labels: { partyId: t('referrals.person'), scope: t('referrals.scope'), givenOn: t('referrals.givenOn') },
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('referrals.recordConsent')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id="scope" label={t('referrals.scope')} error={fieldError('scope')}>
        {(aria) => (
          <select {...aria} {...form.register('scope')}>
            <ChooseOption />
            {consentScopes.map((s) => (
              <option key={s} value={s}>
                {t(`consentScopes.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PersonAndPartner register={form.register as never} fieldError={fieldError} parties={parties} partners={partners} partnerName={partnerName} anyLabel={t('referrals.anyPartner')} />
      <Field id="givenOn" label={t('referrals.givenOn')} error={fieldError('givenOn')}>
        {(aria) => <input type="date" {...aria} {...form.register('givenOn')} />}
      </Field>
      <FormActions label={t('referrals.saveConsent')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function ReferralForm({ caseId, parties, partners, partnerName, canOverride, onDone }: FormProps & { canOverride: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: createReferralSchema,
    defaultValues: { caseId, partyId: '', partnerCode: '', purpose: '', overrideReason: '' },
    action: createReferralAction,
    labels: { partyId: t('referrals.person'), partnerCode: t('referrals.partner'), overrideReason: t('referrals.overrideReason') },
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('referrals.refer')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <PersonAndPartner register={form.register as never} fieldError={fieldError} parties={parties} partners={partners} partnerName={partnerName} />
      <Field id="purpose" label={t('referrals.purpose')} optional error={fieldError('purpose')}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('purpose')} />}
      </Field>
      {canOverride && (
        <Field id="overrideReason" label={t('referrals.overrideReason')} hint={t('referrals.overrideHint')} optional error={fieldError('overrideReason')}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register('overrideReason')} />}
        </Field>
      )}
      <FormActions label={t('referrals.send')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
