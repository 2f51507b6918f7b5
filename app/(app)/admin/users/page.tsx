import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/actor';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePermission('user:manage');
  const { q } = await searchParams;
  const t = await getTranslations();
  const users = await listUsers(await getDb(), actor, { q });
  return (
    <>
      <h1>{t('users.title')}</h1>
      <div className="toolbar">
        <form method="get" role="search" className="toolbar">
          <div className="field">
            <label htmlFor="q">{t('users.search')}</label>
            <input type="search" id="q" name="q" defaultValue={q ?? ''} />
          </div>
          <button type="submit" className="secondary">
            {t('users.searchButton')}
          </button>
        </form>
        <Link href="/admin/users/new" className="button">
          {t('users.add')}
        </Link>
      </div>
      <p role="status">{t('users.count', { count: users.length })}</p>
      {users.length === 0 ? (
        <div className="empty">
          <p>{q ? t('users.noMatch') : t('users.none')}</p>
          {q && <Link href="/admin/users">{t('users.clearSearch')}</Link>}
        </div>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.missionOrRegion')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.email}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>{u.missionCode ?? (u.role === 'supervisor' ? (u.regionCode ?? t('users.allMissions')) : '—')}</td>
                  <td>
                    <span className={u.isActive ? 'tag active' : 'tag inactive'}>{u.isActive ? t('users.active') : t('users.inactive')}</span>
                    {u.pendingRole && <span className="tag"> {t('users.pendingTag')}</span>}
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
