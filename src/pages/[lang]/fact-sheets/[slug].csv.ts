/** The numbers of a city fact sheet as CSV (the same computed blocks the page shows). */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { figureContext } from '../../../loaders/factsheet.ts';
import { blocksToCsv, resolveBlocks } from '../../../lib/content/figures.ts';
import { withFallbacks } from '../../../i18n/fallback.ts';
import type { Locale } from '../../../i18n/locales.ts';
import { useTranslations, type UIKey } from '../../../i18n/index.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../../../site.ts';

export async function getStaticPaths() {
  // Wherever the sheet's page exists (same pairing as [slug].astro; content ids are lower-cased,
  // `zh-hans/…`, and withFallbacks matches their locale without regard to case).
  const entries = await getCollection('factSheets');
  return withFallbacks(entries, PUBLISHED_LOCALES, DEFAULT_LOCALE, (entry) => entry.data.scope === 'city').map(
    (item) => ({
      params: { lang: item.locale, slug: item.slug },
      props: { locale: item.locale, entry: item.entry },
    }),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'factSheets'> };
  const t = useTranslations(locale);
  const blocks = resolveBlocks(await figureContext({ kind: 'city' }), entry.data.blocks);
  return new Response(
    blocksToCsv(blocks, (k) => t(k as UIKey)),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
