'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { ChooseOption, Field } from '@/app/_components/ui/field';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { financialClaimKinds } from '@/lib/domain/cases';
import { claimPaymentSchema, financialClaimSchema } from '@/lib/validation/legal';
import { createFinancialClaimAction, recordPaymentAction } from '../../actions';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export interface ClaimRow {
  id: string;
  kind: string;
  claimed: string;
  recovered: string;
}

/** Money claimed and recovered: amounts always with their currency; the total in rupiah at the rates entered. */
export function MoneySection({ caseId, claims, byCurrency, totalHome, canEdit }: { caseId: string; claims: ClaimRow[]; byCurrency: { currency: string; claimed: string; recovered: string }[]; totalHome: string; canEdit: boolean }) {
  const t = useTranslations();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {claims.length === 0 ? (
        <p className="muted">{t('money.none')}</p>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('money.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.kind')}</th>
                <th scope="col">{t('money.amountClaimed')}</th>
                <th scope="col">{t('money.recovered')}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t('money.recordPayment')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {claims.map((c) => (
                <tr key={c.id}>
                  <td>{t(`money.kinds.${c.kind}` as never)}</td>
                  <td>{c.claimed}</td>
                  <td>{c.recovered}</td>
                  {canEdit && (
                    <td>
                      {open === c.id ? (
                        <PaymentForm claimId={c.id} onDone={() => setOpen(null)} />
                      ) : (
                        <button type="button" className="link" onClick={() => setOpen(c.id)}>
                          {t('money.recordPayment')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {byCurrency.length > 0 && (
        <p>
          {byCurrency.map((b) => `${b.currency}: ${b.recovered} / ${b.claimed}`).join(' · ')} · <strong>{t('money.totalHome', { amount: totalHome })}</strong>
        </p>
      )}
      {canEdit &&
        (open === 'new' ? (
          <ClaimForm caseId={caseId} onDone={() => setOpen(null)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setOpen('new')}>
            {t('money.addClaim')}
          </button>
        ))}
    </>
  );
}

function ClaimForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = { kind: t('money.kind'), currency: t('money.currency'), amountClaimed: t('money.amountClaimed'), claimedOn: t('money.claimedOn') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: financialClaimSchema,
    defaultValues: { caseId, kind: '' as never, currency: '', amountClaimed: '', claimedOn: '' },
    action: createFinancialClaimAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('money.addClaim')} className="person">
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="grid2">
        <Field id="money-kind" label={labels.kind}>
          {(aria) => (
            <select {...aria} {...r('kind')}>
              <ChooseOption />
              {financialClaimKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`money.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="money-currency" label={labels.currency} error={fieldError('currency')}>
          {(aria) => <input type="text" maxLength={3} autoComplete="off" {...aria} {...r('currency')} />}
        </Field>
        <Field id="money-amount" label={labels.amountClaimed} error={fieldError('amountClaimed')}>
          {(aria) => <input type="text" inputMode="decimal" autoComplete="off" {...aria} {...r('amountClaimed')} />}
        </Field>
        <Field id="money-claimed-on" label={labels.claimedOn} optional>
          {(aria) => <input type="date" {...aria} {...r('claimedOn')} />}
        </Field>
      </div>
      <FormActions label={t('money.addClaim')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function PaymentForm({ claimId, onDone }: { claimId: string; onDone: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = { amount: t('money.amount'), receivedOn: t('money.receivedOn'), rateToHome: t('money.rateToHome') };
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: claimPaymentSchema,
    defaultValues: { claimId, amount: '', receivedOn: new Date().toISOString().slice(0, 10), rateToHome: '' },
    action: recordPaymentAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const r = form.register;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t('money.recordPayment')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <Field id={`pay-amount-${claimId}`} label={labels.amount} error={fieldError('amount')}>
        {(aria) => <input type="text" inputMode="decimal" {...aria} {...r('amount')} />}
      </Field>
      <Field id={`pay-on-${claimId}`} label={labels.receivedOn} error={fieldError('receivedOn')}>
        {(aria) => <input type="date" {...aria} {...r('receivedOn')} />}
      </Field>
      <Field id={`pay-rate-${claimId}`} label={labels.rateToHome} hint={t('money.rateHint')} error={fieldError('rateToHome')}>
        {(aria) => <input type="text" inputMode="decimal" {...aria} {...r('rateToHome')} />}
      </Field>
      <FormActions label={t('money.recordPayment')} pending={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
