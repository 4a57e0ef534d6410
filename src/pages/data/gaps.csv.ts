/**
 * The gap analysis as CSV: one row per category and area, with the parameters used on every
 * row (so a row taken out of the file still says how it was computed). Empty cells are
 * undefined values (no service in reach); demand below the small-count threshold is written
 * `<N`, never exactly.
 */
import type { APIRoute } from 'astro';
import { gapsAnalysis } from '../../components/gaps/data.ts';
import { demandPlacement, weightSpec } from '../../components/gaps/params.ts';
import { displayCount, scoreScale } from '../../lib/access/analysis.ts';
import { formatValue } from '../../lib/access/format.ts';
import { csvDocument } from '../../lib/export/csv.ts';

const HEADER = [
  'category', 'area_id', 'area_name', 'demand_indicator', 'demand', 'score', 'score_scale', 'normalized_score',
  'nearest_service_m', 'under_served', 'method', 'max_cost_m', 'weight', 'under_served_threshold',
  'small_count_threshold', 'demand_points', 'distance', 'census_year',
];

const num = (v: number) => (Number.isNaN(v) ? '' : formatValue(v));

export const GET: APIRoute = async () => {
  const analysis = await gapsAnalysis();
  const rows: string[][] = [];
  if (analysis) {
    const { input, results } = analysis;
    const p = input.params;
    for (const c of p.categories) {
      const r = results.get(c.id)!;
      input.areas.id.forEach((id, a) => {
        const d = displayCount(r.demand[a], p.smallCountThreshold);
        const demand = d.kind === 'exact' ? String(d.value) : d.kind === 'fewer' ? `<${String(d.threshold)}` : '';
        rows.push([
          c.id, id, input.areas.name[a]!, c.demand, demand, num(r.score[a]!), String(scoreScale(c.method)), num(r.normalized[a]!),
          num(Math.round(r.nearest[a]!)), String(r.underServed[a]), c.method, String(c.maxCost), weightSpec(c.weight),
          String(c.threshold), String(p.smallCountThreshold), demandPlacement(p.demandPoints),
          'straight-line (haversine)', String(p.censusYear),
        ]);
      });
    }
  }
  return new Response(csvDocument(HEADER, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
