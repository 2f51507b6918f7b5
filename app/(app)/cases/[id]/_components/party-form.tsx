'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { RevealedIdentity } from '@/db/queries/people';
import { partyRoles, perpetratorKinds } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { fromIsoDate } from '@/lib/validation/dates';
import { type PartyInput, emptyParty, partySchema, updatePartySchema } from '@/lib/validation/people';
import { HomeFields, IdentityFields } from '../../_components/identity-fields';
import { addPartyAction, revealIdentityAction, updatePartyAction } from '../../actions';

type Values = PartyInput & { partyId?: string };

function valuesFrom(caseId: string, version: number, partyId: string, p: RevealedIdentity): Values {
  return {
    ...(emptyParty(caseId, version) as PartyInput),
    partyId,
    role: p.role as PartyInput['role'],
    fullName: p.fullName,
    sex: (p.sex ?? '') as PartyInput['sex'],
    dateOfBirth: fromIsoDate(p.dateOfBirth),
    dobBasis: (p.dobBasis ?? '') as PartyInput['dobBasis'],
    nik: p.nik ?? '',
    passportNumber: p.passportNumber ?? '',
    nationality: p.nationality ?? '',
    homeProvince: p.homeProvince ?? '',
    homeRegency: p.homeRegency ?? '',
    phone: p.phone ?? '',
    isIdentityUndisclosed: p.isIdentityUndisclosed,
    perpetratorKind: (p.perpetratorKind ?? '') as PartyInput['perpetratorKind'],
    organisation: p.organisation ?? '',
    isArrested: !!p.isArrested,
    relationship: p.relationship ?? '',
  };
}

/** "Add a person" on the case file. */
export function AddParty({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations('parties');
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('add')}
      </button>
    );
  }
  return <PartyForm initial={emptyParty(caseId, version) as Values} onDone={() => setOpen(false)} />;
}

/** "Edit" on one person: the identity comes through the one logged access path. */
export function EditParty({ caseId, version, partyId, label }: { caseId: string; version: number; partyId: string; label: string }) {
  const t = useTranslations();
  const [initial, setInitial] = useState<Values | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (initial) return <PartyForm initial={initial} onDone={() => setInitial(null)} />;
  return (
    <>
      <button
        type="button"
        className="link"
        aria-label={t('parties.editOf', { name: label })}
        onClick={async () => {
          const result = await revealIdentityAction({ partyId });
          if (result.ok) setInitial(valuesFrom(caseId, version, partyId, result.data));
          else setError(result.error);
        }}
      >
        {t('parties.edit')}
      </button>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
    </>
  );
}

function PartyForm({ initial, onDone }: { initial: Values; onDone: () => void }) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const router = useRouter();
  const editing = !!initial.partyId;
  const labels: Record<string, string> = {
    role: tAll('parties.role'),
    fullName: t('fullName'),
    nik: t('nik'),
    passportNumber: t('passportNumber'),
    dateOfBirth: t('dateOfBirth'),
    nationality: t('nationality'),
    perpetratorKind: t('perpetratorKind'),
    relationship: tAll('parties.relationship'),
    phone: t('phone'),
  };
  const { form, onSubmit, summaryRef, summaryItems, fieldError, conflict } = useActionForm({
    schema: editing ? updatePartySchema : partySchema,
    defaultValues: initial,
    action: editing ? updatePartyAction : addPartyAction,
    labels,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const { register } = form;
  const role = useWatch({ control: form.control, name: 'role' });
  const is = (...roles: string[]) => roles.includes(role);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="person" aria-label={editing ? tAll('parties.edit') : tAll('parties.add')}>
      <ErrorSummary ref={summaryRef} items={summaryItems} extra={<ConflictDetails opened={{}} current={conflict} labels={{}} />} />
      {editing ? (
        <p>
          <strong>{labels.role}:</strong> {tAll(`parties.roles.${initial.role}`)}
        </p>
      ) : (
      <Field id="role" label={labels.role} error={fieldError('role')}>
        {(aria) => (
          <select {...aria} {...register('role')}>
            {partyRoles.map((r) => (
              <option key={r} value={r}>
                {tAll(`parties.roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      )}
      <Field id="fullName" label={is('perpetrator') ? t('perpetratorName') : t('fullName')} error={fieldError('fullName')}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...register('fullName')} />}
      </Field>
      {is('subject') && <IdentityFields prefix="" register={register} fieldError={fieldError} />}
      {is('perpetrator') && (
        <div className="grid2">
          <Field id="perpetratorKind" label={t('perpetratorKind')} error={fieldError('perpetratorKind')}>
            {(aria) => (
              <select {...aria} {...register('perpetratorKind')}>
                <option value="">{t('notKnown')}</option>
                {perpetratorKinds.map((k) => (
                  <option key={k} value={k}>
                    {tAll(`perpetratorKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="organisation" label={t('organisation')} optional>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...register('organisation')} />}
          </Field>
        </div>
      )}
      {is('perpetrator', 'witness') && (
        <Field id="nationality" label={t('nationality')} hint={t('countryHint')} optional error={fieldError('nationality')}>
          {(aria) => <input type="text" maxLength={2} autoComplete="off" {...aria} {...register('nationality')} />}
        </Field>
      )}
      {is('family_contact') && (
        <Field id="relationship" label={labels.relationship} hint={tAll('parties.relationshipHint')} optional>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register('relationship')} />}
        </Field>
      )}
      {is('subject', 'family_contact') && <HomeFields prefix="" register={register} fieldError={fieldError} />}
      {is('witness') && (
        <Field id="phone" label={t('phone')} optional error={fieldError('phone')}>
          {(aria) => <input type="tel" autoComplete="off" {...aria} {...register('phone')} />}
        </Field>
      )}
      {is('perpetrator') && (
        <div className="field">
          <label className="checkbox" htmlFor="isArrested">
            <input type="checkbox" id="isArrested" {...register('isArrested')} />
            {t('isArrested')}
          </label>
        </div>
      )}
      {is('subject', 'witness') && (
        <div className="field">
          <label className="checkbox" htmlFor="isIdentityUndisclosed">
            <input type="checkbox" id="isIdentityUndisclosed" {...register('isIdentityUndisclosed')} />
            {t('undisclosed')}
          </label>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {editing ? tAll('parties.save') : tAll('parties.addButton')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {tAll('form.cancel')}
        </button>
      </div>
    </form>
  );
}
