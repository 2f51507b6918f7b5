import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { draftsSummary } from '@/db/queries/drafts';
import type { Actor } from '@/lib/actor';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

/** "You have 2 unfinished drafts": said where intakes start (My cases, New case), with the latest to resume. */
export async function DraftsNotice({ actor }: { actor: Actor }) {
  const [t, format, { count, latest }] = await Promise.all([getTranslations('drafts'), getFormatter(), draftsSummary(await getDb(), actor)]);
  if (!latest) return null;
  return (
    <p className="notice" role="status">
      {t('unfinished', { count })} <Link href={`/cases/new?draft=${latest.id}`}>{t('resumeLatest', { time: format.dateTime(latest.updatedAt, DATE_TIME_WITH_ZONE) })}</Link>
      {count > 1 && (
        <>
          {' · '}
          <Link href="/drafts">{t('seeAll')}</Link>
        </>
      )}
    </p>
  );
}
