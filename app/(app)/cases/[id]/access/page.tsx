import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listCaseAccess } from '@/db/queries/case-timeline';
import { requirePermission } from '@/lib/auth/actor';
import { Timeline } from '../_components/timeline';
import { loadCase } from '../load-case';

const PAGE = 50;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const file = await loadCase((await params).id);
  return { title: file ? (await getTranslations('accessLog'))('title', { reference: file.reference }) : (await getTranslations('notFound'))('title') };
}

/**
 * The case's access log: every reveal of an identity, match by a search, download of a file and
 * case-list export that included the case, newest first and paged, to whoever may see the case — complete however many other events the
 * timeline holds (the case page shows its newest hundred).
 */
export default async function CaseAccessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> }) {
  await requirePermission('case:read');
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const file = await loadCase(id);
  if (!file) notFound();
  // A cursor that is not one of ours reads as the first page (listCaseAccess checks it).
  const before = Array.isArray(query.before) ? query.before[0] : query.before;
  const [t, events] = await Promise.all([getTranslations('accessLog'), listCaseAccess(await getDb(), file.id, { before, limit: PAGE })]);
  const last = events.at(-1);
  return (
    <>
      <p>
        <Link href={`/cases/${file.id}`}>{t('back')}</Link>
      </p>
      <h1>{t('title', { reference: file.reference })}</h1>
      <p className="muted">{t('intro')}</p>
      {events.length === 0 ? <p className="empty">{t('none')}</p> : <Timeline events={events} timeZone={file.missionTimeZone} />}
      {last && events.length === PAGE && (
        <p className="pager">
          <Link href={`/cases/${file.id}/access?before=${encodeURIComponent(last.cursor)}`}>{t('older')}</Link>
        </p>
      )}
    </>
  );
}
