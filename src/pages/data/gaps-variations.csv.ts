/** The gap analysis under every variation of its assumptions (columns: src/lib/access/gaps-csv.ts). */
import type { APIRoute } from 'astro';
import { gapsAnalysis } from '../../loaders/gaps.ts';
import { csvDocument } from '../../lib/csv/write.ts';
import { VARIATIONS_CSV_HEADER, variationsCsv } from '../../lib/access/gaps-csv.ts';

export const GET: APIRoute = async () => {
  const a = await gapsAnalysis();
  const body = a ? variationsCsv(a.input, a.results, a.variations) : csvDocument(VARIATIONS_CSV_HEADER, []);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
