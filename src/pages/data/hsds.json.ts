/** The HSDS API root (`GET /`) of the static export: the HSDS version and profile it follows. */
import type { APIRoute } from 'astro';
import { hsdsApiRoot } from '../../lib/export/hsds.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(hsdsApiRoot()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
