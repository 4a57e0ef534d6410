/**
 * The service-gap analysis the site builds and the browser's what-if tool recomputes, with the
 * same code on both sides. Pure and browser-safe: no Node, no Turf (demand points are made at
 * build time by `demand-points.ts` and travel in the gaps input file).
 *
 * For one category:
 * 1. Demand points: each area's demand (a census count) is spread over its demand points by
 *    `share` (one point on the surface of the area, or the points of a finer census layer).
 *    A missing demand (null: suppressed below the small-count threshold, or not known) counts
 *    as 0 people, so such an area is never under-served.
 * 2. Supply points: every location of every service in the category; capacity is the
 *    service's `capacity` split evenly over its locations, or 1 per location when unknown.
 * 3. Pairs: geodesic (haversine) straight-line distances within the search radius of the
 *    method (`findPairs`), or the costs of a routing engine's table within it; then the
 *    configured method (`computeAccess`) per demand point.
 * 4. Area score: share-weighted mean of its points' scores, an undefined point (no service in
 *    reach) counting as 0; undefined when every point is undefined.
 * 5. Normalised score: area score ÷ demand-weighted mean of area scores (1 = average access).
 * 6. Under-served: demand > 0 and (score undefined or normalised score < threshold).
 * 7. Nearest service: straight-line distance from the area's representative point.
 */
import { concatPairs, filterPairs, type PairList } from './costs.ts';
import { haversine } from './distance.ts';
import { normalize } from './methods.ts';
import { findPairs, nearestCost } from './pairs.ts';
import { computeAccess, searchRadius } from './run.ts';
import { gaussianWeight, gravityWeight, stepWeight, type Weight } from './weights.ts';
import type { GapMethod, GapWeight } from '../schema/gaps.ts';

/** Demand points of every area as parallel arrays (lon/lat in degrees). */
export interface DemandPoints {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Index of the area each point belongs to. */
  readonly area: ArrayLike<number>;
  /** Fraction of its area's demand placed on this point; an area's shares sum to 1. */
  readonly share: ArrayLike<number>;
}

/** Supply points of one category. */
export interface SupplyPoints {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly capacity: ArrayLike<number>;
}

/** What the analysis needs to know about one category (resolved from the site config). */
export interface CategorySpec {
  readonly id: string;
  /** Indicator id whose count is the demand. */
  readonly demand: string;
  readonly method: GapMethod;
  /** Catchment in the cost's unit (metres of straight line unless a cost table says otherwise). */
  readonly maxCost: number;
  readonly weight?: GapWeight | undefined;
  /** Normalised score below which an area with demand is under-served. */
  readonly threshold: number;
  /** False when the supply data is too thin or incomplete to judge gaps: no area is flagged. */
  readonly judged?: boolean;
}

/** Per-area results of one category, aligned with the areas. */
export interface CategoryResult {
  /** Demand count per area; null = missing (suppressed small count or not known), analysed as 0 people. */
  readonly demand: readonly (number | null)[];
  /** Raw score (supply per person for the ratio methods); NaN = no service in reach. */
  readonly score: Float64Array;
  /** Score ÷ demand-weighted mean score; NaN when the score is undefined. */
  readonly normalized: Float64Array;
  /** Straight-line metres from the area's representative point to the nearest service; NaN when there is none. */
  readonly nearest: Float64Array;
  /** The service `nearest` measures to: index into the category's supply, `supply + k` for proposed site k, -1 when none. */
  readonly nearestSite: Int32Array;
  /** Under-served per the rule above; false when demand is unknown or 0. */
  readonly underServed: readonly boolean[];
  /** Demand-weighted mean raw score (the normaliser). */
  readonly mean: number;
}

/** Builds the engine's weight (metres) from the config's weight spec. */
export function weightFromSpec(spec: GapWeight | undefined): Weight | undefined {
  if (!spec) return undefined;
  switch (spec.kind) {
    case 'step':
      return stepWeight(spec.steps);
    case 'gaussian':
      return gaussianWeight(spec.sigma);
    case 'gravity':
      return gravityWeight(spec.scale, spec.alpha, spec.minCost);
  }
}

/** A proposed site for the what-if tool. */
export interface ProposedSite {
  readonly lon: number;
  readonly lat: number;
  /** Capacity (sites count 1; child care counts spaces). */
  readonly capacity: number;
}

/** Pairs of a category, found once and reused for every what-if recomputation. */
export interface PreparedCategory {
  readonly spec: CategorySpec;
  readonly weight: Weight | undefined;
  /** Radius searched for demand→supply pairs (≥ maxCost for 3SFCA). */
  readonly radius: number;
  readonly pairs: PairList;
  /** Demand→demand pairs, FCA only. */
  readonly neighborPairs?: PairList;
  /** Nearest existing service per area (straight-line metres, NaN when there are none). */
  readonly nearest: Float64Array;
  /** Index into the supply of that service per area (-1 when there are none). */
  readonly nearestSite: Int32Array;
  /** True when the pairs come from a cost table (proposed sites then have no cost). */
  readonly table: boolean;
}

/**
 * Demand→supply pairs and nearest distances of one category. With `costs` (a cost table's
 * pairs of this category, dest = supply index) the pairs are those within the search radius;
 * FCA then has no demand→demand costs and is refused. The nearest service stays a straight line.
 */
export function prepareCategory(
  spec: CategorySpec,
  points: DemandPoints,
  supply: SupplyPoints,
  representative: PointsXY,
  costs?: PairList,
): PreparedCategory {
  const weight = weightFromSpec(spec.weight);
  const options = { maxCost: spec.maxCost, ...(weight ? { weight } : {}) };
  const radius = searchRadius(spec.method, options);
  if (costs && spec.method === 'fca')
    throw new RangeError(`${spec.id}: fca needs demand-to-demand costs, which a cost table does not give`);
  const pairs = costs
    ? filterPairs(costs, radius.supply)
    : findPairs(points, supply, { metric: 'geodesic', maxCost: radius.supply });
  const neighborPairs =
    spec.method === 'fca'
      ? findPairs(points, points, { metric: 'geodesic', maxCost: radius.neighbor, excludeSelf: true })
      : undefined;
  const nearestSite = new Int32Array(representative.x.length);
  const nearest = nearestCost(representative, supply, { metric: 'geodesic' }, nearestSite);
  return {
    spec,
    weight,
    radius: radius.supply,
    pairs,
    ...(neighborPairs ? { neighborPairs } : {}),
    nearest,
    nearestSite,
    table: costs !== undefined,
  };
}

/** Parallel lon/lat arrays. */
export interface PointsXY {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/**
 * Scores one category for every area; with `proposed`, as if those sites were added (their
 * pairs are found here and appended after the existing supply, as `concatPairs` allows).
 */
export function scoreCategory(
  prepared: PreparedCategory,
  points: DemandPoints,
  supply: SupplyPoints,
  demand: readonly (number | null)[],
  representative: PointsXY,
  proposed: readonly ProposedSite[] = [],
): CategoryResult {
  const { spec, weight } = prepared;
  const nAreas = demand.length;
  const nPoints = points.x.length;
  const population = new Float64Array(nPoints);
  for (let k = 0; k < nPoints; k++) population[k] = (demand[points.area[k] ?? NaN] ?? 0) * (points.share[k] ?? NaN);

  let pairs = prepared.pairs;
  let capacity: ArrayLike<number> = supply.capacity;
  if (proposed.length > 0) {
    if (prepared.table) throw new RangeError('a proposed site has no travel cost in the cost table');
    const extra = findPairs(
      points,
      { x: proposed.map((p) => p.lon), y: proposed.map((p) => p.lat) },
      {
        metric: 'geodesic',
        maxCost: prepared.radius,
      },
    );
    pairs = concatPairs([prepared.pairs, extra], [0, supply.capacity.length]);
    capacity = [...Array.from(supply.capacity), ...proposed.map((p) => p.capacity)];
  }

  const pointScore = computeAccess(
    spec.method,
    { population, capacity, pairs, ...(prepared.neighborPairs ? { neighborPairs: prepared.neighborPairs } : {}) },
    { maxCost: spec.maxCost, ...(weight ? { weight } : {}) },
  );

  // Share-weighted mean per area; an undefined point is a part of the area with no service in reach (0).
  const sum = new Float64Array(nAreas);
  const defined = new Uint8Array(nAreas);
  for (let k = 0; k < nPoints; k++) {
    const a = points.area[k] ?? NaN;
    const s = pointScore[k] ?? NaN;
    if (s === s) {
      defined[a] = 1;
      sum[a] = (sum[a] ?? NaN) + s * (points.share[k] ?? NaN);
    }
  }
  const score = new Float64Array(nAreas);
  for (let a = 0; a < nAreas; a++) score[a] = defined[a] ? (sum[a] ?? NaN) : NaN;

  const weights = demand.map((d) => d ?? 0);
  const normalized = normalize(score, weights);
  let num = 0;
  let den = 0;
  for (let a = 0; a < nAreas; a++) {
    const t = (score[a] ?? NaN) * (weights[a] ?? NaN);
    if (t === t) num += t;
    den += weights[a] ?? NaN;
  }

  const nearest = Float64Array.from(prepared.nearest);
  const nearestSite = Int32Array.from(prepared.nearestSite);
  proposed.forEach((p, k) => {
    for (let a = 0; a < nAreas; a++) {
      const d = haversine(representative.x[a] ?? NaN, representative.y[a] ?? NaN, p.lon, p.lat);
      if (!(d >= (nearest[a] ?? NaN))) {
        nearest[a] = d;
        nearestSite[a] = supply.capacity.length + k;
      }
    }
  });

  const underServed = demand.map(
    (d, a) => spec.judged !== false && isUnderServed(d, score[a] ?? NaN, normalized[a] ?? NaN, spec.threshold),
  );
  return { demand, score, normalized, nearest, nearestSite, underServed, mean: num / den };
}

/** The under-served rule: demand > 0 and (score undefined or normalised score < threshold). */
export function isUnderServed(demand: number | null, score: number, normalized: number, threshold: number): boolean {
  if (demand === null || !(demand > 0)) return false;
  if (Number.isNaN(score)) return true;
  return normalized < threshold;
}

/** What ranking needs of a category's results. */
export type RankedResult = Pick<CategoryResult, 'demand' | 'score' | 'normalized' | 'underServed'>;

/**
 * People living with poor access in an area: its demand × its shortfall from the city level,
 * shortfall = 1 − normalised score (1 when no service is in reach), for under-served areas;
 * 0 for the others.
 */
export function unmetDemand(result: RankedResult, a: number): number {
  if (!result.underServed[a]) return 0;
  const n = result.normalized[a] ?? NaN;
  const shortfall = Number.isNaN(n) ? 1 : Math.min(1, Math.max(0, 1 - n));
  return (result.demand[a] ?? 0) * shortfall;
}

/** The orders of the ranked lists: by people affected (the default) or by access per person. */
export const RANK_ORDERS = ['people', 'score'] as const;
export type RankOrder = (typeof RANK_ORDERS)[number];

/**
 * Indices of the under-served areas. `people` (default): most unmet demand first (see
 * `unmetDemand`), ties by lower normalised score. `score`: areas with no service in reach
 * (larger demand first), then by normalised score (lowest first), ties by larger demand.
 */
export function rankUnderServed(result: RankedResult, limit = Infinity, order: RankOrder = 'people'): number[] {
  const idx: number[] = [];
  result.underServed.forEach((u, a) => {
    if (u) idx.push(a);
  });
  const key = (a: number) => (Number.isNaN(result.score[a] ?? NaN) ? -Infinity : (result.normalized[a] ?? NaN));
  const byScore = (a: number, b: number) =>
    key(a) - key(b) || (result.demand[b] ?? 0) - (result.demand[a] ?? 0) || a - b;
  idx.sort(order === 'people' ? (a, b) => unmetDemand(result, b) - unmetDemand(result, a) || byScore(a, b) : byScore);
  return idx.slice(0, limit);
}

/** How a count is shown: exactly, as "fewer than N", or "not known". */
export type CountDisplay =
  | { readonly kind: 'exact'; readonly value: number }
  | { readonly kind: 'fewer'; readonly threshold: number }
  | { readonly kind: 'unknown' };

/**
 * Small-count suppression: counts below `threshold` are never shown exactly (0 included); a
 * count published as `suppressed` (gaps-input.ts) reads "fewer than threshold".
 */
export function displayCount(value: number | 'suppressed' | null | undefined, threshold: number): CountDisplay {
  if (value === 'suppressed') return { kind: 'fewer', threshold };
  if (value === null || value === undefined || Number.isNaN(value)) return { kind: 'unknown' };
  if (value < threshold) return { kind: 'fewer', threshold };
  return { kind: 'exact', value };
}

/** Raw scores of the ratio methods are supply per person; shown per this many people. */
export const PER_PEOPLE = 10_000;

/** Multiplier for showing a raw score: per 10,000 people for ratio methods, as is otherwise. */
export function scoreScale(method: GapMethod): number {
  return method === 'catchment' || method === 'gravity' ? 1 : PER_PEOPLE;
}
