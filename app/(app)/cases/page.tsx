import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listMissionsInScope } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { MissionsTable } from '../_components/missions-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('title') };
}

/** An officer's home: their mission's cases (the case register fills this list). */
export default async function MyCasesPage() {
  const actor = await requirePermission('case:read');
  const t = await getTranslations('cases');
  const missions = await listMissionsInScope(await getDb(), actor);
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="empty">
        <p>
          <strong>{t('emptyTitle')}</strong>
        </p>
        <p>{t('emptyBody')}</p>
      </div>
      {actor.role === 'officer' && (
        <>
          <MissionsTable missions={missions} caption={t('yourMission')} />
        </>
      )}
    </>
  );
}
