import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listPartnersForAdmin, listTemplatesForAdmin } from '@/db/queries/reference';
import { requirePermission } from '@/lib/auth/actor';
import { type Category, categoryCodes } from '@/lib/domain/cases';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reference'))('title') };
}

/**
 * Reference data admins keep: the default steps of each category and the partner agencies,
 * as lists to scan; each item is changed on its own page (templates/<id>, partners/<id>).
 */
export default async function ReferencePage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const actor = await requirePermission('reference:manage');
  const { category: raw } = await searchParams;
  const category: Category = (categoryCodes as string[]).includes(raw ?? '') ? (raw as Category) : 'trafficking';
  const db = await getDb();
  const [t, locale, templates, partners] = await Promise.all([getTranslations(), getLocale(), listTemplatesForAdmin(db, actor, category), listPartnersForAdmin(db, actor)]);
  const yesNo = (b: boolean) => (b ? t('reference.yes') : t('reference.no'));
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
        {templates.length === 0 ? (
          <p className="muted">{t('reference.noTemplates')}</p>
        ) : (
          <TableScroll>
            <table className="list">
              <caption className="visually-hidden">{`${t('reference.templates')}: ${t(`categories.${category}`)}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reference.position')}</th>
                  <th scope="col">{t('reference.name')}</th>
                  <th scope="col">{t('reference.service')}</th>
                  <th scope="col">{t('reference.due')}</th>
                  <th scope="col">{t('reference.grace')}</th>
                  <th scope="col">{t('reference.required')}</th>
                  <th scope="col">{t('reference.active')}</th>
                </tr>
              </thead>
              <tbody>
                {templates.map((tpl) => {
                  const name = locale === 'id' ? tpl.labelId : tpl.labelEn;
                  return (
                    <tr key={tpl.id}>
                      <td>{tpl.position}</td>
                      <th scope="row">
                        <Link href={`/admin/reference/templates/${tpl.id}`} aria-label={t('reference.editNamed', { name })}>
                          {name}
                        </Link>
                      </th>
                      <td>{t(`services.${tpl.serviceType}` as never)}</td>
                      <td>{t('reference.days', { days: tpl.dueOffsetDays })}</td>
                      <td>{t('reference.days', { days: tpl.graceDays })}</td>
                      <td>{yesNo(tpl.isRequired)}</td>
                      <td>{tpl.isActive ? t('reference.active') : <span className="muted">{t('reference.inactive')}</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p>
          <Link className="button secondary" href={`/admin/reference/templates/new?category=${category}`}>
            {t('reference.addTemplate')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title">{t('reference.partners')}</h2>
        {partners.length === 0 ? (
          <p className="muted">{t('reference.noPartners')}</p>
        ) : (
          <TableScroll>
            <table className="list">
              <caption className="visually-hidden">{t('reference.partners')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reference.code')}</th>
                  <th scope="col">{t('reference.name')}</th>
                  <th scope="col">{t('reference.kind')}</th>
                  <th scope="col">{t('reference.active')}</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/admin/reference/partners/${p.id}`} aria-label={t('reference.editNamed', { name: p.code })}>
                        {p.code}
                      </Link>
                    </th>
                    <td>{locale === 'id' ? p.nameId : p.nameEn}</td>
                    <td>{t(`reference.partnerKinds.${p.kind}` as never)}</td>
                    <td>{p.isActive ? t('reference.active') : <span className="muted">{t('reference.inactive')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p>
          <Link className="button secondary" href="/admin/reference/partners/new">
            {t('reference.addPartner')}
          </Link>
        </p>
      </section>
    </>
  );
}
