import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listTemplatesForAdmin } from '@/db/queries/reference';
import { requirePermission } from '@/lib/auth/actor';
import { type Category, categoryCodes } from '@/lib/domain/cases';
import { TemplateForm } from '../../_components/template-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('addTemplate') };
}

export default async function NewTemplatePage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const actor = await requirePermission('reference:manage');
  const { category: raw } = await searchParams;
  const category: Category = (categoryCodes as string[]).includes(raw ?? '') ? (raw as Category) : 'trafficking';
  const [t, existing] = await Promise.all([getTranslations(), getDb().then((db) => listTemplatesForAdmin(db, actor, category))]);
  return (
    <>
      <p>
        <Link href={`/admin/reference?category=${category}`}>{t('reference.back')}</Link>
      </p>
      <h1>{t('reference.addTemplate')}</h1>
      <p className="muted">{t(`categories.${category}` as never)}</p>
      <TemplateForm
        template={{ category, position: existing.length, serviceType: 'other', labelId: '', labelEn: '', dueOffsetDays: 7, graceDays: 7, isRequired: false, mustStart: false, isActive: true }}
      />
    </>
  );
}
