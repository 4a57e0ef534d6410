import { z } from 'zod';
import { localizedText, webUrl } from './common.ts';
import { categoryIdSchema } from './service.ts';

/*
 * The gap analysis a LIP configures (`gaps` in its `site.config.ts`): for each service
 * category, which census indicator is its demand, which access method, how far people are
 * expected to travel and how access fades with distance. The build and the browser's what-if
 * tool both read it; changing it changes the service-gaps page without code changes.
 * Formulas: docs/access-methods.md and the site's methodology page.
 */

/** Same rule as `census.indicators` ids (defined here too: config.ts imports this file). */
const indicatorIdSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'indicator ids are camelCase');

/** Methods whose score grows with access (so "low score" means "under-served"); `nearest` is a distance and not offered. */
export const GAP_METHODS = ['2sfca', 'e2sfca', '3sfca', 'fca', 'catchment', 'gravity'] as const;
export type GapMethod = (typeof GAP_METHODS)[number];

/** A distance-decay weight, in metres. */
export const gapWeightSchema = z.discriminatedUnion('kind', [
  z.object({
    /** Step function: a pair up to `upTo` metres (inclusive) gets `weight`; beyond the last step 0. */
    kind: z.literal('step'),
    /** Steps `[upTo metres, weight]`, any order; weights ≥ 0. */
    steps: z.array(z.tuple([z.number().positive(), z.number().min(0)])).min(1),
  }),
  z.object({
    /** Gaussian exp(-d²/2σ²), weight 1 at distance 0. */
    kind: z.literal('gaussian'),
    /** σ in metres. */
    sigma: z.number().positive(),
  }),
  z.object({
    /** Gravity (max(d, minCost) / scale)^alpha. */
    kind: z.literal('gravity'),
    /** Distance unit in metres (e.g. 1000: distances in km). */
    scale: z.number().positive(),
    /** Exponent; negative for decay, e.g. -1.5. */
    alpha: z.number(),
    /** Distances below this count as this (metres), so a site next door does not weigh infinitely. */
    minCost: z.number().min(0).default(0),
  }),
]);
export type GapWeight = z.infer<typeof gapWeightSchema>;

/** The demand-point layer: a CSV with one row per point of a finer census geography. */
export const demandPointsSchema = z.object({
  /** CSV file, relative to the config folder; columns `id`, `lon`, `lat` and counts. */
  file: z.string().min(1),
  /** Column with the point's id (e.g. the census tract code). */
  idColumn: z.string().min(1),
  lonColumn: z.string().min(1).default('lon'),
  latColumn: z.string().min(1).default('lat'),
  /** Indicator id → count column that shares that indicator out over an area's points; indicators not listed use `defaultWeight`. */
  weights: z.record(indicatorIdSchema, z.string().min(1)).default({}),
  /** Count column for indicators without a weight of their own (usually total population). */
  defaultWeight: z.string().min(1),
  /** What the points are, shown on the methodology page, e.g. "2021 census tracts" (per locale). */
  geography: localizedText,
  /** Publisher(s) of the counts, shown on the methodology page. */
  sourceName: z.string().min(1),
  licence: z.string().min(1),
  licenceUrl: webUrl.optional(),
});
export type DemandPointsConfig = z.infer<typeof demandPointsSchema>;

/** Units a cost table may be in (the same list as cost-table.ts `COST_UNITS`). */
export const COST_TABLE_UNITS = { time: ['s', 'min', 'h'], distance: ['m', 'km'] } as const;

/**
 * Travel costs from a routing engine instead of straight-line distances: a cost table
 * (`origin,dest,cost[,unit]`, docs/access-methods.md) with a row for every demand point and
 * every service location the gap analysis uses. Catchments and weight distances of every
 * category are then in this table's unit.
 */
export const costTableConfigSchema = z
  .object({
    /** CSV file, relative to the config folder. */
    file: z.string().min(1),
    /** Travel time or network distance. */
    measure: z.enum(['time', 'distance']),
    /** Unit of the `cost` column (a `unit` column, when present, must agree). */
    unit: z.enum(['m', 'km', 's', 'min', 'h']),
    /** The engine, how it was run and on which network data, shown on every gaps page, e.g. "OSRM 5.27, car profile, OpenStreetMap of 2024-11-01". */
    engine: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (!(COST_TABLE_UNITS[c.measure] as readonly string[]).includes(c.unit)) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `a ${c.measure} is in ${COST_TABLE_UNITS[c.measure].join(', ')}, not ${c.unit}`,
      });
    }
  });
export type CostTableConfig = z.infer<typeof costTableConfigSchema>;

export const gapCategorySchema = z.object({
  /** Census indicator whose count is the demand, e.g. `recentImmigrants`; must be in `census.indicators`. */
  demand: indicatorIdSchema,
  /** Access method (see docs/access-methods.md). */
  method: z.enum(GAP_METHODS),
  /** Catchment: services farther than this are out of reach; metres of straight line, or the cost table's unit. */
  maxCost: z.number().positive(),
  /** Distance decay inside the catchment; absent = every service in reach counts fully. Required for `gravity`. */
  weight: gapWeightSchema.optional(),
  /** Overrides the top-level `underServedThreshold` for this category. */
  underServedThreshold: z.number().positive().optional(),
  /** One sentence, shown on the methodology page, saying why these parameters were chosen. */
  rationale: z.string().min(1).optional(),
  /** The data is known to be incomplete for this category (why): the page says "not enough data to judge gaps" and flags no area. */
  incomplete: z.string().min(1).optional(),
});
export type GapCategoryConfig = z.infer<typeof gapCategorySchema>;

export const gapsConfigSchema = z
  .object({
    /** Categories analysed, in display order; each category id at most once. */
    categories: z.partialRecord(categoryIdSchema, gapCategorySchema),
    /** An area with demand whose normalised score is below this (or undefined) is under-served; 0.5 = half the average access. */
    underServedThreshold: z.number().positive().default(0.5),
    /** Counts below this are shown as "fewer than N", never exactly (published census counts are rounded, small ones still identify). */
    smallCountThreshold: z.number().int().min(1).default(10),
    /**
     * Where people live inside each area: a CSV of points of a finer census geography (e.g.
     * census tracts) with counts that share each area's demand out (dasymetric allocation).
     * Absent: one point on land inside each area (its representative point) carries the demand.
     */
    demandPoints: demandPointsSchema.optional(),
    /** Travel costs from a routing engine; absent = straight-line (haversine) distances in metres. */
    costTable: costTableConfigSchema.optional(),
    /** A category with fewer distinct service places than this says "not enough data to judge gaps" and flags no area. */
    minPlaces: z.number().int().min(1).default(30),
    /** Why `minPlaces` is set where it is (shown on the methodology page). */
    minPlacesReason: z.string().min(1).optional(),
    /** How many under-served areas each ranked list shows. */
    rankedListLength: z.number().int().min(1).max(100).default(10),
  })
  .superRefine((g, ctx) => {
    for (const [id, c] of Object.entries(g.categories)) {
      if (c === undefined) continue;
      if (c.method === 'gravity' && (!c.weight || c.weight.kind !== 'gravity')) {
        ctx.addIssue({ code: 'custom', path: ['categories', id, 'weight'], message: 'gravity needs a gravity weight' });
      }
      if (c.method === '3sfca' && !c.weight) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', id, 'weight'],
          message: '3sfca needs a weight in metres (the default is in minutes)',
        });
      }
      if (g.costTable && c.method === 'fca') {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', id, 'method'],
          message: 'fca needs demand-to-demand costs, which a cost table does not give; use 2sfca or e2sfca',
        });
      }
      if (c.method === 'e2sfca' && !c.weight) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', id, 'weight'],
          message: 'e2sfca needs a step weight in metres (the default is in minutes)',
        });
      }
    }
  });
export type GapsConfig = z.infer<typeof gapsConfigSchema>;
export type GapsConfigInput = z.input<typeof gapsConfigSchema>;
