import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { setVisitorLocaleAction } from '@/app/_components/locale-actions';
import { getActor } from '@/lib/auth/actor';
import { safeCallback } from '@/lib/auth/callback';
import { homeFor } from '@/lib/authz';
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
    <main id="main" className="login">
      <header>
        <p className="brand">Payung</p>
        <LanguageSwitch action={setVisitorLocaleAction} />
      </header>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {params.expired && <p className="notice">{t('expired')}</p>}
      <LoginForm callbackUrl={safeCallback(params.callbackUrl)} />
    </main>
  );
}
