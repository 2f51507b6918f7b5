import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getPartnerForAdmin } from '@/db/queries/reference';
import { requirePermission } from '@/lib/auth/actor';
import { PartnerForm } from '../../_components/partner-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('editPartner') };
}

/** One partner agency, on its own page. */
export default async function EditPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('reference:manage');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [t, partner] = await Promise.all([getTranslations(), getDb().then((db) => getPartnerForAdmin(db, actor, id))]);
  if (!partner) notFound();
  const { createdAt: _c, updatedAt: _u, ...values } = partner as typeof partner & { createdAt?: unknown; updatedAt?: unknown };
  return (
    <>
      <p>
        <Link href="/admin/reference">{t('reference.back')}</Link>
      </p>
      <h1>{partner.code}</h1>
      <p className="muted">{t('reference.editPartner')}</p>
      <PartnerForm partner={values} />
    </>
  );
}
