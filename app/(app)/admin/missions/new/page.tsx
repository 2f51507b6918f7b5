import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { MissionForm } from '../_components/mission-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('missions'))('add') };
}

export default async function NewMissionPage() {
  await requirePermission('mission:manage');
  const t = await getTranslations('missions');
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/missions">{t('back')}</Link>
      </p>
      <h1>{t('add')}</h1>
      <MissionForm />
    </div>
  );
}
