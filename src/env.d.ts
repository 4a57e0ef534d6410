/** What src/middleware.ts gives every page and component as `Astro.locals`. */
declare namespace App {
  interface Locals {
    /** The page's locale: its path's first segment, or the site's default locale outside `/<locale>/`. */
    locale: import('./i18n/locales.ts').Locale;
    /** The typed translator for `locale` (`useTranslations` in src/i18n/index.ts). */
    t: import('./i18n/index.ts').Translate;
  }
}
