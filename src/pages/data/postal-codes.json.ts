/** Postal-code areas (FSA) → approximate positions: inside the FSA polygon when configured, else from the service addresses (src/lib/finder/postal.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildPostalTable } from '../../lib/finder/postal.ts';
import { postalAreaPoints } from '../../site.ts';

export const GET: APIRoute = async () => {
  const services = (await getCollection('services')).map((e) => e.data);
  const points = services.flatMap((s) =>
    s.locations.map((l) => ({ postalCode: l.address.postalCode, lon: l.lon, lat: l.lat })),
  );
  return new Response(JSON.stringify(buildPostalTable(points, await postalAreaPoints())), {
    headers: { 'Content-Type': 'application/json' },
  });
};
