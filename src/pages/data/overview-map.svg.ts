/** The map posters' picture: neighbourhoods and service locations (src/lib/geo/overview-map.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortedAreas } from '../../loaders/gaps.ts';
import { overviewMapSvg } from '../../lib/geo/overview-map.ts';

export const GET: APIRoute = async () => {
  const areas = (await sortedAreas()).map((a) => a.geometry);
  const points = (await getCollection('services')).flatMap((e) =>
    e.data.locations.map((l) => ({ lon: l.lon, lat: l.lat })),
  );
  return new Response(overviewMapSvg(areas, points), { headers: { 'Content-Type': 'image/svg+xml' } });
};
