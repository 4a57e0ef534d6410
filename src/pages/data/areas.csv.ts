/** The census areas as CSV: id, name, classification and every configured indicator count (empty = not known). */
import type { APIRoute } from 'astro';
import { sortedAreas } from '../../loaders/gaps.ts';
import { areasCsv } from '../../lib/export/csv.ts';
import { site } from '../../site.ts';

export const GET: APIRoute = async () => {
  const areas = await sortedAreas();
  return new Response(areasCsv(areas, Object.keys(site.census.indicators), site.census.year), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
