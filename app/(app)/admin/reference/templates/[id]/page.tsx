import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getTemplateForAdmin } from '@/db/queries/reference';
import { requirePermission } from '@/lib/auth/actor';
import { TemplateForm } from '../../_components/template-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('editTemplate') };
}

/** One default step of a category, on its own page. */
export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('reference:manage');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [t, locale, template] = await Promise.all([getTranslations(), getLocale(), getDb().then((db) => getTemplateForAdmin(db, actor, id))]);
  if (!template) notFound();
  const { createdAt: _c, updatedAt: _u, ...values } = template as typeof template & { createdAt?: unknown; updatedAt?: unknown };
  return (
    <>
      <p>
        <Link href={`/admin/reference?category=${template.category}`}>{t('reference.back')}</Link>
      </p>
      <h1>{locale === 'id' ? template.labelId : template.labelEn}</h1>
      <p className="muted">
        {t('reference.editTemplate')} · {t(`categories.${template.category}` as never)}
      </p>
      <TemplateForm template={values} />
    </>
  );
}
