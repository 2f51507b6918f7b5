import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listAuditEvents, verifyAuditChain } from '@/db/queries/audit';
import { requirePermission } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const PAGE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string; verify?: string }> }) {
  const actor = await requirePermission('audit:read');
  const params = await searchParams;
  const before = Number(params.before) > 0 ? Number(params.before) : undefined;
  const db = await getDb();
  const [t, format, events] = await Promise.all([getTranslations('audit'), getFormatter(), listAuditEvents(db, actor, { before, limit: PAGE })]);
  const chain = params.verify ? await verifyAuditChain(db) : null;
  const last = events.at(-1);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {chain ? (
        <p className={chain.ok ? 'notice ok' : 'notice warn'} role="status">
          {chain.ok ? t('chainOk', { count: chain.checked }) : t('chainBroken', { id: chain.brokenAt ?? 0 })}
        </p>
      ) : (
        <p>
          <Link href="/audit?verify=1">{t('verify')}</Link>
        </p>
      )}
      {events.length === 0 ? (
        <div className="empty">{t('none')}</div>
      ) : (
        <table className="list">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('record')}</th>
              <th scope="col">{t('changes')}</th>
              <th scope="col">{t('address')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                <td>{e.actorEmail ?? '—'}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—'}</td>
                <td>
                  {e.changes
                    ? Object.entries(e.changes).map(([field, c]) => (
                        <div key={field}>
                          <span className="mono">{field}</span>: {JSON.stringify(c.before)} → {JSON.stringify(c.after)}
                        </div>
                      ))
                    : e.details
                      ? <span className="mono">{JSON.stringify(e.details)}</span>
                      : '—'}
                </td>
                <td className="mono">{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {last && events.length === PAGE && (
        <p className="pager">
          <Link href={`/audit?before=${last.id}`}>{t('older')}</Link>
        </p>
      )}
    </>
  );
}
