/**
 * What the service-gaps area panel says about one area, per analysed category: the nearest
 * service (from the engine's result, so it is the one the tables measure to, a proposed site
 * included) and the services within the category's catchment: found with the engine's pair
 * finder from the area's representative point, or read from the category's cost table.
 */
import type { CategoryResult, ProposedSite } from './analysis.ts';
import type { GapsModel } from './gaps-input.ts';
import { findPairs } from './pairs.ts';

/** A proposed site of one category. */
export interface CategoryProposal extends ProposedSite {
  readonly category: string;
}

/** The nearest service: one of the input's services (index into `services`), or the proposed site. */
export type NearestService = { readonly kind: 'service'; readonly service: number } | { readonly kind: 'proposed' };

export interface CategoryReach {
  readonly category: string;
  /** Null when the category has no service at all. */
  readonly nearest: NearestService | null;
  /** Straight-line metres to it; NaN when there is none. */
  readonly metres: number;
  /** Services within the catchment (`maxCost`, in the cost table's unit when there is one), a proposed site counted. */
  readonly inReach: number;
  /** The input's services within the catchment (indices into `services`; never the proposed site). */
  readonly services: readonly number[];
}

/**
 * The reach of area `a` for every analysed category, in the model's order. `results` are the
 * current results per category (with the proposal for its category); `proposal` is the site
 * those results include, if any.
 */
export function areaReach(
  model: GapsModel,
  results: ReadonlyMap<string, CategoryResult>,
  a: number,
  proposal: CategoryProposal | null,
): CategoryReach[] {
  const origin = { x: [model.representative.x[a] ?? NaN], y: [model.representative.y[a] ?? NaN] };
  const out: CategoryReach[] = [];
  for (const [id, category] of model.categories) {
    const loc = model.input.supply[id]?.loc ?? [];
    const proposed = proposal?.category === id ? [proposal] : [];
    // In reach: within the catchment of the area's point (straight line), or, with a cost
    // table, of any of the area's demand points; a proposed site by straight line (it has no cost).
    const reached = new Set<number>();
    if (category.costs) {
      const { origin: point, dest, cost } = category.costs;
      for (let k = 0; k < category.costs.length; k++)
        if (model.input.points.area[point[k] ?? NaN] === a && (cost[k] ?? NaN) <= category.spec.maxCost)
          reached.add(dest[k] ?? NaN);
    } else {
      for (const j of findPairs(origin, category.supply, { metric: 'geodesic', maxCost: category.spec.maxCost }).dest)
        reached.add(j);
    }
    const proposedInReach = findPairs(
      origin,
      { x: proposed.map((p) => p.lon), y: proposed.map((p) => p.lat) },
      { metric: 'geodesic', maxCost: category.spec.maxCost },
    ).length;
    const services = [...reached].sort((x, y) => x - y).map((j) => loc[j] ?? NaN);
    const result = results.get(id);
    const site = result?.nearestSite[a] ?? -1;
    const nearest: NearestService | null =
      site < 0 ? null : site < loc.length ? { kind: 'service', service: loc[site] ?? NaN } : { kind: 'proposed' };
    out.push({
      category: id,
      nearest,
      metres: result && nearest ? (result.nearest[a] ?? NaN) : NaN,
      inReach: services.length + proposedInReach,
      services,
    });
  }
  return out;
}
