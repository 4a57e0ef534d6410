/**
 * URL helpers for locale-prefixed routes (`/en/services/`, `/fr/services/`).
 * Paths inside the site are written without the locale: `services/`, `data/quality/`.
 */
import { LOCALES, isLocale, type Locale } from './locales.ts';

/** Joins a locale and a locale-free path into an absolute site path with a trailing slash. */
export function localizedPath(locale: Locale, path = ''): string {
  // The slash goes after the path, before any `?query` or `#fragment`.
  const [, clean = '', rest = ''] = /^\/*([^?#]*)(.*)$/s.exec(path) ?? [];
  const withSlash = clean === '' || clean.endsWith('/') || /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/`;
  return `/${locale}/${withSlash}${rest}`;
}

/** Splits `/fr/data/quality/` into `{ locale: 'fr', path: 'data/quality/' }`. */
export function splitLocale(pathname: string): { locale: Locale | undefined; path: string } {
  const [, first = '', ...rest] = pathname.split('/');
  if (isLocale(first)) return { locale: first, path: rest.join('/') };
  return { locale: undefined, path: pathname.replace(/^\/+/, '') };
}

export interface Alternate {
  locale: Locale;
  hreflang: string;
  href: string;
  label: string;
}

/** The same page in every given locale, for hreflang links and the language switcher. */
export function alternates(path: string, locales: readonly Locale[]): Alternate[] {
  return locales.map((locale) => ({
    locale,
    hreflang: LOCALES[locale].lang,
    href: localizedPath(locale, path),
    label: LOCALES[locale].label,
  }));
}

/**
 * The locale a page is in, from its path's first segment (`/fr/services/` → `fr`) when that is a
 * published locale, else `fallback` (the chooser at `/`, the 404 page, `/data/…` files).
 */
export function pathLocale(pathname: string, published: readonly Locale[], fallback: Locale): Locale {
  const { locale } = splitLocale(pathname);
  return locale !== undefined && published.includes(locale) ? locale : fallback;
}
