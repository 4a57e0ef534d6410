/**
 * Access engine (gap analysis): pure TypeScript, no Node imports, safe for the browser.
 * See docs/access-methods.md for the formulas.
 */
export {
  catchment,
  fca,
  gravity,
  nearest,
  normalize,
  populationWeightedMean,
  threeStep,
  twoStep,
  type AccessInput,
  type MethodOptions,
} from './methods.ts';
export {
  computeAccess,
  effectiveWeight,
  isMethodName,
  METHODS,
  searchRadius,
  type AccessOptions,
  type MethodName,
} from './run.ts';
export {
  E2SFCA_DEFAULT_STEPS,
  gaussianWeight,
  gravityWeight,
  parseDecimal,
  parseWeightSpec,
  stepWeight,
  THREE_SFCA_DEFAULT_STEPS,
  toWeight,
  type Step,
  type Weight,
  type WeightLike,
} from './weights.ts';
export {
  concatPairs,
  filterPairs,
  PairBuilder,
  pairsFromArrays,
  pairsFromFunction,
  pairsFromTable,
  UnknownIdError,
  type CostRow,
  type PairList,
} from './costs.ts';
export { EARTH_RADIUS_M, euclidean, haversine } from './distance.ts';
export { findPairs, nearestCost, pointDistance, type FindPairsOptions, type Metric, type PointSet } from './pairs.ts';
export { formatValue } from './format.ts';
