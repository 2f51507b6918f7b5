import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { setOwnLocaleAction } from '@/app/_components/locale-actions';
import { requireActor } from '@/lib/auth/actor';
import { translateKey } from '@/lib/i18n/dynamic';
import { homeFor, navFor } from '@/lib/authz';
import { NavLinks } from './_components/nav-links';
import { ShellMenu } from './_components/shell-menu';
import { SignOutButton } from './_components/sign-out-button';

/** The signed-in shell: resolves the acting user once, and shows only what the role may do. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const items = navFor(actor).map((item) => ({ href: item.href, label: translateKey(t, `nav.${item.label}`) }));
  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <Link href={homeFor(actor.role)} className="brand">
          Payung
        </Link>
        <ShellMenu label={t('shell.menu')}>
          <NavLinks items={items} label={t('shell.mainNav')} />
          <div className="who">
            <span data-testid="current-user">
              <strong>{actor.name}</strong> · <span className="role">{t(`roles.${actor.role}`)}</span>
              {actor.missionCode && <> · {actor.missionCode}</>}
              {actor.regionCode && <> · {t('shell.regionLimited')}</>}
            </span>
            <LanguageSwitch action={setOwnLocaleAction} />
            <Link href="/account/security">{t('twoFactor.link')}</Link>
            <SignOutButton />
          </div>
        </ShellMenu>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
