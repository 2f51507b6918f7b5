import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { QueueScreen } from '../_components/queue-screen';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('queues'))('title') };
}

/** A supervisor's home: every open case in scope, to filter; the built-in queues are beside it. */
export default async function QueuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('queue:read');
  return <QueueScreen actor={actor} params={await searchParams} />;
}
