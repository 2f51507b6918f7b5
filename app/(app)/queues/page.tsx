import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listMissionsInScope } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { MissionsTable } from '../_components/missions-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('queues'))('title') };
}

/** A supervisor's home: the queues across the missions in their scope. */
export default async function QueuesPage() {
  const actor = await requirePermission('queue:read');
  const t = await getTranslations('queues');
  const tAll = await getTranslations();
  const missions = await listMissionsInScope(await getDb(), actor);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href="/queues/death-penalty">{tAll('watch.link')}</Link>
      </p>
      <div className="empty">
        <p>
          <strong>{t('emptyTitle')}</strong>
        </p>
        <p>{t('emptyBody')}</p>
      </div>
      <MissionsTable missions={missions} caption={t('missionsInScope', { count: missions.length })} />
    </>
  );
}
