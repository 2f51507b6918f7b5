'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * On a phone the navigation and the account links are one "Menu" button (a disclosure: it says
 * whether it is open, and closes after a link is followed); on wider screens the button is not
 * shown and its content lays out in the top bar as before (app/globals.css).
 */
export function ShellMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button type="button" className="menu-button" aria-expanded={open} aria-controls="shell-menu" onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      <div id="shell-menu" className={open ? 'shell-menu open' : 'shell-menu'}>
        {children}
      </div>
    </>
  );
}
