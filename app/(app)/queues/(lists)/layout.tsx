import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { countQueues } from '@/db/queries/queues';
import { listSavedViews } from '@/db/queries/saved-views';
import { requirePermission } from '@/lib/auth/actor';
import { COUNT_CAP, queueViews } from '@/lib/domain/queues';
import { QueueNav } from '../_components/queue-nav';

/** Every queue page has the built-in views beside it, each with its count in the supervisor's scope. */
export default async function QueuesLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission('queue:read');
  const db = await getDb();
  const [t, counts, saved] = await Promise.all([getTranslations(), countQueues(db, actor), listSavedViews(db, actor)]);
  const items = [
    { href: '/queues', label: t('queues.allOpen'), count: null },
    ...queueViews.map((v) => ({ href: `/queues/${v}`, label: t(`queues.names.${v}`), count: counts[v].capped ? t('queues.countCappedShort', { count: COUNT_CAP }) : String(counts[v].count) })),
    { href: '/queues/death-penalty', label: t('watch.title'), count: null },
  ];
  return (
    <div className="with-sidebar">
      <QueueNav label={t('queues.views')} items={items} saved={saved} />
      <div>{children}</div>
    </div>
  );
}
