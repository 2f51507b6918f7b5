'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { FormActions } from '@/app/_components/ui/form-actions';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { translateKey } from '@/lib/i18n/dynamic';
import { createFeedSchema } from '@/lib/validation/calendar';
import { createFeedAction, revokeFeedAction } from '../actions';

export interface FeedRow {
  id: string;
  missionCode: string;
  createdLabel: string;
  lastUsedLabel: string | null;
}

/**
 * The user's calendar subscription addresses: create one per mission (shown once, to copy),
 * see when each was last read, revoke it with one confirmation.
 */
export function FeedsSection({ feeds, missions }: { feeds: FeedRow[]; missions: { id: number; label: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; missionCode: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { form, onSubmit, summaryRef, summaryItems, fieldError } = useActionForm({
    schema: createFeedSchema,
    defaultValues: { missionId: missions[0]?.id ?? '' },
    action: createFeedAction,
    labels: { missionId: t('calendar.subscribe.mission') },
    onSuccess: (data) => {
      const { token, missionCode } = data as { token: string; missionCode: string };
      setCreated({ url: `${window.location.origin}/api/calendar/${token}.ics`, missionCode });
      setNotice(null);
      setCopied(false);
      router.refresh();
    },
  });

  async function revoke(feed: FeedRow) {
    setError(null);
    const result = await revokeFeedAction({ feedId: feed.id });
    setConfirming(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(t('calendar.subscribe.revoked', { mission: feed.missionCode }));
    if (created?.missionCode === feed.missionCode) setCreated(null);
    router.refresh();
  }

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <section aria-labelledby="feeds-title">
      <h2 id="feeds-title">{t('calendar.subscribe.title')}</h2>
      <p className="muted">{t('calendar.subscribe.intro')}</p>
      <div role="status">{notice && <p className="notice">{notice}</p>}</div>
      {error && (
        <p className="notice warn" role="alert">
          {translateKey(t, error, 'errors.unexpected')}
        </p>
      )}
      {feeds.length === 0 ? (
        <p className="muted">{t('calendar.subscribe.none')}</p>
      ) : (
        <ul>
          {feeds.map((f) => (
            <li key={f.id}>
              <strong className="mono">{f.missionCode}</strong> · {t('calendar.subscribe.createdOn', { date: f.createdLabel })} ·{' '}
              {f.lastUsedLabel ? t('calendar.subscribe.lastUsed', { date: f.lastUsedLabel }) : t('calendar.subscribe.neverUsed')}{' '}
              {confirming === f.id ? (
                <span className="notice warn">
                  {t('calendar.subscribe.revokeConfirm', { mission: f.missionCode })}{' '}
                  <button type="button" className="warning" onClick={() => revoke(f)}>
                    {t('calendar.subscribe.revoke')}
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    {t('form.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="secondary" aria-label={`${t('calendar.subscribe.revoke')} ${f.missionCode}`} onClick={() => setConfirming(f.id)}>
                  {t('calendar.subscribe.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <div className="notice">
          <p>{t('calendar.subscribe.created')}</p>
          <Field id="feed-url" label={`${t('calendar.subscribe.address')} (${created.missionCode})`}>
            {(aria) => <input type="text" readOnly value={created.url} {...aria} onFocus={(e) => e.currentTarget.select()} className="mono" />}
          </Field>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => copy(created.url)}>
              {copied ? t('calendar.subscribe.copied') : t('calendar.subscribe.copy')}
            </button>
            <a href={created.url.replace(/^https?:/, 'webcal:')}>{t('calendar.subscribe.openInApp')}</a>
          </div>
        </div>
      )}
      {missions.length > 0 && (
        <form method="post" onSubmit={onSubmit} noValidate aria-label={t('calendar.subscribe.create')}>
          <ErrorSummary ref={summaryRef} items={summaryItems} />
          <Field id="feed-mission" label={t('calendar.subscribe.mission')} hint={t('calendar.subscribe.replaceNote')} error={fieldError('missionId')}>
            {(aria) => (
              <select {...aria} {...form.register('missionId')}>
                {missions.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FormActions label={t('calendar.subscribe.create')} pending={form.formState.isSubmitting} />
        </form>
      )}
    </section>
  );
}
