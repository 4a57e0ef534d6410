/**
 * City-level figures computed from the published data (home page, fact sheets, dashboard).
 * Unknown census cells (null: suppressed or missing) are never counted as 0: totals say how
 * many areas were unknown so the page can say "at least".
 */
import { CATEGORIES, type CategoryId } from './categories.ts';
import type { Area } from './schema/area.ts';
import type { Service } from './schema/service.ts';

export interface IndicatorTotal {
  /** Sum over the areas whose value is known; null when no area's value is known (unknown, not 0). */
  total: number | null;
  /** Areas whose value is unknown (suppressed or missing), left out of `total`: the total is then "at least". */
  unknownAreas: number;
}

/** The one sum of an indicator over areas (home page, fact sheets, dashboard). */
export function sumIndicator(areas: readonly Pick<Area, 'indicators'>[], indicatorId: string): IndicatorTotal {
  let total = 0;
  let known = 0;
  let unknownAreas = 0;
  for (const area of areas) {
    const value = area.indicators[indicatorId];
    if (value === null || value === undefined) unknownAreas += 1;
    else {
      total += value;
      known += 1;
    }
  }
  return { total: known === 0 ? null : total, unknownAreas };
}

/** Service locations per category, in vocabulary order, leaving out categories with none. */
export function countByCategory(
  services: readonly Pick<Service, 'categories' | 'locations'>[],
): { id: CategoryId; locations: number; services: number }[] {
  const counts = new Map<CategoryId, { locations: number; services: number }>();
  for (const service of services) {
    for (const id of new Set(service.categories)) {
      const entry = counts.get(id) ?? { locations: 0, services: 0 };
      entry.services += 1;
      entry.locations += service.locations.length;
      counts.set(id, entry);
    }
  }
  return CATEGORIES.flatMap(({ id }) => {
    const entry = counts.get(id);
    return entry ? [{ id, ...entry }] : [];
  });
}
