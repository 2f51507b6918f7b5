import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listDrafts } from '@/db/queries/drafts';
import { requirePermission } from '@/lib/auth/actor';
import { translateKey } from '@/lib/i18n/dynamic';
import { TableScroll } from '@/app/_components/ui/table-scroll';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('drafts'))('title') };
}

/** Intakes saved as they were typed, until submitted or discarded. Only their author sees them. */
export default async function DraftsPage() {
  const actor = await requirePermission('case:create');
  const [t, format, drafts] = await Promise.all([getTranslations(), getFormatter(), listDrafts(await getDb(), actor)]);
  return (
    <>
      <h1>{t('drafts.title')}</h1>
      <p className="muted">{t('drafts.intro')}</p>
      {drafts.length === 0 ? (
        <div className="empty">
          <p>{t('drafts.none')}</p>
          <Link href="/cases/new">{t('cases.new')}</Link>
        </div>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('drafts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drafts.subject')}</th>
                <th scope="col">{t('intake.category')}</th>
                <th scope="col">{t('drafts.lastSaved')}</th>
                <th scope="col">{t('drafts.started')}</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/cases/new?draft=${d.id}`}>
                      {d.firstSubjectName ?? t('drafts.unnamed')}
                      {d.subjectCount > 1 ? ` ${t('drafts.andOthers', { count: d.subjectCount - 1 })}` : ''}
                    </Link>
                  </td>
                  <td>{d.category ? translateKey(t, `categories.${d.category}`, 'drafts.unnamed') : '—'}</td>
                  <td>{format.dateTime(d.updatedAt, DATE_TIME_WITH_ZONE)}</td>
                  <td>{format.dateTime(d.createdAt, DATE_TIME_WITH_ZONE)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
