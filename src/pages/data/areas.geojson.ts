/**
 * The census areas as GeoJSON for maps and for anyone re-using the data: id, name, local
 * classification and the configured census indicator counts as published (null = not known).
 * Nothing derived is added here; the access results are in /data/gaps.geojson.
 */
import type { APIRoute } from 'astro';
import { sortedAreas } from '../../loaders/gaps.ts';

export const GET: APIRoute = async () => {
  const areas = await sortedAreas();
  const collection = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      id: a.id,
      properties: {
        id: a.id,
        name: a.name,
        ...(a.classification !== undefined ? { classification: a.classification } : {}),
        ...a.indicators,
      },
      geometry: a.geometry,
    })),
  };
  return new Response(JSON.stringify(collection), {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
};
