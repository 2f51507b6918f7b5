import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { isQueueView } from '@/lib/domain/queues';
import { QueueScreen } from '../../_components/queue-screen';

export async function generateMetadata({ params }: { params: Promise<{ view: string }> }): Promise<Metadata> {
  const { view } = await params;
  const t = await getTranslations('queues');
  return { title: isQueueView(view) ? t(`names.${view}`) : t('title') };
}

/** One built-in queue (`/queues/overdue_steps`), with the same filters as all open cases. */
export default async function QueueViewPage({ params, searchParams }: { params: Promise<{ view: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('queue:read');
  const { view } = await params;
  if (!isQueueView(view)) notFound();
  return <QueueScreen actor={actor} view={view} params={await searchParams} />;
}
