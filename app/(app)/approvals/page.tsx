import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listPendingApprovals } from '@/db/queries/approvals';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { mayApproveClosures } from '@/lib/authz';
import { translateKey } from '@/lib/i18n/dynamic';
import { DecideClosure } from './decide-closure';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('approvals'))('title') };
}

/** Closure requests waiting for this supervisor, oldest first, decided without leaving the list. */
export default async function ApprovalsPage() {
  const actor = await requireActor();
  if (!mayApproveClosures(actor)) notFound();
  const [t, format, locale, pending] = await Promise.all([getTranslations(), getFormatter(), getLocale(), listPendingApprovals(await getDb(), actor)]);
  return (
    <>
      <h1>{t('approvals.title')}</h1>
      <p role="status">{t('approvals.count', { count: pending.length })}</p>
      {pending.length === 0 ? (
        <div className="empty">{t('approvals.none')}</div>
      ) : (
        pending.map((a) => (
          <article key={a.id} className="person" aria-labelledby={`approval-${a.id}`}>
            <h2 id={`approval-${a.id}`}>
              <Link href={`/cases/${a.caseId}`} className="mono">
                {a.reference}
              </Link>{' '}
              <span className={a.caseClass === 'special' ? 'tag special' : 'tag'}>{translateKey(t, `caseClass.${a.caseClass}`)}</span>
            </h2>
            <dl className="summary">
              <dt>{t('status.outcome')}</dt>
              <dd>{a.outcome ? translateKey(t, `outcomes.${a.outcome}`) : '—'}</dd>
              <dt>{t('status.summary')}</dt>
              <dd className="narrative">{a.summary}</dd>
              <dt>{t('approvals.requested')}</dt>
              <dd>
                {a.requestedByName ?? '—'} · {format.dateTime(a.requestedAt, DATE_TIME_WITH_ZONE)}
              </dd>
            </dl>
            {a.openRequiredSteps > 0 && (
              <div className="notice warn">
                <p>{t('approvals.openRequired', { count: a.openRequiredSteps })}</p>
                <ul>
                  {a.openRequiredLabels.map((s, i) => (
                    <li key={i}>{locale === 'id' ? s.labelId : s.labelEn}</li>
                  ))}
                </ul>
              </div>
            )}
            {a.ownRequest ? (
              <p className="muted">{t('approvals.ownRequest')}</p>
            ) : (
              <DecideClosure approvalId={a.id} reference={a.reference} needsOverride={a.openRequiredSteps > 0} />
            )}
          </article>
        ))
      )}
    </>
  );
}
