import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listOwnExports } from '@/db/queries/exports';
import { requirePermission } from '@/lib/auth/actor';
import { kickExports } from '@/lib/exports/runner';
import { ExportsList } from './_components/exports-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('exports'))('title') };
}

/** "My exports": files prepared in the background, with their progress, until they expire. */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ requested?: string }> }) {
  const actor = await requirePermission('report:read');
  const [t, exports, { requested }] = await Promise.all([getTranslations('exports'), listOwnExports(await getDb(), actor), searchParams]);
  if (exports.some((e) => e.status === 'queued')) kickExports();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ExportsList initial={JSON.parse(JSON.stringify(exports))} requested={requested} />
    </>
  );
}
