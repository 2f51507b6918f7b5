'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RevealedIdentity } from '@/db/queries/people';
import { translateKey } from '@/lib/i18n/dynamic';
import { revealIdentityAction } from '../../actions';

/** Shows an undisclosed identity on request; each reveal is recorded on the case's access log. */
export function RevealIdentity({ partyId, pseudonym }: { partyId: string; pseudonym: string }) {
  const t = useTranslations();
  const [identity, setIdentity] = useState<RevealedIdentity | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (identity) {
    return (
      <dl className="summary" aria-label={t('caseFile.revealedOf', { pseudonym })}>
        <dt>{t('intake.fullName')}</dt>
        <dd>{identity.fullName}</dd>
        {identity.nik && (
          <>
            <dt>{t('intake.nik')}</dt>
            <dd className="mono">{identity.nik}</dd>
          </>
        )}
        {identity.passportNumber && (
          <>
            <dt>{t('intake.passportNumber')}</dt>
            <dd className="mono">{identity.passportNumber}</dd>
          </>
        )}
        {identity.dateOfBirth && (
          <>
            <dt>{t('intake.dateOfBirth')}</dt>
            <dd>{identity.dateOfBirth}</dd>
          </>
        )}
        {(identity.homeProvince || identity.homeRegency) && (
          <>
            <dt>{t('caseFile.home')}</dt>
            <dd>{[identity.homeRegency, identity.homeProvince].filter(Boolean).join(', ')}</dd>
          </>
        )}
      </dl>
    );
  }
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const result = await revealIdentityAction({ partyId });
          if (result.ok) setIdentity(result.data);
          else setError(result.error);
        }}
      >
        {t('caseFile.reveal', { pseudonym })}
      </button>
      <span className="hint"> {t('caseFile.revealHint')}</span>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
    </>
  );
}
