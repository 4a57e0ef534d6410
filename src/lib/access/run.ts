/**
 * One entry point for every method, used by the build, the CLI and the browser.
 */
import type { PairList } from './costs.ts';
import {
  catchment,
  fca,
  nearest,
  normalize,
  threeStep,
  twoStep,
  type AccessInput,
  type MethodOptions,
} from './methods.ts';
import {
  E2SFCA_DEFAULT_STEPS,
  stepWeight,
  THREE_SFCA_DEFAULT_STEPS,
  toWeight,
  type Weight,
  type WeightLike,
} from './weights.ts';

export const METHODS = ['fca', '2sfca', 'e2sfca', '3sfca', 'catchment', 'gravity', 'nearest'] as const;
export type MethodName = (typeof METHODS)[number];

export function isMethodName(s: string): s is MethodName {
  return (METHODS as readonly string[]).includes(s);
}

export interface AccessOptions extends MethodOptions {
  /** Divide by the population-weighted mean (see `normalize`). */
  readonly normalize?: boolean;
}

/**
 * The weight a method uses: the one given, else PySAL's default for E2SFCA
 * (`{10: 1, 20: 0.68, 30: 0.22}`) and 3SFCA (`{10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042}`);
 * those defaults are in PySAL's unit, minutes. `gravity` requires a weight; `nearest`
 * takes none.
 */
export function effectiveWeight(method: MethodName, weight: WeightLike | undefined): Weight | undefined {
  if (method === 'nearest') {
    if (weight !== undefined) throw new RangeError('nearest takes no weight');
    return undefined;
  }
  if (weight !== undefined) return toWeight(weight);
  if (method === 'e2sfca') return stepWeight(E2SFCA_DEFAULT_STEPS);
  if (method === '3sfca') return stepWeight(THREE_SFCA_DEFAULT_STEPS);
  if (method === 'gravity') throw new RangeError('gravity needs a weight (e.g. gravityWeight(1000, -2, 100))');
  return undefined;
}

/**
 * How far a pair finder must search so that `computeAccess` gives exact results:
 * `supply` for demand→supply pairs, `neighbor` for FCA's demand→demand pairs.
 * Every method needs the pairs within maxCost; 3SFCA also needs every pair with a
 * non-zero weight (its selection weights sum over all suppliers), so its radius is the
 * larger of maxCost and the weight's support.
 */
export function searchRadius(method: MethodName, options: MethodOptions = {}): { supply: number; neighbor: number } {
  const maxCost = options.maxCost ?? Infinity;
  if (method === '3sfca') {
    const w = effectiveWeight(method, options.weight);
    return { supply: Math.max(maxCost, w ? w.support : Infinity), neighbor: 0 };
  }
  return { supply: maxCost, neighbor: method === 'fca' ? maxCost : 0 };
}

/** Computes one method for every demand point; the result is aligned with `input.population`. */
export function computeAccess(method: MethodName, input: AccessInput, options: AccessOptions = {}): Float64Array {
  const weight = effectiveWeight(method, options.weight);
  const base: MethodOptions = {
    ...(options.maxCost !== undefined ? { maxCost: options.maxCost } : {}),
    ...(weight !== undefined ? { weight } : {}),
  };
  let out: Float64Array;
  switch (method) {
    case 'fca':
      out = fca(input, base);
      break;
    case '2sfca':
    case 'e2sfca':
      out = twoStep(input, base);
      break;
    case '3sfca':
      // effectiveWeight gives 3SFCA its default steps when none is set.
      if (!weight) throw new RangeError('3sfca needs a weight');
      out = threeStep(input, { ...base, weight });
      break;
    case 'catchment':
    case 'gravity':
      out = catchment(input, base);
      break;
    case 'nearest':
      out = nearest(input, base);
      break;
  }
  return options.normalize ? normalize(out, input.population) : out;
}

export type { AccessInput, PairList };
