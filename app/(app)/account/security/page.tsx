import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { hasTwoFactor } from '@/db/queries/two-factor';
import { requireActor } from '@/lib/auth/actor';
import { twoFactorRequired } from '@/lib/auth/totp';
import { TwoFactorSetup } from './two-factor-setup';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('twoFactor'))('title') };
}

/** The signed-in user's own two-step sign-in: set up, or turned off with a current code. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const actor = await requireActor();
  const [t, on, { required }] = await Promise.all([getTranslations('twoFactor'), hasTwoFactor(await getDb(), actor), searchParams]);
  const mustKeep = twoFactorRequired(actor.role);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      {required && !on && (
        <p className="notice warn" role="status">
          {t('required')}
        </p>
      )}
      <p>{t('intro')}</p>
      <p>
        <strong>{on ? t('on') : t('off')}</strong>
      </p>
      <TwoFactorSetup on={on} mustKeep={mustKeep} />
    </div>
  );
}
