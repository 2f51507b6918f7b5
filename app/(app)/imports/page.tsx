import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE_REF } from '@/lib/import/template';
import { ImportForm } from './_components/import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

/** Supervisors bring a mission's legacy case log in (issue 7); anyone else gets a not-found page. */
export default async function ImportsPage() {
  await requirePermission('case:import');
  const t = await getTranslations('import');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="muted">{t('template', { columns: IMPORT_COLUMNS.join(', ') })}</p>
      <p>{t('templateDownloads', { example: TEMPLATE_EXAMPLE_REF })}</p>
      <ul>
        <li>
          <a href="/api/imports/template?format=xlsx" download>
            {t('templateXlsx')}
          </a>
        </li>
        <li>
          <a href="/api/imports/template?format=csv" download>
            {t('templateCsv')}
          </a>
        </li>
      </ul>
      <ImportForm />
    </>
  );
}
