/** Plain descriptions of a category's parameters, for the methodology page and the downloads. */
import type { GapWeight } from '../../lib/schema/gaps.ts';
import { localize } from '../../lib/schema/config.ts';
import type { DemandLayerInfo } from '../../lib/access/gaps-input.ts';

/** The weight as a compact spec, e.g. `step:1000=1,2000=0.68,3000=0.22` (metres), or `none`. */
export function weightSpec(weight: GapWeight | undefined): string {
  if (!weight) return 'none';
  switch (weight.kind) {
    case 'step':
      return `step:${[...weight.steps].sort((a, b) => a[0] - b[0]).map(([d, w]) => `${String(d)}=${String(w)}`).join(',')}`;
    case 'gaussian':
      return `gaussian:${String(weight.sigma)}`;
    case 'gravity':
      return `gravity:${String(weight.scale)},${String(weight.alpha)},${String(weight.minCost)}`;
  }
}

/** Where demand is placed, in words, for the downloads: the layer and its weights, or the fallback. */
export function demandPlacement(layer: DemandLayerInfo | null): string {
  if (!layer) return 'one point on land inside each area (point on surface)';
  const weights = Object.entries(layer.weights).map(([id, column]) => `${id} by ${column}`).join('; ');
  return `${localize(layer.geography, 'en', 'en')} (points on land, ${layer.sourceName}); each area's count shared out over its points by population (${weights})`;
}
