/**
 * The gap analysis as CSV downloads (pure; the endpoints in src/pages/data only wrap them):
 * - `gapsCsv`: one row per category and area, with the parameters used on every row (so a row
 *   taken out of the file still says how it was computed);
 * - `variationsCsv`: one row per category, variation and area (robustness.ts).
 * Empty cells are undefined values (no service in reach); demand and people affected below the
 * small-count threshold are written `<N`, never exactly. `max_cost` and the weight are in
 * `cost_unit`; `travel_cost` says which cost was used (straight line or a routing engine's table).
 */
import { displayCount, scoreScale, unmetDemand, type CategoryResult, type CategorySpec } from './analysis.ts';
import { formatValue } from './format.ts';
import { areaCount, type DemandLayerInfo, type GapsCost, type GapsInput, type PublishedCount } from './gaps-input.ts';
import { COST_UNITS, type CostUnit } from './cost-table.ts';
import type { VariationResult } from './robustness.ts';
import { csvDocument } from '../csv/write.ts';
import { localize } from '../schema/config.ts';
import type { GapWeight } from '../schema/gaps.ts';
import { entry, nth } from '../lookup.ts';

/** The weight as a compact spec, e.g. `step:1000=1,2000=0.68,3000=0.22` (metres), or `none`. */
export function weightSpec(weight: GapWeight | undefined): string {
  if (!weight) return 'none';
  switch (weight.kind) {
    case 'step':
      return `step:${[...weight.steps]
        .sort((a, b) => a[0] - b[0])
        .map(([d, w]) => `${String(d)}=${String(w)}`)
        .join(',')}`;
    case 'gaussian':
      return `gaussian:${String(weight.sigma)}`;
    case 'gravity':
      return `gravity:${String(weight.scale)},${String(weight.alpha)},${String(weight.minCost)}`;
  }
}

/** Where demand is placed, in words, for the downloads: the layer and its weights, or the fallback. */
export function demandPlacement(layer: DemandLayerInfo | null): string {
  if (!layer) return 'one point on land inside each area (point on surface)';
  const weights = Object.entries(layer.weights)
    .map(([id, column]) => `${id} by ${column}`)
    .join('; ');
  return `${localize(layer.geography, 'en', 'en')} (points on land, ${layer.sourceName}); each area's count shared out over its points (${weights})`;
}

/** The unit of catchments and weights: metres of straight line, or the cost table's unit. */
export function costUnit(cost: GapsCost): CostUnit {
  return cost.kind === 'table' ? cost.unit : 'm';
}

/** Which travel cost the analysis used, in words, for the downloads. */
export function costDescription(cost: GapsCost): string {
  if (cost.kind === 'straight-line')
    return 'straight-line distance (haversine, mean Earth radius 6,371,008.8 m), metres';
  return `${cost.measure === 'time' ? 'travel time' : 'network distance'} from ${cost.engine} (cost table ${cost.file}), ${COST_UNITS[cost.unit]}`;
}

const num = (v: number) => (Number.isNaN(v) ? '' : formatValue(v));

/** A count as published: exact from the threshold up, `<N` below it, empty when unknown. */
export function publishedCount(value: PublishedCount | undefined, threshold: number): string {
  const d = displayCount(value, threshold);
  return d.kind === 'exact' ? String(d.value) : d.kind === 'fewer' ? `<${String(d.threshold)}` : '';
}

export const GAPS_CSV_HEADER = [
  'category',
  'area_id',
  'area_name',
  'demand_indicator',
  'demand',
  'score',
  'score_scale',
  'normalized_score',
  'nearest_service_m',
  'under_served',
  'people_affected',
  'flag_holds_under_all_variations',
  'gaps_judged',
  'method',
  'max_cost',
  'cost_unit',
  'weight',
  'under_served_threshold',
  'small_count_threshold',
  'demand_points',
  'travel_cost',
  'census_year',
] as const;

/** `/data/gaps.csv`. */
export function gapsCsv(
  input: GapsInput,
  results: ReadonlyMap<string, CategoryResult>,
  robust: ReadonlyMap<string, readonly boolean[]>,
): string {
  const p = input.params;
  const placement = demandPlacement(p.demandPoints);
  const rows: string[][] = [];
  for (const c of p.categories) {
    const r = entry(results, c.id, 'category');
    const holds = entry(robust, c.id, 'category');
    input.areas.id.forEach((id, a) => {
      rows.push([
        c.id,
        id,
        nth(input.areas.name, a),
        c.demand,
        publishedCount(areaCount(input, c.demand, a), p.smallCountThreshold),
        num(nth(r.score, a)),
        String(scoreScale(c.method)),
        num(nth(r.normalized, a)),
        num(Math.round(nth(r.nearest, a))),
        String(r.underServed[a]),
        r.underServed[a] ? publishedCount(Math.round(unmetDemand(r, a)), p.smallCountThreshold) : '',
        r.underServed[a] ? String(holds[a]) : '',
        String(c.judged),
        c.method,
        String(c.maxCost),
        costUnit(p.cost),
        weightSpec(c.weight),
        String(c.threshold),
        String(p.smallCountThreshold),
        placement,
        costDescription(p.cost),
        String(p.censusYear),
      ]);
    });
  }
  return csvDocument(GAPS_CSV_HEADER, rows);
}

export const VARIATIONS_CSV_HEADER = [
  'category',
  'variation',
  'area_id',
  'area_name',
  'method',
  'max_cost',
  'cost_unit',
  'weight',
  'demand_points',
  'score',
  'normalized_score',
  'under_served',
] as const;

/** `/data/gaps-variations.csv`: the published result (`variation` = `published`) and every variation. */
export function variationsCsv(
  input: GapsInput,
  results: ReadonlyMap<string, CategoryResult>,
  variations: ReadonlyMap<string, readonly VariationResult[]>,
): string {
  const rows: string[][] = [];
  const add = (c: string, variation: string, spec: CategorySpec, areaPoints: boolean, r: CategoryResult) => {
    input.areas.id.forEach((id, a) => {
      rows.push([
        c,
        variation,
        id,
        nth(input.areas.name, a),
        spec.method,
        String(spec.maxCost),
        costUnit(input.params.cost),
        weightSpec(spec.weight),
        areaPoints || !input.params.demandPoints ? 'area point' : 'demand layer',
        num(nth(r.score, a)),
        num(nth(r.normalized, a)),
        String(r.underServed[a]),
      ]);
    });
  };
  for (const c of input.params.categories) {
    add(c.id, 'published', c, false, entry(results, c.id, 'category'));
    for (const v of variations.get(c.id) ?? []) add(c.id, v.id, v.spec, v.areaPoints, v.result);
  }
  return csvDocument(VARIATIONS_CSV_HEADER, rows);
}
