/**
 * Spatial access measures, with the semantics of PySAL `access` (`access/fca.py`,
 * `access/access.py`, `access/helpers.py`). No distance code lives here: costs come in
 * as a {@link PairList} (see `costs.ts` and `pairs.ts`).
 *
 * Conventions shared by every method (all matched to PySAL, see docs/access-methods.md):
 * - A pair is *usable* when its cost is <= maxCost (inclusive; PySAL filters
 *   `cost <= max_cost`). Without maxCost every pair in the list is usable.
 * - A weight of 0 does not make a pair unusable: PySAL filters on cost only, then
 *   multiplies by the weight, so a zero-weight pair still "exists" for its area.
 * - Sums skip NaN terms, like pandas' `groupby(...).sum()`; a group whose terms are
 *   all NaN sums to 0. Infinities pass through. Like pandas (>= 1.3), grouped sums use
 *   Kahan compensated summation, with the compensation reset to 0 when it becomes NaN
 *   (an infinite term), so an infinite sum stays infinite instead of turning NaN.
 * - An area with no usable pair is absent from PySAL's grouped result and becomes NaN
 *   when joined back to the demand table (2SFCA family, catchment, gravity, nearest).
 *   FCA is the exception: missing supply is filled with 0 (`fillna(0)`).
 * - Results are Float64Arrays aligned with the demand (population) order.
 */
import type { PairList } from './costs.ts';
import { toWeight, type Weight, type WeightLike } from './weights.ts';

/**
 * Grouped Kahan sums: `add(g, v)` adds v to group g unless v is NaN. `touch(g)` marks a
 * group as present without adding (a usable pair whose term is NaN).
 */
class GroupSum {
  readonly sum: Float64Array;
  readonly comp: Float64Array;
  readonly seen: Uint8Array;
  constructor(n: number) {
    this.sum = new Float64Array(n);
    this.comp = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }
  add(g: number, v: number): void {
    this.seen[g] = 1;
    if (v !== v) return;
    const s = this.sum[g] ?? NaN;
    const y = v - (this.comp[g] ?? NaN);
    const t = s + y;
    const c = t - s - y;
    this.comp[g] = c === c ? c : 0;
    this.sum[g] = t;
  }
  /** Sum per group, `missing` for groups never added to. */
  result(missing: number): Float64Array {
    const out = new Float64Array(this.sum.length);
    for (let g = 0; g < out.length; g++) out[g] = this.seen[g] ? (this.sum[g] ?? NaN) : missing;
    return out;
  }
}

export interface AccessInput {
  /** Demand value (population) per demand point. Its length is the number of demand points. */
  readonly population: ArrayLike<number>;
  /** Supply value per supply point (1 when a layer has no capacity). */
  readonly capacity: ArrayLike<number>;
  /** Demand → supply pairs (origin = demand index, dest = supply index). */
  readonly pairs: PairList;
  /**
   * Demand → demand pairs for FCA (origin = demand index, dest = neighbouring demand index).
   * Each area is always its own neighbour at cost 0; self pairs in this list are ignored.
   */
  readonly neighborPairs?: PairList;
}

export interface MethodOptions {
  /** Inclusive catchment: pairs with cost > maxCost are not used. Default: no limit. */
  readonly maxCost?: number;
  /** Distance-decay weight applied to each usable pair. Default: none (weight 1). */
  readonly weight?: WeightLike;
}

function check(input: AccessInput, which: 'pairs' | 'neighborPairs'): PairList {
  const p = which === 'pairs' ? input.pairs : input.neighborPairs;
  if (!p) throw new RangeError(`${which} are required`);
  const nO = input.population.length;
  const nD = which === 'pairs' ? input.capacity.length : nO;
  const { origin, dest, length } = p;
  let maxO = -1;
  let maxD = -1;
  for (let k = 0; k < length; k++) {
    const o = origin[k] ?? NaN;
    const d = dest[k] ?? NaN;
    if (o > maxO) maxO = o;
    if (d > maxD) maxD = d;
  }
  if (maxO >= nO)
    throw new RangeError(`${which}: origin index ${String(maxO)} is out of range (${String(nO)} demand points)`);
  if (maxD >= nD) throw new RangeError(`${which}: dest index ${String(maxD)} is out of range (${String(nD)} points)`);
  return p;
}

/** Per-pair weight (1 when no weight function), computed once and shared by both stages. */
function pairWeights(pairs: PairList, maxCost: number, weight: Weight | undefined): Float64Array {
  const w = new Float64Array(pairs.length);
  const cost = pairs.cost;
  if (!weight) {
    w.fill(1);
    return w;
  }
  const f = weight.apply;
  for (let k = 0; k < pairs.length; k++) {
    const c = cost[k] ?? NaN;
    if (c <= maxCost) w[k] = f(c);
  }
  return w;
}

function maxCostOf(options: MethodOptions): number {
  const m = options.maxCost ?? Infinity;
  if (Number.isNaN(m)) throw new RangeError('maxCost must be a number');
  return m;
}

/**
 * Weighted catchment (PySAL `weighted_catchment` / `Access.weighted_catchment`):
 * A_i = Σ_j S_j · f(c_ij) over usable pairs; NaN for an area with no usable pair.
 */
export function catchment(input: AccessInput, options: MethodOptions = {}): Float64Array {
  const pairs = check(input, 'pairs');
  const maxCost = maxCostOf(options);
  const weight = options.weight === undefined ? undefined : toWeight(options.weight);
  const w = pairWeights(pairs, maxCost, weight);
  const cap = input.capacity;
  const acc = new GroupSum(input.population.length);
  const { origin, dest, cost } = pairs;
  for (let k = 0; k < pairs.length; k++) {
    if (!((cost[k] ?? NaN) <= maxCost)) continue;
    acc.add(origin[k] ?? NaN, (cap[dest[k] ?? NaN] ?? NaN) * (w[k] ?? NaN));
  }
  // An area with no usable pair is absent from the grouped sum: NaN.
  return acc.result(NaN);
}

/**
 * Gravity potential: the catchment sum with a (usually gravity) weight over all reachable
 * suppliers (within maxCost if given). In PySAL this is `weighted_catchment` with a
 * gravity `weight_fn`; an area with no reachable supplier is NaN there too.
 */
export function gravity(input: AccessInput, options: MethodOptions & { readonly weight: WeightLike }): Float64Array {
  return catchment(input, options);
}

/**
 * Floating catchment area ratio (PySAL `fca_ratio`):
 * FCA_i = Σ_j S_j f(c_ij) / Σ_k P_k f(d_ik), over usable supply pairs and usable
 * demand-to-demand pairs, the area itself counting as a neighbour at cost 0.
 * - no supplier in range → 0 (PySAL `fillna(0)` on the supply sum);
 * - catchment demand 0 → S/0 = Infinity, or 0/0 = NaN when there is no supply either;
 * - NaN when the area has no usable neighbour at all (only if maxCost < 0).
 * `Access.fca_ratio` passes no weight; `fca.fca_ratio` accepts one and applies it to both sums.
 */
export function fca(input: AccessInput, options: MethodOptions = {}): Float64Array {
  const pairs = check(input, 'pairs');
  const nn = check(input, 'neighborPairs');
  const maxCost = maxCostOf(options);
  const weight = options.weight === undefined ? undefined : toWeight(options.weight);
  const pop = input.population;
  const cap = input.capacity;
  const n = pop.length;

  const demand = new GroupSum(n);
  // The area itself, at cost 0.
  if (0 <= maxCost) {
    const w0 = weight ? weight.apply(0) : 1;
    for (let i = 0; i < n; i++) demand.add(i, weight ? (pop[i] ?? NaN) * w0 : (pop[i] ?? NaN));
  }
  {
    const { origin, dest, cost } = nn;
    const f = weight?.apply;
    for (let k = 0; k < nn.length; k++) {
      const c = cost[k] ?? NaN;
      if (!(c <= maxCost)) continue;
      const i = origin[k] ?? NaN;
      const j = dest[k] ?? NaN;
      if (i === j) continue; // self pair is implicit (cost 0)
      demand.add(i, f ? (pop[j] ?? NaN) * f(c) : (pop[j] ?? NaN));
    }
  }

  const supply = new GroupSum(n);
  {
    const { origin, dest, cost } = pairs;
    const f = weight?.apply;
    for (let k = 0; k < pairs.length; k++) {
      const c = cost[k] ?? NaN;
      if (!(c <= maxCost)) continue;
      supply.add(origin[k] ?? NaN, f ? (cap[dest[k] ?? NaN] ?? NaN) * f(c) : (cap[dest[k] ?? NaN] ?? NaN));
    }
  }

  // Right join on the demand sums, missing supply filled with 0 (PySAL `fillna(0)`);
  // an area absent from the demand sums (no usable neighbour, not even itself) is NaN.
  const d = demand.result(NaN);
  const sup = supply.result(0);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (sup[i] ?? NaN) / (d[i] ?? NaN);
  return out;
}

/**
 * Shared two-stage core; `w` holds the per-pair weight used in both stages, null for weight 1
 * (x * 1 is x for every double, so skipping the multiplication changes no result).
 */
function twoStage(
  input: AccessInput,
  pairs: PairList,
  maxCost: number,
  w: Float64Array | null,
  threeStep: Float64Array | null,
): Float64Array {
  const pop = input.population;
  const cap = input.capacity;
  const nS = cap.length;
  const nD = pop.length;
  const { origin, dest, cost } = pairs;
  const len = pairs.length;

  // Stage 1: weighted demand reaching each supplier.
  const load = new GroupSum(nS);
  if (!w) {
    for (let k = 0; k < len; k++)
      if ((cost[k] ?? NaN) <= maxCost) load.add(dest[k] ?? NaN, pop[origin[k] ?? NaN] ?? NaN);
  } else {
    for (let k = 0; k < len; k++) {
      if (!((cost[k] ?? NaN) <= maxCost)) continue;
      // PySAL 3SFCA multiplies value * W3 * G left to right; 2SFCA value * w.
      load.add(
        dest[k] ?? NaN,
        threeStep
          ? (pop[origin[k] ?? NaN] ?? NaN) * (w[k] ?? NaN) * (threeStep[k] ?? NaN)
          : (pop[origin[k] ?? NaN] ?? NaN) * (w[k] ?? NaN),
      );
    }
  }
  // Supply-to-demand ratio R_j = S_j / D_j (Infinity when D_j = 0 < S_j, NaN for 0/0);
  // a supplier no demand reaches has no ratio (and no usable pair in stage 2 either).
  const d = load.result(NaN);
  const ratio = new Float64Array(nS);
  for (let j = 0; j < nS; j++) ratio[j] = (cap[j] ?? NaN) / (d[j] ?? NaN);

  // Stage 2: A_i = Σ_j R_j f(c_ij); NaN terms (0/0 ratios, ∞·0) are skipped.
  const acc = new GroupSum(nD);
  if (!w) {
    for (let k = 0; k < len; k++)
      if ((cost[k] ?? NaN) <= maxCost) acc.add(origin[k] ?? NaN, ratio[dest[k] ?? NaN] ?? NaN);
  } else {
    for (let k = 0; k < len; k++) {
      if (!((cost[k] ?? NaN) <= maxCost)) continue;
      const j = dest[k] ?? NaN;
      acc.add(
        origin[k] ?? NaN,
        threeStep ? (ratio[j] ?? NaN) * (w[k] ?? NaN) * (threeStep[k] ?? NaN) : (ratio[j] ?? NaN) * (w[k] ?? NaN),
      );
    }
  }
  const out = acc.result(NaN);
  return out;
}

/**
 * Two-step floating catchment area (PySAL `two_stage_fca`), and E2SFCA when a step weight
 * is given (PySAL `enhanced_two_stage_fca` is `two_stage_fca` with a step `weight_fn`):
 * R_j = S_j / Σ_i P_i f(c_ij), A_i = Σ_j R_j f(c_ij), over usable pairs.
 * NaN for an area with no usable pair; 0 when all its terms are NaN.
 */
export function twoStep(input: AccessInput, options: MethodOptions = {}): Float64Array {
  const pairs = check(input, 'pairs');
  const maxCost = maxCostOf(options);
  const weight = options.weight === undefined ? undefined : toWeight(options.weight);
  return twoStage(input, pairs, maxCost, weight ? pairWeights(pairs, maxCost, weight) : null, null);
}

/**
 * Three-step FCA (PySAL `three_stage_fca`, Wan, Zou & Sternberg 2012).
 * Selection weight G_ij = W_ij / Σ_j' W_ij', where the sum runs over *every* pair of area i
 * in the list, regardless of maxCost (PySAL computes W3 and W3sum on the whole cost table
 * before filtering). Then 2SFCA with the weight W·G over the usable pairs.
 * The pair list must therefore hold every pair whose weight is non-zero (see
 * `searchRadius`); pairs beyond the weight's support contribute 0 and may be left out.
 */
export function threeStep(input: AccessInput, options: MethodOptions & { readonly weight: WeightLike }): Float64Array {
  const pairs = check(input, 'pairs');
  const maxCost = maxCostOf(options);
  const f = toWeight(options.weight).apply;
  const n = input.population.length;
  const { origin, cost } = pairs;
  const len = pairs.length;
  const W = new Float64Array(len);
  const sums = new GroupSum(n);
  for (let k = 0; k < len; k++) {
    const v = f(cost[k] ?? NaN);
    W[k] = v;
    sums.add(origin[k] ?? NaN, v);
  }
  const wSum = sums.sum;
  const G = new Float64Array(len);
  for (let k = 0; k < len; k++) G[k] = (W[k] ?? NaN) / (wSum[origin[k] ?? NaN] ?? NaN);
  return twoStage(input, pairs, maxCost, W, G);
}

/** Cost to the nearest supplier (among usable pairs); NaN when there is none. Capacity is ignored. */
export function nearest(input: AccessInput, options: Pick<MethodOptions, 'maxCost'> = {}): Float64Array {
  const pairs = check(input, 'pairs');
  const maxCost = maxCostOf(options);
  const out = new Float64Array(input.population.length).fill(NaN);
  const { origin, cost } = pairs;
  for (let k = 0; k < pairs.length; k++) {
    const c = cost[k] ?? NaN;
    if (!(c <= maxCost)) continue;
    const i = origin[k] ?? NaN;
    const cur = out[i] ?? NaN;
    if (cur !== cur || c < cur) out[i] = c;
  }
  return out;
}

/**
 * Divides every score by the population-weighted mean Σ A_i·P_i / Σ P_i
 * (PySAL `helpers.normalized_access`). A term A_i·P_i that is NaN is skipped (pandas
 * `sum()`), while P_i stays in the denominator.
 */
export function populationWeightedMean(values: ArrayLike<number>, population: ArrayLike<number>): number {
  if (values.length !== population.length) throw new RangeError('values and population must have the same length');
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const t = (values[i] ?? NaN) * (population[i] ?? NaN);
    if (t === t) num += t;
    const p = population[i] ?? NaN;
    if (p === p) den += p;
  }
  return num / den;
}

export function normalize(values: ArrayLike<number>, population: ArrayLike<number>): Float64Array {
  const mean = populationWeightedMean(values, population);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] ?? NaN) / mean;
  return out;
}
