/** Atom 1.0 feed of the e-updates in one locale. */
import type { APIRoute } from 'astro';
import { editionFeed } from '../../../loaders/eupdates.ts';
import { localeStaticPaths } from '../../../site.ts';
import type { Locale } from '../../../i18n/locales.ts';

export const getStaticPaths = localeStaticPaths;
export const GET: APIRoute = async ({ props }) =>
  new Response((await editionFeed((props as { locale: Locale }).locale)).atom, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
