/** The numbers of a city fact sheet as CSV (the same computed blocks the page shows). */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { figureContext } from '../../../components/factsheet/data.ts';
import { blocksToCsv, resolveBlocks } from '../../../lib/content/figures.ts';
import { splitEntryId } from '../../../lib/content/entries.ts';
import { isLocale, type Locale } from '../../../i18n/locales.ts';
import { useTranslations, type UIKey } from '../../../i18n/index.ts';
import { PUBLISHED_LOCALES } from '../../../site.ts';

export async function getStaticPaths() {
  return (await getCollection('factSheets')).flatMap((entry) => {
    const { locale, slug } = splitEntryId(entry.id);
    if (entry.data.scope !== 'city' || !isLocale(locale) || !PUBLISHED_LOCALES.includes(locale)) return [];
    return [{ params: { lang: locale, slug }, props: { locale, entry } }];
  });
}

export const GET: APIRoute = async ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'factSheets'> };
  const t = useTranslations(locale);
  const blocks = resolveBlocks(await figureContext({ kind: 'city' }), entry.data.blocks);
  return new Response(blocksToCsv(blocks, (k) => t(k as UIKey)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
