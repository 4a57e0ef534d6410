/**
 * Gives every page, endpoint and component its locale and translator, as `Astro.locals.locale`
 * and `Astro.locals.t` (typed in src/env.d.ts), so none has to take a `locale` prop to translate.
 * Runs for each prerendered page at build time. Routes outside a locale (`/`, 404, `/data/…`)
 * get the site's default locale.
 */
import { defineMiddleware } from 'astro:middleware';
import { useTranslations } from './i18n/index.ts';
import { pathLocale } from './i18n/routes.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from './site.ts';

export const onRequest = defineMiddleware((context, next) => {
  const locale = pathLocale(context.url.pathname, PUBLISHED_LOCALES, DEFAULT_LOCALE);
  context.locals.locale = locale;
  context.locals.t = useTranslations(locale);
  return next();
});
