import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getUser } from '@/db/queries/users';
import { users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { requirePermission } from '@/lib/auth/actor';
import { missionAndRegionOptions } from '../../options';
import { ActivationSection } from '../_components/activation-section';
import { PendingRole } from '../_components/pending-role';
import { ResetPasswordForm } from '../_components/reset-password-form';
import { mailSettings } from '@/lib/mail/send';
import { ResetTwoFactor } from '../_components/reset-two-factor';
import { UserForm } from '../_components/user-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('edit') };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePermission('user:manage');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const user = await getUser(db, actor, id);
  if (!user) notFound();
  const [askedBy] = user.pendingRoleBy ? await db.select({ email: users.email }).from(users).where(eq(users.id, user.pendingRoleBy)) : [];
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
      {user.pendingRole && <PendingRole user={user} askedBy={askedBy?.email ?? '—'} askedByMe={user.pendingRoleBy === actor.id} />}
      <UserForm {...options} user={user} />
      <ResetPasswordForm userId={user.id} name={user.name} byEmail={mailSettings() !== null} />
      {user.hasTwoFactor && <ResetTwoFactor userId={user.id} />}
      {user.id !== actor.id && !(user.pendingRole && !user.isActive) && <ActivationSection user={user} />}
    </div>
  );
}
