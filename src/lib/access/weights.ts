/**
 * Distance-decay weights for the access engine.
 *
 * Semantics follow PySAL `access` (`access/weights.py`):
 * - step:     the first threshold t (in ascending order) with cost <= t gives its weight;
 *             beyond the last threshold the weight is 0. A NaN cost compares false
 *             everywhere and therefore also gets 0.
 * - gaussian: exp(-c² / (2σ²)), *not* normalised, so f(0) = 1. σ = 0 is rejected.
 * - gravity:  (max(c, min) / scale) ^ alpha. alpha is passed as given (negative for decay);
 *             with min = 0 a zero cost gives +Infinity for negative alpha, as in PySAL.
 *
 * Every weight also carries `support`: a cost beyond which the weight is exactly 0
 * (Infinity when it never reaches 0). Pair finders use it to know how far they must
 * search when a method needs pairs beyond the catchment (3SFCA's selection weights).
 */
import { nth } from '../lookup.ts';

export interface Weight {
  /** A short, human-readable description, e.g. `step:1000=1,2000=0.68`. */
  readonly name: string;
  /** The weight for a cost. */
  readonly apply: (cost: number) => number;
  /** Every cost strictly greater than this has weight exactly 0 (Infinity: no such bound). */
  readonly support: number;
}

/** Either a {@link Weight} or a bare weight function (support then unknown = Infinity). */
export type WeightLike = Weight | ((cost: number) => number);

export function toWeight(w: WeightLike): Weight {
  if (typeof w === 'function') return { name: 'custom', apply: w, support: Infinity };
  return w;
}

/** One step of a step function: costs up to `upTo` (inclusive) get `weight`. */
export type Step = readonly [upTo: number, weight: number];

/**
 * Step weight. `steps` may be given in any order; they are sorted by threshold like
 * PySAL's `sorted(step_dict.items())`. Negative weights are rejected (PySAL raises
 * ValueError); duplicate thresholds are rejected (a Python dict cannot hold them).
 */
export function stepWeight(steps: readonly Step[] | Readonly<Record<string, number>>): Weight {
  const list: Step[] = Array.isArray(steps)
    ? (steps as readonly Step[]).map(([t, w]) => [t, w] as const)
    : Object.entries(steps).map(([t, w]) => [Number(t), w] as const);
  if (list.length === 0) throw new RangeError('step weight needs at least one threshold');
  for (const [t, w] of list) {
    if (Number.isNaN(t)) throw new RangeError(`step threshold ${String(t)} is not a number`);
    if (!(w >= 0)) throw new RangeError(`step weight ${String(w)} must be a non-negative number`);
  }
  list.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < list.length; k++) {
    if (nth(list, k)[0] === nth(list, k - 1)[0])
      throw new RangeError(`duplicate step threshold ${String(nth(list, k)[0])}`);
  }
  const thresholds = Float64Array.from(list, (s) => s[0]);
  const values = Float64Array.from(list, (s) => s[1]);
  const n = thresholds.length;
  const apply = (c: number): number => {
    for (let k = 0; k < n; k++) {
      if (c <= (thresholds[k] ?? NaN)) return values[k] ?? NaN;
    }
    return 0;
  };
  // Beyond the last threshold the weight is 0. (If trailing steps have weight 0 the
  // true support is smaller, but the last threshold is a valid, simple bound.)
  const support = thresholds[n - 1] ?? NaN;
  return { name: `step:${list.map(([t, w]) => `${String(t)}=${String(w)}`).join(',')}`, apply, support };
}

/**
 * Gaussian weight exp(-c²/(2σ²)) with f(0) = 1 (no 1/√(2πσ²) factor, as in PySAL).
 * The expression is evaluated in PySAL's order, `-c * c / (2 * σ**2)`.
 */
export function gaussianWeight(sigma: number): Weight {
  if (sigma === 0 || Number.isNaN(sigma)) throw new RangeError('gaussian sigma must be a non-zero number');
  const twoSigma2 = 2 * sigma ** 2;
  const apply = (c: number): number => Math.exp((-c * c) / twoSigma2);
  // For c > 40|σ| the exponent is below -800 and Math.exp underflows to exactly 0.
  return { name: `gaussian:${String(sigma)}`, apply, support: 40 * Math.abs(sigma) };
}

/**
 * Gravity weight (max(c, min)/scale)^alpha. PySAL's `max(x, min_dist)` keeps a NaN cost
 * as NaN; `Math.max` does the same.
 */
export function gravityWeight(scale: number, alpha: number, minCost = 0): Weight {
  if (scale === 0 || Number.isNaN(scale)) throw new RangeError('gravity scale must be a non-zero number');
  if (Number.isNaN(alpha)) throw new RangeError('gravity alpha must be a number');
  if (Number.isNaN(minCost)) throw new RangeError('gravity minimum cost must be a number');
  const apply = (c: number): number => Math.pow(Math.max(c, minCost) / scale, alpha);
  return { name: `gravity:${String(scale)},${String(alpha)},${String(minCost)}`, apply, support: Infinity };
}

/** PySAL's default E2SFCA weight, `step_fn({10: 1, 20: 0.68, 30: 0.22})` (PySAL uses minutes). */
export const E2SFCA_DEFAULT_STEPS: readonly Step[] = [
  [10, 1],
  [20, 0.68],
  [30, 0.22],
];
/** PySAL's default 3SFCA weight, `step_fn({10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042})`. */
export const THREE_SFCA_DEFAULT_STEPS: readonly Step[] = [
  [10, 0.962],
  [20, 0.704],
  [30, 0.377],
  [60, 0.042],
];

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a plain decimal number (no hex, no empty string, no whitespace); NaN if it is not one. */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (t === 'Infinity' || t === '+Infinity') return Infinity;
  if (t === '-Infinity') return -Infinity;
  return NUMBER_RE.test(t) ? Number(t) : NaN;
}

function num(text: string, what: string, spec: string): number {
  const v = parseDecimal(text);
  if (!Number.isFinite(v)) throw new RangeError(`weight "${spec}": ${what} "${text}" is not a finite number`);
  return v;
}

/**
 * Parses the CLI weight spec:
 * - `step:1000=1,2000=0.68,3000=0.22`
 * - `gaussian:1500` (σ)
 * - `gravity:1000,-2,100` (scale, alpha, optional minimum cost; default 0)
 * Throws RangeError with a readable message on a malformed spec.
 */
export function parseWeightSpec(spec: string): Weight {
  const colon = spec.indexOf(':');
  if (colon < 0) throw new RangeError(`weight "${spec}": expected step:…, gaussian:… or gravity:…`);
  const kind = spec.slice(0, colon).trim().toLowerCase();
  const args = spec
    .slice(colon + 1)
    .split(',')
    .map((s) => s.trim());
  switch (kind) {
    case 'step': {
      const steps: Step[] = args.map((a) => {
        const eq = a.indexOf('=');
        if (eq < 0) throw new RangeError(`weight "${spec}": step "${a}" must be threshold=weight`);
        return [num(a.slice(0, eq), 'threshold', spec), num(a.slice(eq + 1), 'weight', spec)] as const;
      });
      return stepWeight(steps);
    }
    case 'gaussian': {
      if (args.length !== 1) throw new RangeError(`weight "${spec}": gaussian takes one value, sigma`);
      return gaussianWeight(num(nth(args, 0), 'sigma', spec));
    }
    case 'gravity': {
      if (args.length < 2 || args.length > 3) {
        throw new RangeError(`weight "${spec}": gravity takes scale,alpha[,min]`);
      }
      const min = args.length === 3 ? num(nth(args, 2), 'min', spec) : 0;
      return gravityWeight(num(nth(args, 0), 'scale', spec), num(nth(args, 1), 'alpha', spec), min);
    }
    default:
      throw new RangeError(`weight "${spec}": unknown kind "${kind}" (use step, gaussian or gravity)`);
  }
}
