/** Plain descriptions of a category's parameters, for the methodology page and the downloads. */
import type { GapWeight } from '../../lib/schema/gaps.ts';

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
