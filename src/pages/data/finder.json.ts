/** The finder's search index (see src/lib/finder/records.ts), one download for every locale. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildFinderIndex } from '../../lib/finder/records.ts';

export const GET: APIRoute = async () => {
  const services = (await getCollection('services')).map((e) => e.data);
  return new Response(JSON.stringify(buildFinderIndex(services)), { headers: { 'Content-Type': 'application/json' } });
};
