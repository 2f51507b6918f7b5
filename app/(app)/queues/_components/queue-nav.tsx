'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { SavedView } from '@/db/queries/saved-views';
import { deleteViewAction } from '../actions';

/** The queues beside the list, the current one marked, each with its count; then the saved views. */
export function QueueNav({ label, items, saved }: { label: string; items: { href: string; label: string; count: string | null }[]; saved: SavedView[] }) {
  const t = useTranslations();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const here = search ? `${pathname}?${search}` : pathname;
  async function remove(id: string) {
    await deleteViewAction({ id });
    setConfirming(null);
    router.refresh();
  }
  return (
    <div className="sidebar">
      <nav aria-label={label}>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={pathname === item.href && !search ? 'page' : undefined}>
                <span>{item.label}</span>
                {item.count !== null && <span className="count">{item.count}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('queues.savedViews')}>
        <h2 className="sidebar-title">{t('queues.savedViews')}</h2>
        {saved.length === 0 ? (
          <p className="muted">{t('queues.saveView.none')}</p>
        ) : (
          <ul>
            {saved.map((v) => (
              <li key={v.id}>
                <Link href={v.href} aria-current={here === v.href ? 'page' : undefined}>
                  <span>
                    {v.name}
                    {!v.isOwn && <span className="muted"> · {v.ownerName}</span>}
                    {v.isOwn && v.isShared && <span className="muted"> · {t('queues.saveView.shared')}</span>}
                  </span>
                </Link>
                {v.isOwn &&
                  (confirming === v.id ? (
                    <span className="notice warn">
                      <button type="button" className="warning" onClick={() => remove(v.id)}>
                        {t('queues.saveView.confirmDelete', { name: v.name })}
                      </button>{' '}
                      <button type="button" className="link" onClick={() => setConfirming(null)}>
                        {t('form.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="link" aria-label={t('queues.saveView.delete', { name: v.name })} onClick={() => setConfirming(v.id)}>
                      {t('queues.saveView.deleteShort')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        )}
      </nav>
    </div>
  );
}
