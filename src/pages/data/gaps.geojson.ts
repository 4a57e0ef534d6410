/**
 * The gap analysis as GeoJSON: one feature per area with, per category, `<category>.demand`
 * (`<N` below the small-count threshold), `.score`, `.normalized`, `.nearest_m`,
 * `.under_served` (null = undefined score); the parameters used are in the top-level
 * `parameters` member (RFC 7946 §6.1 foreign member).
 */
import type { APIRoute } from 'astro';
import { gapsAnalysis, sortedAreas } from '../../components/gaps/data.ts';
import { demandPlacement, weightSpec } from '../../components/gaps/params.ts';
import { displayCount } from '../../lib/access/analysis.ts';

const orNull = (v: number) => (Number.isNaN(v) ? null : Number.isFinite(v) ? v : String(v));

export const GET: APIRoute = async () => {
  const analysis = await gapsAnalysis();
  const areas = await sortedAreas();
  if (!analysis) return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }));
  const { input, results } = analysis;
  const p = input.params;
  const collection = {
    type: 'FeatureCollection',
    parameters: {
      underServedRule: 'demand > 0 and (score undefined or normalized < under_served_threshold)',
      smallCountThreshold: p.smallCountThreshold,
      demandPoints: demandPlacement(p.demandPoints),
      distance: 'straight-line (haversine, mean Earth radius 6,371,008.8 m)',
      census: { year: p.censusYear, source: p.censusSource },
      categories: p.categories.map((c) => ({
        id: c.id,
        demandIndicator: c.demand,
        method: c.method,
        maxCostMetres: c.maxCost,
        weight: weightSpec(c.weight),
        underServedThreshold: c.threshold,
        capacity: c.capacityKind,
      })),
    },
    features: areas.map((area, a) => {
      const properties: Record<string, unknown> = { id: area.id, name: area.name };
      for (const c of p.categories) {
        const r = results.get(c.id)!;
        const d = displayCount(r.demand[a], p.smallCountThreshold);
        properties[`${c.id}.demand`] = d.kind === 'exact' ? d.value : d.kind === 'fewer' ? `<${String(d.threshold)}` : null;
        properties[`${c.id}.score`] = orNull(r.score[a]!);
        properties[`${c.id}.normalized`] = orNull(r.normalized[a]!);
        properties[`${c.id}.nearest_m`] = Number.isNaN(r.nearest[a]!) ? null : Math.round(r.nearest[a]!);
        properties[`${c.id}.under_served`] = r.underServed[a];
      }
      return { type: 'Feature', id: area.id, properties, geometry: area.geometry };
    }),
  };
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
