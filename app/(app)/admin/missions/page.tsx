import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName, missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissions } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('missions'))('title') };
}

export default async function MissionsPage() {
  const actor = await requirePermission('mission:manage');
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const missions = await listMissions(await getDb(), actor);
  return (
    <>
      <h1>{t('missions.title')}</h1>
      <div className="toolbar">
        <Link href="/admin/missions/new" className="button">
          {t('missions.add')}
        </Link>
      </div>
      <p role="status">{t('missions.count', { count: missions.length })}</p>
      {missions.length === 0 ? (
        <div className="empty">{t('missions.none')}</div>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('missions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missions.code')}</th>
                <th scope="col">{t('missions.name')}</th>
                <th scope="col">{t('missions.country')}</th>
                <th scope="col">{t('missions.timeZone')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {missions.map((m) => (
                <tr key={m.id}>
                  <td className="mono">
                    <Link href={`/admin/missions/${m.id}`}>{m.code}</Link>
                  </td>
                  <td>{missionName(t as never, m)}</td>
                  <td>{countryName(locale, m.country)}</td>
                  <td>{m.timeZone}</td>
                  <td>
                    <span className={m.isActive ? 'tag active' : 'tag inactive'}>{m.isActive ? t('users.active') : t('users.inactive')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
