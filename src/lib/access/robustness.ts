/**
 * Robustness of the under-served flags: every category is recomputed under reasonable
 * variations of its assumptions, and a flag "holds" when the area is under-served in the
 * published result and in every variation; otherwise it "depends on the assumptions".
 * Pure and browser-safe (the what-if tool runs it too). Variations:
 * - catchment −25 % and +25 %: the maximum distance and every distance of the weight scaled;
 * - the other distance weightings: none (every service in reach counts fully, plain 2SFCA), a
 *   Gaussian with σ = half the catchment, and steps at a third, two thirds and all of the
 *   catchment weighing 1, 0.68 and 0.22 (PySAL's E2SFCA weights) — whichever the category does
 *   not use already;
 * - the alternative demand placement: one point on each area's surface instead of the demand
 *   layer (only when the site has a demand layer and straight-line costs: a cost table has no
 *   costs from those points).
 */
import {
  prepareCategory,
  scoreCategory,
  type CategoryResult,
  type CategorySpec,
  type DemandPoints,
  type ProposedSite,
} from './analysis.ts';
import type { GapsModel } from './gaps-input.ts';
import type { GapWeight } from '../schema/gaps.ts';

export const VARIATIONS = [
  'catchment-25',
  'catchment+25',
  'weight-none',
  'weight-gaussian',
  'weight-step',
  'placement-area-point',
] as const;
export type VariationId = (typeof VARIATIONS)[number];

export interface VariationResult {
  readonly id: VariationId;
  readonly spec: CategorySpec;
  /** True when demand sits on one point per area (the alternative placement). */
  readonly areaPoints: boolean;
  readonly result: CategoryResult;
}

function scaleWeight(w: GapWeight | undefined, f: number): GapWeight | undefined {
  if (!w) return undefined;
  switch (w.kind) {
    case 'step':
      return { kind: 'step', steps: w.steps.map(([d, v]) => [d * f, v] as [number, number]) };
    case 'gaussian':
      return { kind: 'gaussian', sigma: w.sigma * f };
    case 'gravity':
      return w;
  }
}

/** The variations of one category's parameters (the placement variation is added by `variationResults`). */
export function parameterVariations(spec: CategorySpec): { id: VariationId; spec: CategorySpec }[] {
  const out: { id: VariationId; spec: CategorySpec }[] = [
    { id: 'catchment-25', spec: { ...spec, maxCost: spec.maxCost * 0.75, weight: scaleWeight(spec.weight, 0.75) } },
    { id: 'catchment+25', spec: { ...spec, maxCost: spec.maxCost * 1.25, weight: scaleWeight(spec.weight, 1.25) } },
  ];
  // Only the two-step family takes any weighting; the other methods keep theirs.
  if (spec.method !== '2sfca' && spec.method !== 'e2sfca') return out;
  const kind = spec.weight?.kind ?? 'none';
  const m = spec.maxCost;
  if (kind !== 'none') out.push({ id: 'weight-none', spec: { ...spec, method: '2sfca', weight: undefined } });
  if (kind !== 'gaussian')
    out.push({ id: 'weight-gaussian', spec: { ...spec, method: '2sfca', weight: { kind: 'gaussian', sigma: m / 2 } } });
  if (kind !== 'step') {
    out.push({
      id: 'weight-step',
      spec: {
        ...spec,
        method: 'e2sfca',
        weight: {
          kind: 'step',
          steps: [
            [m / 3, 1],
            [(2 * m) / 3, 0.68],
            [m, 0.22],
          ],
        },
      },
    });
  }
  return out;
}

/** Every variation of a category, scored (with the proposed sites, if any). */
export function variationResults(
  model: GapsModel,
  categoryId: string,
  proposed: readonly ProposedSite[] = [],
): VariationResult[] {
  const c = model.categories.get(categoryId);
  if (!c) throw new RangeError(`category "${categoryId}" is not analysed`);
  const score = (spec: CategorySpec, points: DemandPoints) =>
    scoreCategory(
      prepareCategory(spec, points, c.supply, model.representative, c.costs),
      points,
      c.supply,
      c.demand,
      model.representative,
      proposed,
    );
  const out: VariationResult[] = parameterVariations(c.spec).map((v) => ({
    ...v,
    areaPoints: false,
    result: score(v.spec, c.points),
  }));
  if (model.input.params.demandPoints && !c.costs) {
    const n = model.input.areas.id.length;
    const areaPoints: DemandPoints = {
      x: model.representative.x,
      y: model.representative.y,
      area: Array.from({ length: n }, (_, a) => a),
      share: new Array<number>(n).fill(1),
    };
    out.push({ id: 'placement-area-point', spec: c.spec, areaPoints: true, result: score(c.spec, areaPoints) });
  }
  return out;
}

/** Per area: true when flagged in the published result and in every variation. */
export function robustFlags(base: CategoryResult, variations: readonly VariationResult[]): boolean[] {
  return base.underServed.map((u, a) => u && variations.every((v) => v.result.underServed[a]));
}
