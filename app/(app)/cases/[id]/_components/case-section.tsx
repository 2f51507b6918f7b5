'use client';

import { useEffect, useRef, useState } from 'react';
import type { CaseSectionId } from '@/lib/domain/case-attention';

/** The sections the officer has open on this case, kept for the tab's life (ids only: nothing about the case). */
const storageKey = () => `payung.openSections:${window.location.pathname}`;
function rememberedOpen(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(storageKey()) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}
function remember(id: string, open: boolean) {
  const ids = rememberedOpen();
  if (open) ids.add(id);
  else ids.delete(id);
  try {
    sessionStorage.setItem(storageKey(), JSON.stringify([...ids]));
  } catch {
    // storage full or refused: the section simply opens closed next time
  }
}

/** Opens the section a link or the address (`/cases/<id>#steps`) points at. */
function openSection(id: string): HTMLDetailsElement | null {
  const details = document.getElementById(id)?.querySelector<HTMLDetailsElement>(':scope > details');
  if (details) details.open = true;
  return details ?? null;
}

/**
 * One section of the case file: its heading and a one-line status always shown, its
 * content opened on demand (`details`/`summary`: keyboard and screen readers know it).
 * A section with something to do opens on arrival; the others stay as the officer leaves
 * them — through a save's refresh, a reload, or a visit elsewhere and back in the same tab.
 */
export function CaseSection({ id, title, status, open, children }: { id: CaseSectionId; title: string; status: React.ReactNode; open: boolean; children: React.ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  // Open on arrival only: a save that clears the last due item must not fold the section under the officer's hands.
  const [openOnArrival] = useState(open);
  useEffect(() => {
    const follow = () => {
      if (window.location.hash === `#${id}` && openSection(id)) ref.current?.scrollIntoView();
    };
    if (rememberedOpen().has(id)) openSection(id);
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [id]);
  return (
    <section id={id} ref={ref} className="case-section" aria-labelledby={`${id}-title`}>
      <details open={openOnArrival} onToggle={(e) => remember(id, e.currentTarget.open)}>
        <summary>
          <h2 id={`${id}-title`}>{title}</h2>
          <span className="section-status">{status}</span>
        </summary>
        <div className="section-body">{children}</div>
      </details>
    </section>
  );
}

/** A link to a section of this page that also opens it (a second click on the same address fires no hashchange). */
export function SectionLink({ section, children }: { section: CaseSectionId; children: React.ReactNode }) {
  return (
    <a href={`#${section}`} onClick={() => openSection(section)}>
      {children}
    </a>
  );
}
