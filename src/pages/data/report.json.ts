/** The full data-quality report as published JSON, for LIP staff and partners. */
import type { APIRoute } from 'astro';
import { qualityReport } from '../../site.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await qualityReport(), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
