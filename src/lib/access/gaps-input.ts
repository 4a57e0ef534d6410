/**
 * The gaps input: everything the service-gaps page needs to compute the analysis, as compact
 * parallel arrays. The build writes it to `/data/gaps-input.json` and computes its own tables
 * from the same object, so the browser's what-if tool starts from exactly the build's numbers.
 * Browser-safe (types and decoding only); the build side is `buildGapsInput` in build-input.ts.
 */
import { PairBuilder, type PairList } from './costs.ts';
import type { CostUnit } from './cost-table.ts';
import {
  prepareCategory,
  scoreCategory,
  type CategoryResult,
  type CategorySpec,
  type DemandPoints,
  type PointsXY,
  type PreparedCategory,
  type ProposedSite,
  type SupplyPoints,
} from './analysis.ts';

/** What a category's supply rests on, and whether it is enough to judge gaps. */
export interface CategoryCoverage {
  /** Services (listings) in the category. */
  readonly listings: number;
  /** Their locations. */
  readonly locations: number;
  /** Distinct places (locations at the same point count once). */
  readonly places: number;
  /** Service layers the listings come from, with the layer's date. */
  readonly sources: readonly {
    readonly layer: string;
    readonly name: string;
    readonly date: string | null;
    readonly listings: number;
  }[];
  /** Why gaps are not judged: too few places (`thin`, below `minPlaces`) or known incomplete data; null = judged. */
  readonly notJudged: null | { readonly kind: 'thin' } | { readonly kind: 'incomplete'; readonly reason: string };
}

export interface GapsCategoryInput extends CategorySpec {
  readonly coverage: CategoryCoverage;
  readonly judged: boolean;
  /** `capacity` when the category's services carry a capacity (e.g. licensed spaces), else `sites`. */
  readonly capacityKind: 'sites' | 'capacity';
  /** Why these parameters (from the config), when given. */
  readonly rationale?: string | undefined;
}

/** Where the demand points come from (see demand-points.ts). */
export interface DemandLayerInfo {
  /** e.g. "2021 census tracts": one text, or per locale. */
  readonly geography: string | Readonly<Record<string, string>>;
  readonly file: string;
  readonly sourceName: string;
  readonly licence: string;
  readonly licenceUrl?: string;
  /** Demand indicator → count column of the layer that shares it out. */
  readonly weights: Readonly<Record<string, string>>;
  /** Points read, and how many of them lay in no area (left out). */
  readonly points: number;
  readonly outside: number;
}

/**
 * The travel cost the analysis uses: straight-line (haversine) metres, or a routing engine's
 * cost table (travel time or network distance in its unit). Catchments and weights are in it.
 */
export type GapsCost =
  | { readonly kind: 'straight-line' }
  | {
      readonly kind: 'table';
      readonly measure: 'time' | 'distance';
      readonly unit: CostUnit;
      /** Engine and profile, as the config states it. */
      readonly engine: string;
      readonly file: string;
      /** Rows read (one per demand point and service location) and rows with no route. */
      readonly rows: number;
      readonly unreachable: number;
    };

export interface GapsInput {
  readonly params: {
    readonly underServedThreshold: number;
    readonly smallCountThreshold: number;
    /** How counts below the small-count threshold are published, in words (the download states its own rule). */
    readonly suppression: string;
    /** The demand layer (finer census geography) that shares each area's demand out; null = one representative point per area. */
    readonly demandPoints: DemandLayerInfo | null;
    readonly rankedListLength: number;
    /** Fewest distinct places for a category to be judged, and why. */
    readonly minPlaces: number;
    readonly minPlacesReason?: string;
    /** Coordinates are lon/lat: straight-line distances (nearest service, and the cost unless `cost` is a table) are haversine. */
    readonly metric: 'geodesic';
    /** The travel cost of the catchments and weights. */
    readonly cost: GapsCost;
    readonly censusYear: number;
    readonly censusSource: string;
    readonly categories: readonly GapsCategoryInput[];
    /** Indicators in config order: id, i18n label key, denominator indicator id. */
    readonly indicators: readonly {
      readonly id: string;
      readonly label: string;
      readonly denominator: string | null;
    }[];
  };
  readonly areas: {
    readonly id: readonly string[];
    readonly name: readonly string[];
    /** Representative point (on the area's surface). */
    readonly x: readonly number[];
    readonly y: readonly number[];
    /** Indicator id → count per area; null = suppressed (see `suppressed`) or not known. */
    readonly indicators: Readonly<Record<string, readonly (number | null)[]>>;
    /** Indicator id → indices of the areas whose count is below the small-count threshold (published as null). */
    readonly suppressed: Readonly<Record<string, readonly number[]>>;
    /** Top home languages per area: `[census name, count]`, `[name, null, "suppressed"]` below the threshold, `[name, null]` not known. */
    readonly homeLanguages: readonly (readonly LanguageCount[])[];
  };
  /** Demand points; `shares[indicator]` = share of the area's count on each point (an area's shares sum to 1). */
  readonly points: {
    /** The id of each point in a cost table: the demand layer's id, or the area's id for its representative point. */
    readonly id: readonly string[];
    readonly x: readonly number[];
    readonly y: readonly number[];
    readonly area: readonly number[];
    readonly shares: Readonly<Record<string, readonly number[]>>;
  };
  /** Service locations (one row per location of a service in an analysed category). */
  readonly services: {
    readonly id: readonly string[];
    readonly name: readonly string[];
    readonly x: readonly number[];
    readonly y: readonly number[];
    /** Languages the service is offered in; null = the data does not say. */
    readonly languages: readonly (readonly string[] | null)[];
  };
  /** Per category: indices into `services` and the capacity of each. */
  readonly supply: Readonly<Record<string, { readonly loc: readonly number[]; readonly capacity: readonly number[] }>>;
  /**
   * With a cost table: the pairs (index into `points`, index into `services`, cost) whose cost
   * is within the largest search radius any category or variation uses; absent = straight line.
   */
  readonly costs?: {
    readonly origin: readonly number[];
    readonly dest: readonly number[];
    readonly cost: readonly number[];
  };
}

/** A home language and its count, as published (see `GapsInput.areas.homeLanguages`). */
export type LanguageCount =
  readonly [string, number] | readonly [string, null] | readonly [string, null, typeof SUPPRESSED];

/** The marker of a count published as null because it is below the small-count threshold. */
export const SUPPRESSED = 'suppressed';

/** A count as published: the number, `suppressed` (below the small-count threshold) or null (not known). */
export type PublishedCount = number | typeof SUPPRESSED | null;

/** The rule the gaps input states for its suppressed counts. */
export function suppressionRule(threshold: number): string {
  return (
    `Counts below ${String(threshold)} (0 included) are published as null and listed in areas.suppressed ` +
    `(home languages: [name, null, "suppressed"]). The analysis treats a missing demand as 0 people: ` +
    `the area's demand points carry no demand and the area is never flagged under-served.`
  );
}

/** An area's count of an indicator as published. */
export function areaCount(input: GapsInput, indicator: string, a: number): PublishedCount {
  const v = input.areas.indicators[indicator]?.[a];
  if (v !== null && v !== undefined) return v;
  return input.areas.suppressed[indicator]?.includes(a) ? SUPPRESSED : null;
}

/** A home language's count as published. */
export function languageCount(entry: LanguageCount): PublishedCount {
  return entry[2] ?? entry[1];
}

/** A category ready for repeated scoring (pairs found once). */
export interface GapsModelCategory {
  readonly spec: GapsCategoryInput;
  /** The demand points with this category's demand shares. */
  readonly points: DemandPoints;
  readonly supply: SupplyPoints;
  readonly prepared: PreparedCategory;
  readonly demand: readonly (number | null)[];
  /** With a cost table: the category's pairs (dest = index into `supply`); undefined = straight line. */
  readonly costs?: PairList;
}

/** The decoded input with every category's pairs found once. */
export interface GapsModel {
  readonly input: GapsInput;
  readonly representative: PointsXY;
  readonly categories: ReadonlyMap<string, GapsModelCategory>;
}

/** Decodes the input and finds the pairs of every category. */
export function createGapsModel(input: GapsInput): GapsModel {
  const representative: PointsXY = { x: input.areas.x, y: input.areas.y };
  const categories = new Map<string, GapsModelCategory>();
  for (const spec of input.params.categories) {
    const s = input.supply[spec.id] ?? { loc: [], capacity: [] };
    const supply: SupplyPoints = {
      x: s.loc.map((i) => input.services.x[i] ?? NaN),
      y: s.loc.map((i) => input.services.y[i] ?? NaN),
      capacity: s.capacity,
    };
    const demand = input.areas.indicators[spec.demand] ?? input.areas.id.map(() => null);
    const share = input.points.shares[spec.demand];
    if (!share) throw new RangeError(`gaps input: no demand shares for "${spec.demand}"`);
    const points: DemandPoints = { x: input.points.x, y: input.points.y, area: input.points.area, share };
    const costs = input.costs ? categoryCosts(input.costs, s.loc, input.services.id.length) : undefined;
    const prepared = prepareCategory(spec, points, supply, representative, costs);
    categories.set(spec.id, { spec, points, supply, prepared, demand, ...(costs ? { costs } : {}) });
  }
  return { input, representative, categories };
}

/** The published pairs whose service is in a category's supply, with dest renumbered to the supply index. */
function categoryCosts(costs: NonNullable<GapsInput['costs']>, loc: readonly number[], services: number): PairList {
  const at = new Int32Array(services).fill(-1);
  loc.forEach((i, j) => (at[i] = j));
  const b = new PairBuilder(costs.origin.length);
  for (let k = 0; k < costs.origin.length; k++) {
    const j = at[costs.dest[k] ?? NaN] ?? NaN;
    if (j >= 0) b.push(costs.origin[k] ?? NaN, j, costs.cost[k] ?? NaN);
  }
  return b.finish();
}

/** Scores one category, optionally with proposed sites added. */
export function scoreModelCategory(
  model: GapsModel,
  categoryId: string,
  proposed: readonly ProposedSite[] = [],
): CategoryResult {
  const c = model.categories.get(categoryId);
  if (!c) throw new RangeError(`category "${categoryId}" is not analysed`);
  return scoreCategory(c.prepared, c.points, c.supply, c.demand, model.representative, proposed);
}
