/** The gaps input (areas' demand points and counts, services per category) the page's what-if tool recomputes from. */
import type { APIRoute } from 'astro';
import { gapsAnalysis } from '../../loaders/gaps.ts';

export const GET: APIRoute = async () => {
  const analysis = await gapsAnalysis();
  return new Response(JSON.stringify(analysis?.input ?? null), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
