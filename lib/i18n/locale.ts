import { type Locale, locales } from '@/lib/domain/users';

export const LOCALE_COOKIE = 'payung-locale';
export const DEFAULT_LOCALE: Locale = 'id';

/**
 * The locale dates and numbers are formatted in for each language: English as in the
 * Commonwealth (en-GB: "3 Oct 2026", 24-hour times), never US-style, as the ministry writes it.
 */
const FORMAT_LOCALES: Record<Locale, string> = { en: 'en-GB', id: 'id' };

export function formatLocale(language: Locale): string {
  return FORMAT_LOCALES[language];
}

/** The language of a formatting locale ("en-GB" → "en"); anything else is Indonesian. */
export function languageOf(locale: string): Locale {
  return locale === 'en' || locale.startsWith('en-') ? 'en' : 'id';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header, by its q-weights; null if none fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number.parseFloat(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const base = tag.split('-')[0];
    // "in" is the withdrawn ISO code for Indonesian, still sent by some older systems.
    if (base === 'id' || base === 'in') return 'id';
    if (base === 'en') return 'en';
  }
  return null;
}

/** The user's saved choice, else the cookie of a signed-out visitor's choice, else the browser's, else Indonesian. */
export function chooseLocale(saved: string | null | undefined, cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
