import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getUser } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/actor';
import { missionAndRegionOptions } from '../../options';
import { ActivationSection } from '../_components/activation-section';
import { ResetPasswordForm } from '../_components/reset-password-form';
import { UserForm } from '../_components/user-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('edit') };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePermission('user:manage');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const user = await getUser(await getDb(), actor, id);
  if (!user) notFound();
  const t = await getTranslations('users');
  const options = await missionAndRegionOptions(actor);
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/users">{t('back')}</Link>
      </p>
      <h1>
        {user.name} {!user.isActive && <span className="tag inactive">{t('inactive')}</span>}
      </h1>
      {created && (
        <p className="notice ok" role="status">
          {t('created', { name: user.name })}
        </p>
      )}
      <UserForm {...options} user={user} />
      <ResetPasswordForm userId={user.id} />
      {user.id !== actor.id && <ActivationSection user={user} />}
    </div>
  );
}
