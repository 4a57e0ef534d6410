/**
 * The gap analysis as GeoJSON: one feature per area with, per category, `<category>.demand`
 * (`<N` below the small-count threshold), `.score`, `.normalized`, `.nearest_m`,
 * `.under_served` (null = undefined score); the parameters used are in the top-level
 * `parameters` member (RFC 7946 §6.1 foreign member).
 */
import type { APIRoute } from 'astro';
import { gapsAnalysis, sortedAreas } from '../../loaders/gaps.ts';
import { costDescription, costUnit, demandPlacement, publishedCount, weightSpec } from '../../lib/access/gaps-csv.ts';
import { displayCount, unmetDemand } from '../../lib/access/analysis.ts';
import { areaCount } from '../../lib/access/gaps-input.ts';

const orNull = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? null : Number.isFinite(v) ? v : String(v);

export const GET: APIRoute = async () => {
  const analysis = await gapsAnalysis();
  const areas = await sortedAreas();
  if (!analysis) return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }));
  const { input, categories } = analysis;
  const p = input.params;
  const collection = {
    type: 'FeatureCollection',
    parameters: {
      underServedRule:
        'demand > 0 and (score undefined or normalized < under_served_threshold); none when the category is not judged (fewer than minPlaces distinct places, or data known incomplete)',
      peopleAffected:
        'demand × (1 − normalized), 1 − normalized taken as 1 when no service is in reach; under-served areas only',
      minPlaces: p.minPlaces,
      smallCountThreshold: p.smallCountThreshold,
      demandPoints: demandPlacement(p.demandPoints),
      travelCost: costDescription(p.cost),
      costUnit: costUnit(p.cost),
      nearestService: 'straight-line distance from the area point, metres',
      census: { year: p.censusYear, source: p.censusSource },
      categories: p.categories.map((c) => ({
        id: c.id,
        demandIndicator: c.demand,
        method: c.method,
        maxCost: c.maxCost,
        weight: weightSpec(c.weight),
        underServedThreshold: c.threshold,
        gapsJudged: c.judged,
        coverage: c.coverage,
        capacity: c.capacityKind,
      })),
    },
    features: areas.map((area, a) => {
      const properties: Record<string, unknown> = { id: area.id, name: area.name };
      for (const { spec: c, result: r, robust } of categories) {
        const d = displayCount(areaCount(input, c.demand, a), p.smallCountThreshold);
        properties[`${c.id}.demand`] =
          d.kind === 'exact' ? d.value : d.kind === 'fewer' ? `<${String(d.threshold)}` : null;
        properties[`${c.id}.score`] = orNull(r.score[a]);
        properties[`${c.id}.normalized`] = orNull(r.normalized[a]);
        const nearest = r.nearest[a];
        properties[`${c.id}.nearest_m`] = nearest === undefined || Number.isNaN(nearest) ? null : Math.round(nearest);
        properties[`${c.id}.under_served`] = r.underServed[a];
        properties[`${c.id}.people_affected`] = r.underServed[a]
          ? publishedCount(Math.round(unmetDemand(r, a)), p.smallCountThreshold)
          : null;
        properties[`${c.id}.flag_holds_under_all_variations`] = r.underServed[a] ? robust[a] : null;
      }
      return { type: 'Feature', id: area.id, properties, geometry: area.geometry };
    }),
  };
  return new Response(JSON.stringify(collection), {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
};
