/** The gap analysis as CSV (columns: src/lib/access/gaps-csv.ts). */
import type { APIRoute } from 'astro';
import { gapsAnalysis } from '../../loaders/gaps.ts';
import { csvDocument } from '../../lib/csv/write.ts';
import { GAPS_CSV_HEADER, gapsCsv } from '../../lib/access/gaps-csv.ts';

export const GET: APIRoute = async () => {
  const a = await gapsAnalysis();
  const body = a ? gapsCsv(a.input, a.results, a.robust) : csvDocument(GAPS_CSV_HEADER, []);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
