import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { countCaseExport } from '@/db/queries/case-export';
import { requirePermission } from '@/lib/auth/actor';
import { isQueueView } from '@/lib/domain/queues';
import { translateKey } from '@/lib/i18n/dynamic';
import { parseQueueQuery, queueQueryString } from '@/lib/validation/queues';
import { CaseListForm } from '../_components/case-list-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('exports.caseList'))('title') };
}

/**
 * A case list of the queue the supervisor came from (`/exports/case-list?view=children&mission=KUL`):
 * which cases (the filter, and how many), which columns, which file.
 */
export default async function CaseListExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('case:export');
  const params = await searchParams;
  const view = typeof params.view === 'string' && isQueueView(params.view) ? params.view : undefined;
  const { filter } = parseQueueQuery(params, view);
  const query = queueQueryString(filter, { after: undefined });
  const [t, format, count] = await Promise.all([getTranslations(), getFormatter(), countCaseExport(await getDb(), actor, filter)]);
  const filters = [...new URLSearchParams(query)].map(([k, v]) => `${k}: ${v}`);
  const back = `/queues${view ? `/${view}` : ''}${query ? `?${query}` : ''}`;
  return (
    <>
      <p>
        <Link href={back}>← {t('exports.caseList.back')}</Link>
      </p>
      <h1>{t('exports.caseList.title')}</h1>
      <dl className="summary">
        <dt>{t('exports.caseList.which')}</dt>
        <dd>{[view ? translateKey(t, `queues.names.${view}`, view) : t('exports.kinds.allOpen'), ...filters].join(', ')}</dd>
        <dt>{t('exports.caseList.count')}</dt>
        <dd data-testid="export-count">{format.number(count)}</dd>
      </dl>
      {count === 0 ? (
        <p className="notice warn">
          {t('exports.caseList.nothing')} <Link href={back}>{t('exports.caseList.back')}</Link>
        </p>
      ) : (
        <>
          <p className="notice">{t('exports.caseList.privacy')}</p>
          <CaseListForm view={view} query={query} />
        </>
      )}
    </>
  );
}
