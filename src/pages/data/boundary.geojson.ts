/** The region outline (the config's `boundary`), as written by the data pipeline. */
import type { APIRoute } from 'astro';
import boundary from '../../generated/boundary.json';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(boundary), { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
