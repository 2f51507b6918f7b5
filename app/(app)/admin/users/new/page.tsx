import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { missionAndRegionOptions } from '../../options';
import { UserForm } from '../_components/user-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('add') };
}

export default async function NewUserPage() {
  const actor = await requirePermission('user:manage');
  const t = await getTranslations('users');
  const options = await missionAndRegionOptions(actor);
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/users">{t('back')}</Link>
      </p>
      <h1>{t('add')}</h1>
      <UserForm {...options} />
    </div>
  );
}
