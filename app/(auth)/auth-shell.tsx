import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { setVisitorLocaleAction } from '@/app/_components/locale-actions';

/** The frame of the pages one reaches signed out: the name, the language switch, a title and a line on what to do. */
export function AuthShell({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main id="main" className="login">
      <header>
        <p className="brand">Payung</p>
        <LanguageSwitch action={setVisitorLocaleAction} />
      </header>
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
    </main>
  );
}
