import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { PartnerForm } from '../../_components/partner-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('addPartner') };
}

export default async function NewPartnerPage() {
  await requirePermission('reference:manage');
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href="/admin/reference">{t('reference.back')}</Link>
      </p>
      <h1>{t('reference.addPartner')}</h1>
      <PartnerForm partner={{ code: '', kind: 'ngo', nameId: '', nameEn: '', isActive: true }} />
    </>
  );
}
