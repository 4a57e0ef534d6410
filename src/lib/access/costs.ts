/**
 * Costs between origins and destinations, as a sparse list of pairs.
 *
 * The engine never computes distances itself: callers hand it a {@link PairList}
 * built from a cost table ({@link pairsFromTable}), a cost function
 * ({@link pairsFromFunction}) or a spatial search (`pairs.ts`).
 *
 * A pair that is absent, or whose cost is NaN/null/undefined, is unreachable.
 * (PySAL keeps NaN-cost rows when no max_cost is given; here "no cost" always means
 * "unreachable", which is what PySAL does whenever a max_cost is set.)
 */

/** Parallel typed arrays: pair k joins origin `origin[k]` to destination `dest[k]` at `cost[k]`. */
export interface PairList {
  /** Index into the origin list (demand points). */
  readonly origin: Uint32Array;
  /** Index into the destination list (supply points, or demand points for neighbour costs). */
  readonly dest: Uint32Array;
  /** Cost (distance, travel time…). Never NaN in lists built by this module. */
  readonly cost: Float64Array;
  readonly length: number;
}

/** A row of a cost table, keyed by ids. */
export interface CostRow {
  readonly origin: string;
  readonly dest: string;
  readonly cost: number | null | undefined;
}

/** Growable pair list (amortised doubling), for finders and tables. */
export class PairBuilder {
  #origin: Uint32Array;
  #dest: Uint32Array;
  #cost: Float64Array;
  #n = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.#origin = new Uint32Array(c);
    this.#dest = new Uint32Array(c);
    this.#cost = new Float64Array(c);
  }

  get length(): number {
    return this.#n;
  }

  push(origin: number, dest: number, cost: number): void {
    if (this.#n === this.#cost.length) this.#grow();
    const n = this.#n;
    this.#origin[n] = origin;
    this.#dest[n] = dest;
    this.#cost[n] = cost;
    this.#n = n + 1;
  }

  #grow(): void {
    const c = this.#cost.length * 2;
    const o = new Uint32Array(c);
    o.set(this.#origin);
    const d = new Uint32Array(c);
    d.set(this.#dest);
    const k = new Float64Array(c);
    k.set(this.#cost);
    this.#origin = o;
    this.#dest = d;
    this.#cost = k;
  }

  /** The pairs pushed so far (views, no copy). The builder must not be used afterwards. */
  finish(): PairList {
    const n = this.#n;
    return {
      origin: this.#origin.subarray(0, n),
      dest: this.#dest.subarray(0, n),
      cost: this.#cost.subarray(0, n),
      length: n,
    };
  }
}

/** Thrown by {@link pairsFromTable} for a row naming an id that is not in the lists. */
export class UnknownIdError extends Error {
  readonly row: number;
  readonly column: 'origin' | 'dest';
  readonly id: string;
  constructor(row: number, column: 'origin' | 'dest', id: string) {
    super(`cost row ${String(row)}: ${column} "${id}" is not a known id`);
    this.name = 'UnknownIdError';
    this.row = row;
    this.column = column;
    this.id = id;
  }
}

function indexOfIds(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!m.has(id)) m.set(id, i);
  });
  return m;
}

function hasCost(c: number | null | undefined): c is number {
  return typeof c === 'number' && !Number.isNaN(c);
}

/**
 * Pairs from a cost table keyed by ids. Rows without a cost (null, undefined, NaN) are
 * dropped (unreachable). A row naming an unknown id throws {@link UnknownIdError}
 * (`row` is the 0-based position in `rows`), unless `unknown: 'skip'`.
 * Duplicate rows are kept as given (PySAL would count each); callers that want to
 * reject them should do so before.
 */
export function pairsFromTable(
  rows: Iterable<CostRow>,
  originIds: readonly string[],
  destIds: readonly string[],
  options: { readonly unknown?: 'throw' | 'skip' } = {},
): PairList {
  const oi = indexOfIds(originIds);
  const di = originIds === destIds ? oi : indexOfIds(destIds);
  const skip = options.unknown === 'skip';
  const b = new PairBuilder();
  let r = 0;
  for (const row of rows) {
    const o = oi.get(row.origin);
    const d = di.get(row.dest);
    if (o === undefined || d === undefined) {
      if (!skip)
        throw new UnknownIdError(r, o === undefined ? 'origin' : 'dest', o === undefined ? row.origin : row.dest);
    } else if (hasCost(row.cost)) {
      b.push(o, d, row.cost);
    }
    r++;
  }
  return b.finish();
}

/**
 * Pairs from a cost function over every origin × destination (an all-pairs loop: use it
 * for small inputs, or when the costs really are dense). `fn` returns the cost, or
 * null/undefined/NaN for "unreachable". Pairs with cost > `maxCost` are dropped when given.
 */
export function pairsFromFunction(
  originCount: number,
  destCount: number,
  fn: (origin: number, dest: number) => number | null | undefined,
  maxCost = Infinity,
): PairList {
  const b = new PairBuilder();
  for (let i = 0; i < originCount; i++) {
    for (let j = 0; j < destCount; j++) {
      const c = fn(i, j);
      if (hasCost(c) && !(c > maxCost)) b.push(i, j, c);
    }
  }
  return b.finish();
}

/** Pairs from explicit arrays (copied). NaN costs are dropped. */
export function pairsFromArrays(origin: ArrayLike<number>, dest: ArrayLike<number>, cost: ArrayLike<number>): PairList {
  const n = cost.length;
  if (origin.length !== n || dest.length !== n) throw new RangeError('pair arrays must have the same length');
  const b = new PairBuilder(n);
  for (let k = 0; k < n; k++) {
    const c = cost[k] ?? NaN;
    if (!Number.isNaN(c)) b.push(origin[k] ?? NaN, dest[k] ?? NaN, c);
  }
  return b.finish();
}

/**
 * Concatenates pair lists; `destOffset[k]` is added to the destination indices of list k
 * (e.g. to append the pairs of a proposed site, numbered from 0, after the existing
 * supply points).
 */
export function concatPairs(lists: readonly PairList[], destOffset: readonly number[] = []): PairList {
  let n = 0;
  for (const l of lists) n += l.length;
  const origin = new Uint32Array(n);
  const dest = new Uint32Array(n);
  const cost = new Float64Array(n);
  let at = 0;
  lists.forEach((l, k) => {
    origin.set(l.origin.subarray(0, l.length), at);
    cost.set(l.cost.subarray(0, l.length), at);
    const off = destOffset[k] ?? 0;
    if (off === 0) dest.set(l.dest.subarray(0, l.length), at);
    else for (let p = 0; p < l.length; p++) dest[at + p] = (l.dest[p] ?? NaN) + off;
    at += l.length;
  });
  return { origin, dest, cost, length: n };
}

/** Keeps the pairs with cost <= maxCost (inclusive). */
export function filterPairs(pairs: PairList, maxCost: number): PairList {
  const b = new PairBuilder(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const c = pairs.cost[k] ?? NaN;
    if (c <= maxCost) b.push(pairs.origin[k] ?? NaN, pairs.dest[k] ?? NaN, c);
  }
  return b.finish();
}
