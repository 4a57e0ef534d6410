/** The numbers of a neighbourhood fact sheet as CSV. */
import type { APIRoute } from 'astro';
import { figureContext } from '../../../../loaders/factsheet.ts';
import { areaSheetPaths, areaTemplateFor } from '../../../../loaders/factsheet-entries.ts';
import { blocksToCsv, resolveBlocks } from '../../../../lib/content/figures.ts';
import { uiKey } from '../../../../i18n/keys.ts';

export const getStaticPaths = areaSheetPaths;

export const GET: APIRoute = async ({ props, locals }) => {
  const { areaId } = props as { areaId: string };
  const { locale, t } = locals;
  const template = (await areaTemplateFor(locale))?.template;
  if (!template) throw new Error(`no area template in ${locale}`);
  const blocks = resolveBlocks(await figureContext({ kind: 'area', areaId }), template.data.blocks);
  return new Response(
    blocksToCsv(blocks, (k) => t(uiKey(k))),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
