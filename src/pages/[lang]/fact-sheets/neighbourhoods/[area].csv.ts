/** The numbers of a neighbourhood fact sheet as CSV. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { figureContext } from '../../../../loaders/factsheet.ts';
import { areaTemplateFor } from '../../../../loaders/factsheet-entries.ts';
import { blocksToCsv, resolveBlocks } from '../../../../lib/content/figures.ts';
import type { Locale } from '../../../../i18n/locales.ts';
import { useTranslations, type UIKey } from '../../../../i18n/index.ts';
import { PUBLISHED_LOCALES } from '../../../../site.ts';
import { areaSlug } from '../../../../lib/slug.ts';

export async function getStaticPaths() {
  const areas = (await getCollection('areas')).map((e) => e.data);
  const paths = [];
  for (const locale of PUBLISHED_LOCALES) {
    if (!(await areaTemplateFor(locale))) continue;
    for (const area of areas)
      paths.push({ params: { lang: locale, area: areaSlug(area) }, props: { locale, areaId: area.id } });
  }
  return paths;
}

export const GET: APIRoute = async ({ props }) => {
  const { locale, areaId } = props as { locale: Locale; areaId: string };
  const t = useTranslations(locale);
  const template = (await areaTemplateFor(locale))?.template;
  if (!template) throw new Error(`no area template in ${locale}`);
  const blocks = resolveBlocks(await figureContext({ kind: 'area', areaId }), template.data.blocks);
  return new Response(
    blocksToCsv(blocks, (k) => t(k as UIKey)),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
