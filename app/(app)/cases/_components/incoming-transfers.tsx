'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { translateKey } from '@/lib/i18n/dynamic';
import { decideTransferAction } from '../actions';

export interface IncomingRow {
  id: string;
  caseId: string;
  reference: string;
  category: string;
  fromMissionCode: string;
  toMissionCode: string;
  reason: string;
  requestedLabel: string;
}

/** Cases other missions ask this mission to take over: accept (the case moves here) or reject with a comment. */
export function IncomingTransfers({ transfers, more }: { transfers: IncomingRow[]; more?: React.ReactNode }) {
  const t = useTranslations();
  const router = useRouter();
  const [comment, setComment] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (transfers.length === 0) return null;
  const decide = async (transferId: string, decision: 'accept' | 'reject', caseId: string) => {
    setError(null);
    const result = await decideTransferAction({ transferId, decision, comment: comment[transferId] ?? '' });
    if (!result.ok) return setError(result.fieldErrors?.comment?.[0] ?? result.error);
    if (decision === 'accept') router.push(`/cases/${caseId}`);
    else router.refresh();
  };
  return (
    <section aria-labelledby="incoming-title" className="notice">
      <h2 id="incoming-title">{t('transfers.incoming')}</h2>
      {error && (
        <p className="error-message" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      {transfers.map((tr) => (
        <article key={tr.id} aria-label={tr.reference}>
          <p>
            <strong className="mono">{tr.reference}</strong> · {translateKey(t, `categories.${tr.category}`)} · {t('transfers.fromTo', { from: tr.fromMissionCode, to: tr.toMissionCode })} · {tr.requestedLabel}
          </p>
          <p className="narrative">{tr.reason}</p>
          <div className="field">
            <label htmlFor={`transfer-comment-${tr.id}`}>
              {t('approvals.comment')} ({t('form.optional')})
            </label>
            <input type="text" id={`transfer-comment-${tr.id}`} value={comment[tr.id] ?? ''} onChange={(e) => setComment({ ...comment, [tr.id]: e.target.value })} />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => decide(tr.id, 'accept', tr.caseId)}>
              {t('transfers.accept')}
            </button>
            <button type="button" className="secondary" onClick={() => decide(tr.id, 'reject', tr.caseId)}>
              {t('transfers.reject')}
            </button>
          </div>
        </article>
      ))}
      {more}
    </section>
  );
}
