/** The numbers of a city fact sheet as CSV (the same computed blocks the page shows). */
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { figureContext } from '../../../loaders/factsheet.ts';
import { blocksToCsv, resolveBlocks } from '../../../lib/content/figures.ts';
import { citySheetPaths } from '../../../loaders/localized.ts';
import { uiKey } from '../../../i18n/keys.ts';

// Wherever the sheet's page exists (the same routes as [slug].astro).
export const getStaticPaths = citySheetPaths;

export const GET: APIRoute = async ({ props, locals }) => {
  const { entry } = props as { entry: CollectionEntry<'factSheets'> };
  const { t } = locals;
  const blocks = resolveBlocks(await figureContext({ kind: 'city' }), entry.data.blocks);
  return new Response(
    blocksToCsv(blocks, (k) => t(uiKey(k))),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
