import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { getMission } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { MissionForm } from '../_components/mission-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('missions'))('edit') };
}

export default async function EditMissionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePermission('mission:manage');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const missionId = Number(id);
  const mission = Number.isInteger(missionId) && missionId > 0 ? await getMission(await getDb(), actor, missionId) : null;
  if (!mission) notFound();
  const t = await getTranslations();
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/missions">{t('missions.back')}</Link>
      </p>
      <h1>
        {mission.code} · {missionName(t as never, mission)}
      </h1>
      {created && (
        <p className="notice ok" role="status">
          {t('missions.created')}
        </p>
      )}
      <MissionForm mission={mission} />
    </div>
  );
}
