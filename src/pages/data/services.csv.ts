/** The published services as CSV, one row per location (src/lib/export/csv.ts); each row names its source and licence. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { servicesCsv } from '../../lib/export/csv.ts';

export const GET: APIRoute = async () => {
  const services = (await getCollection('services'))
    .map((e) => e.data)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Response(servicesCsv(services), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
