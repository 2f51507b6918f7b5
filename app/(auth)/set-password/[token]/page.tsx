import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthShell } from '../../auth-shell';
import { SetPasswordForm } from './set-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setPassword'))('title') };
}

/** The page a one-time link opens: the user chooses their own password (checked and used with the link, db/queries/users.ts). */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('setPassword')]);
  return (
    <AuthShell title={t('title')} intro={t('intro')}>
      <SetPasswordForm token={token} />
    </AuthShell>
  );
}
