'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The queues beside the list, the current one marked, each with its count. */
export function QueueNav({ label, items }: { label: string; items: { href: string; label: string; count: string | null }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="sidebar">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={pathname === item.href ? 'page' : undefined}>
              <span>{item.label}</span>
              {item.count !== null && <span className="count">{item.count}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
