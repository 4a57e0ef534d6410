/** The numbers of a city fact sheet as CSV (the same computed blocks the page shows). */
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { figureContext } from '../../../loaders/factsheet.ts';
import { blocksToCsv, resolveBlocks } from '../../../lib/content/figures.ts';
import { citySheetPaths } from '../../../loaders/localized.ts';
import type { Locale } from '../../../i18n/locales.ts';
import { useTranslations } from '../../../i18n/index.ts';
import { uiKey } from '../../../i18n/keys.ts';

// Wherever the sheet's page exists (the same routes as [slug].astro).
export const getStaticPaths = citySheetPaths;

export const GET: APIRoute = async ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'factSheets'> };
  const t = useTranslations(locale);
  const blocks = resolveBlocks(await figureContext({ kind: 'city' }), entry.data.blocks);
  return new Response(
    blocksToCsv(blocks, (k) => t(uiKey(k))),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
