import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { countQueues } from '@/db/queries/queues';
import { requirePermission } from '@/lib/auth/actor';
import { COUNT_CAP, queueViews } from '@/lib/domain/queues';
import { QueueNav } from '../_components/queue-nav';

/** Every queue page has the built-in views beside it, each with its count in the supervisor's scope. */
export default async function QueuesLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission('queue:read');
  const [t, counts] = await Promise.all([getTranslations(), countQueues(await getDb(), actor)]);
  const items = [
    { href: '/queues', label: t('queues.allOpen'), count: null },
    ...queueViews.map((v) => ({ href: `/queues/${v}`, label: t(`queues.names.${v}`), count: counts[v].capped ? t('queues.countCappedShort', { count: COUNT_CAP }) : String(counts[v].count) })),
    { href: '/queues/death-penalty', label: t('watch.title'), count: null },
  ];
  return (
    <div className="with-sidebar">
      <QueueNav label={t('queues.views')} items={items} />
      <div>{children}</div>
    </div>
  );
}
