/**
 * Builds the gaps input (gaps-input.ts) from the generated areas and services and the site
 * configuration. Build-time only (uses Turf through demand-points.ts).
 */
import type { Area } from '../schema/area.ts';
import type { Service } from '../schema/service.ts';
import { isCategoryId } from '../categories.ts';
import type { SiteConfig } from '../schema/config.ts';
import { demandPoints, type LayerPoint } from './demand-points.ts';
import { weightFromSpec, type CategorySpec } from './analysis.ts';
import type { CostTable, CostTableOptions } from './cost-table.ts';
import { parameterVariations } from './robustness.ts';
import { searchRadius } from './run.ts';
import {
  SUPPRESSED,
  suppressionRule,
  type CategoryCoverage,
  type GapsCategoryInput,
  type GapsInput,
  type LanguageCount,
} from './gaps-input.ts';
import { entry, nth } from '../lookup.ts';

/** Thrown when the gaps configuration names something the data does not have. */
export class GapsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GapsConfigError';
  }
}

/** Reads the configured cost table for the given origin (demand point) and destination (service location) ids. */
export type CostTableLoader = (
  ids: Pick<CostTableOptions, 'originIds' | 'destIds' | 'describeOrigin' | 'describeDest'>,
) => CostTable;

/** The largest cost any category or variation searches: the pairs the input must carry. */
function largestRadius(categories: readonly CategorySpec[]): number {
  let r = 0;
  for (const c of categories) {
    for (const spec of [c, ...parameterVariations(c).map((v) => v.spec)]) {
      const w = weightFromSpec(spec.weight);
      r = Math.max(r, searchRadius(spec.method, { maxCost: spec.maxCost, ...(w ? { weight: w } : {}) }).supply);
    }
  }
  return r;
}

/**
 * The gaps input for a configuration; null when the config has no `gaps` block. `layer`: the
 * demand layer's points when the config declares one; `costs`: reads the cost table when the
 * config declares one (the build passes `loadCostTable`).
 */
export function buildGapsInput(
  areas: readonly Area[],
  services: readonly Service[],
  config: Pick<SiteConfig, 'gaps' | 'census'> & { readonly serviceLayers?: SiteConfig['serviceLayers'] },
  layer?: readonly LayerPoint[],
  costs?: CostTableLoader,
): GapsInput | null {
  const gaps = config.gaps;
  if (!gaps) return null;
  const indicatorIds = Object.keys(config.census.indicators);
  const categories: (Omit<GapsCategoryInput, 'coverage' | 'judged'> & { incomplete?: string })[] = [];
  for (const [id, c] of Object.entries(gaps.categories)) {
    if (!c) continue;
    if (!indicatorIds.includes(c.demand)) {
      throw new GapsConfigError(
        `gaps.categories.${id}.demand: "${c.demand}" is not one of census.indicators (${indicatorIds.join(', ')})`,
      );
    }
    categories.push({
      id,
      demand: c.demand,
      method: c.method,
      maxCost: c.maxCost,
      ...(c.weight ? { weight: c.weight } : {}),
      threshold: c.underServedThreshold ?? gaps.underServedThreshold,
      capacityKind: services.some((s) => isCategoryId(id) && s.categories.includes(id) && s.capacity !== undefined)
        ? 'capacity'
        : 'sites',
      ...(c.rationale ? { rationale: c.rationale } : {}),
      ...(c.incomplete ? { incomplete: c.incomplete } : {}),
    });
  }

  const layerSpec = gaps.demandPoints;
  if (layerSpec && !layer)
    throw new GapsConfigError(`gaps.demandPoints: the points of ${layerSpec.file} were not passed in`);
  for (const id of Object.keys(layerSpec?.weights ?? {})) {
    if (!indicatorIds.includes(id))
      throw new GapsConfigError(
        `gaps.demandPoints.weights.${id}: not one of census.indicators (${indicatorIds.join(', ')})`,
      );
  }
  const demandIds = [...new Set(categories.map((c) => c.demand))];
  const pts = demandPoints(
    areas,
    demandIds,
    layerSpec && layer
      ? { points: layer, weights: layerSpec.weights, defaultWeight: layerSpec.defaultWeight }
      : undefined,
  );
  // Counts below the small-count threshold are published as null, marked suppressed: never exactly.
  const small = gaps.smallCountThreshold;
  const isSmall = (v: number | null | undefined): boolean => v !== null && v !== undefined && v < small;
  const publish = (v: number | null | undefined): number | null =>
    v === null || v === undefined || v < small ? null : v;
  const language = (name: string, count: number | null): LanguageCount =>
    isSmall(count) ? [name, null, SUPPRESSED] : count === null ? [name, null] : [name, count];

  const svc = {
    id: [] as string[],
    name: [] as string[],
    x: [] as number[],
    y: [] as number[],
    languages: [] as (string[] | null)[],
  };
  const supplyOf = new Map(categories.map((c) => [c.id, { loc: [] as number[], capacity: [] as number[] }]));
  const supply: Record<string, { loc: number[]; capacity: number[] }> = Object.fromEntries(supplyOf);
  const coverage = new Map(
    categories.map((c) => [
      c.id,
      { listings: 0, locations: 0, places: new Set<string>(), layers: new Map<string, number>() },
    ]),
  );
  for (const s of services) {
    const cats = categories.filter((c) => isCategoryId(c.id) && s.categories.includes(c.id));
    if (cats.length === 0) continue;
    const n = s.locations.length;
    s.locations.forEach((loc, k) => {
      const at = svc.id.length;
      svc.id.push(k === 0 ? s.id : `${s.id}#${String(k)}`);
      svc.name.push(loc.name ?? s.name);
      svc.x.push(loc.lon);
      svc.y.push(loc.lat);
      svc.languages.push(s.languages ? [...s.languages] : null);
      // Known capacity is split evenly over the locations; unknown capacity counts each place
      // as 1, once however many listings share it (same point to 5 decimals, about 1 m).
      const capacity = s.capacity !== undefined ? s.capacity / n : 1;
      const place = `${loc.lon.toFixed(5)},${loc.lat.toFixed(5)}`;
      for (const c of cats) {
        const cov = entry(coverage, c.id, 'category');
        cov.locations++;
        const repeated = cov.places.has(place);
        cov.places.add(place);
        if (repeated && s.capacity === undefined) continue;
        const sup = entry(supplyOf, c.id, 'category');
        sup.loc.push(at);
        sup.capacity.push(capacity);
      }
    });
    for (const c of cats) {
      const cov = entry(coverage, c.id, 'category');
      cov.listings++;
      for (const src of s.sources ?? [s.source]) cov.layers.set(src.layer, (cov.layers.get(src.layer) ?? 0) + 1);
    }
  }
  const judgedCategories: GapsCategoryInput[] = categories.map(({ incomplete, ...c }) => {
    const cov = entry(coverage, c.id, 'category');
    const places = cov.places.size;
    const notJudged: CategoryCoverage['notJudged'] = incomplete
      ? { kind: 'incomplete', reason: incomplete }
      : places < gaps.minPlaces
        ? { kind: 'thin' }
        : null;
    const sources = [...cov.layers].map(([layer, listings]) => {
      const spec = config.serviceLayers?.find((l) => l.id === layer);
      return { layer, name: spec?.sourceName ?? layer, date: spec?.dataDate ?? null, listings };
    });
    return {
      ...c,
      judged: notJudged === null,
      coverage: { listings: cov.listings, locations: cov.locations, places, sources, notJudged },
    };
  });

  const tableSpec = gaps.costTable;
  let cost: GapsInput['params']['cost'] = { kind: 'straight-line' };
  let published: { origin: number[]; dest: number[]; cost: number[] } | undefined;
  if (tableSpec) {
    if (!costs) throw new GapsConfigError(`gaps.costTable: the table ${tableSpec.file} was not passed in`);
    const repeated = pts.id.find((id, k) => pts.id.indexOf(id) !== k);
    if (repeated !== undefined)
      throw new GapsConfigError(
        `gaps.costTable: demand point id "${repeated}" is used twice (a layer point and an area have the same id)`,
      );
    const table = costs({
      originIds: pts.id,
      destIds: svc.id,
      describeOrigin: (k) => `demand point of area "${nth(areas, nth(pts.area, k)).name}"`,
      describeDest: (k) => `location of "${nth(svc.name, k)}"`,
    });
    const reach = largestRadius(judgedCategories);
    published = { origin: [], dest: [], cost: [] };
    for (let k = 0; k < table.pairs.length; k++) {
      const c = nth(table.pairs.cost, k);
      if (!(c <= reach)) continue;
      published.origin.push(nth(table.pairs.origin, k));
      published.dest.push(nth(table.pairs.dest, k));
      published.cost.push(c);
    }
    cost = {
      kind: 'table',
      measure: tableSpec.measure,
      unit: tableSpec.unit,
      engine: tableSpec.engine,
      file: tableSpec.file,
      rows: table.rows,
      unreachable: table.unreachable,
    };
  }

  return {
    params: {
      underServedThreshold: gaps.underServedThreshold,
      smallCountThreshold: gaps.smallCountThreshold,
      suppression: suppressionRule(gaps.smallCountThreshold),
      demandPoints: layerSpec
        ? {
            geography: layerSpec.geography,
            file: layerSpec.file,
            sourceName: layerSpec.sourceName,
            licence: layerSpec.licence,
            ...(layerSpec.licenceUrl ? { licenceUrl: layerSpec.licenceUrl } : {}),
            weights: Object.fromEntries(demandIds.map((id) => [id, layerSpec.weights[id] ?? layerSpec.defaultWeight])),
            points: layer?.length ?? 0,
            outside: pts.outside.length,
          }
        : null,
      rankedListLength: gaps.rankedListLength,
      metric: 'geodesic',
      cost,
      censusYear: config.census.year,
      censusSource: config.census.sourceName,
      minPlaces: gaps.minPlaces,
      ...(gaps.minPlacesReason ? { minPlacesReason: gaps.minPlacesReason } : {}),
      categories: judgedCategories,
      indicators: Object.entries(config.census.indicators).map(([id, spec]) => ({
        id,
        label: spec.label,
        denominator: spec.denominator ?? null,
      })),
    },
    areas: {
      id: areas.map((a) => a.id),
      name: areas.map((a) => a.name),
      x: pts.representative.x,
      y: pts.representative.y,
      indicators: Object.fromEntries(indicatorIds.map((id) => [id, areas.map((a) => publish(a.indicators[id]))])),
      suppressed: Object.fromEntries(
        indicatorIds.map((id) => [id, areas.flatMap((a, i) => (isSmall(a.indicators[id]) ? [i] : []))]),
      ),
      homeLanguages: areas.map((a) => a.homeLanguages.map((l) => language(l.name, l.count))),
    },
    points: { id: pts.id, x: pts.x, y: pts.y, area: pts.area, shares: pts.shares },
    services: svc,
    supply,
    ...(published ? { costs: published } : {}),
  };
}
