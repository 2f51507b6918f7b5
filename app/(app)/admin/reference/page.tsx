import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listPartnersForAdmin, listTemplatesForAdmin } from '@/db/queries/reference';
import { requirePermission } from '@/lib/auth/actor';
import { type Category, categoryCodes } from '@/lib/domain/cases';
import { PartnerForm } from './_components/partner-form';
import { TemplateForm } from './_components/template-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('title') };
}

/** Reference data admins keep: the default steps of each category and the partner agencies. */
export default async function ReferencePage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const actor = await requirePermission('reference:manage');
  const { category: raw } = await searchParams;
  const category: Category = (categoryCodes as string[]).includes(raw ?? '') ? (raw as Category) : 'trafficking';
  const db = await getDb();
  const [t, templates, partners] = await Promise.all([getTranslations(), listTemplatesForAdmin(db, actor, category), listPartnersForAdmin(db, actor)]);
  return (
    <>
      <h1>{t('reference.title')}</h1>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{t('reference.templates')}</h2>
        <p className="hint">{t('reference.templatesHint')}</p>
        <form method="get" className="toolbar">
          <div className="field">
            <label htmlFor="category">{t('intake.category')}</label>
            <select id="category" name="category" defaultValue={category}>
              {categoryCodes.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('reference.show')}
          </button>
        </form>
        {templates.length === 0 && <p className="muted">{t('reference.noTemplates')}</p>}
        {templates.map((tpl) => (
          <TemplateForm key={tpl.id} template={{ ...tpl }} />
        ))}
        <h3>{t('reference.addTemplate')}</h3>
        <TemplateForm
          template={{ category, position: templates.length, serviceType: 'other', labelId: '', labelEn: '', dueOffsetDays: 7, graceDays: 7, isRequired: false, mustStart: false, isActive: true }}
        />
      </section>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title">{t('reference.partners')}</h2>
        {partners.map((p) => (
          <PartnerForm key={p.id} partner={{ ...p }} />
        ))}
        <h3>{t('reference.addPartner')}</h3>
        <PartnerForm partner={{ code: '', kind: 'ngo', nameId: '', nameEn: '', isActive: true }} />
      </section>
    </>
  );
}
