import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/actor';
import { safeCallback } from '@/lib/auth/callback';
import { homeFor } from '@/lib/authz';
import { AuthShell } from '../auth-shell';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  const params = await searchParams;
  const t = await getTranslations('login');
  return (
    <AuthShell title={t('title')} intro={t('intro')}>
      {params.expired && <p className="notice">{t('expired')}</p>}
      {params.passwordSet && (
        <p className="notice ok" role="status">
          {t('passwordSet')}
        </p>
      )}
      <LoginForm callbackUrl={safeCallback(params.callbackUrl)} />
    </AuthShell>
  );
}
