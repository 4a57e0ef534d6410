/**
 * What the service-gaps explorer shows, as plain data: the ranked and "changed by the proposal"
 * rows of a category, the map colouring and features, and the area panel. The `<gap-explorer>`
 * element (src/components/gaps) only formats these values and turns them into DOM nodes and map
 * sources, so every number here is the engine's and unit tests reach it.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { rankUnderServed, unmetDemand, type CategoryResult } from './analysis.ts';
import { areaReach, type CategoryProposal, type NearestService } from './area-reach.ts';
import { classColour, classLabels, indicatorClasses, scoreClasses, type LegendTemplates } from './classes.ts';
import { areaCount, languageCount, type GapsModel, type PublishedCount } from './gaps-input.ts';
import { servesLanguage } from './language-match.ts';
import { robustFlags, variationResults } from './robustness.ts';

/** A census indicator the explorer shows, with its denominator for shares. */
export interface IndicatorInfo {
  readonly id: string;
  readonly label: string;
  readonly denominator: string | null;
}

/** A value of a float array read at an index the caller knows exists (NaN otherwise). */
function at(values: ArrayLike<number>, a: number): number {
  return values[a] ?? Number.NaN;
}

/** A category's model, or a clear error naming it. */
function modelCategory(model: GapsModel, id: string) {
  const c = model.categories.get(id);
  if (!c) throw new RangeError(`category "${id}" is not analysed`);
  return c;
}

/** One row of a category's ranked list of under-served areas. */
export interface RankedRow {
  /** The area's index. */
  readonly area: number;
  readonly id: string;
  readonly name: string;
  readonly demand: PublishedCount | undefined;
  /** People without the average access (rounded). */
  readonly unmet: number;
  readonly normalized: number;
  readonly nearest: number;
  /** Still flagged under every parameter variation. */
  readonly robust: boolean;
}

/** The under-served areas of `categoryId`, ranked (with a proposed site when `proposed` has it). */
export function rankedRows(
  model: GapsModel,
  categoryId: string,
  r: CategoryResult,
  proposed: readonly CategoryProposal[] = [],
): RankedRow[] {
  const ranked = rankUnderServed(r, model.input.params.rankedListLength);
  const robust = ranked.length > 0 ? robustFlags(r, variationResults(model, categoryId, proposed)) : [];
  const areas = model.input.areas;
  return ranked.map((a) => ({
    area: a,
    id: areas.id[a] ?? '',
    name: areas.name[a] ?? '',
    demand: r.demand[a],
    unmet: Math.round(unmetDemand(r, a)),
    normalized: at(r.normalized, a),
    nearest: at(r.nearest, a),
    robust: robust[a] === true,
  }));
}

/** One row of the "areas the proposed site changes" table: before and with the proposal. */
export interface ChangedRow {
  readonly area: number;
  readonly id: string;
  readonly name: string;
  readonly normalizedBefore: number;
  readonly normalized: number;
  readonly nearestBefore: number;
  readonly nearest: number;
}

/** Every area whose score or nearest distance differs between `base` and `r`, nearest first. */
export function changedRows(model: GapsModel, base: CategoryResult, r: CategoryResult): ChangedRow[] {
  const differs = (x: number, y: number) => !(x === y || (Number.isNaN(x) && Number.isNaN(y)));
  const areas = model.input.areas;
  return areas.id
    .map((id, a) => ({
      area: a,
      id,
      name: areas.name[a] ?? '',
      normalizedBefore: at(base.normalized, a),
      normalized: at(r.normalized, a),
      nearestBefore: at(base.nearest, a),
      nearest: at(r.nearest, a),
      changed: differs(at(base.score, a), at(r.score, a)) || differs(at(base.nearest, a), at(r.nearest, a)),
    }))
    .filter((row) => row.changed)
    .sort((x, y) => x.nearest - y.nearest)
    .map(({ changed: _, ...row }) => row);
}

/** What the map is coloured by: the category's score, or an indicator as a count or a share. */
export type ColourBy = { readonly kind: 'score' } | { readonly kind: 'count' | 'share'; readonly indicator: string };

/** The colour select's value (`score`, `count:<id>`, `share:<id>`) as a `ColourBy`. */
export function parseColourBy(value: string): ColourBy {
  const [kind, indicator = ''] = value.split(':');
  return kind === 'count' || kind === 'share' ? { kind, indicator } : { kind: 'score' };
}

/** The map's classes with a label per class and the legend's title. */
export interface Colouring {
  readonly values: readonly (number | null)[];
  readonly breaks: readonly number[];
  readonly colours: readonly string[];
  readonly labels: readonly string[];
  readonly title: string;
}

export interface ColouringText {
  readonly templates: LegendTemplates;
  /** Appended in brackets to the first score class ("under-served"). */
  readonly underServedClass: string;
  /** Formats a normalised score, a share and a count for the class labels. */
  readonly normalized: (v: number) => string;
  readonly share: (v: number) => string;
  readonly count: (v: number) => string;
  /** The legend's title for the score, a count and a share (the caller fills the name in). */
  readonly title: (by: ColourBy, indicator: IndicatorInfo | undefined) => string;
}

/** The map classes, labels and title for colouring by `by` (a category's result for the score). */
export function colouring(
  model: GapsModel,
  categoryId: string,
  r: CategoryResult,
  by: ColourBy,
  indicators: readonly IndicatorInfo[],
  text: ColouringText,
): Colouring {
  if (by.kind === 'score') {
    const classes = scoreClasses(r, modelCategory(model, categoryId).spec.threshold);
    const labels = classLabels(classes.breaks, text.normalized, text.templates);
    if (labels[0] !== undefined) labels[0] = `${labels[0]} (${text.underServedClass})`;
    return { ...classes, labels, title: text.title(by, undefined) };
  }
  const info = indicators.find((i) => i.id === by.indicator);
  const counts = model.input.areas.indicators[by.indicator] ?? [];
  const den = info?.denominator ? (model.input.areas.indicators[info.denominator] ?? []) : [];
  const classes = indicatorClasses(counts, den, by.kind);
  const show = by.kind === 'share' ? text.share : (v: number) => text.count(Math.round(v));
  return { ...classes, labels: classLabels(classes.breaks, show, text.templates), title: text.title(by, info) };
}

/** A number, or null for NaN (GeoJSON properties cannot hold NaN). */
function finite(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** The area outlines with what the map styles read: fill colour, score, flags (see GAP_LAYERS). */
export function areaFeatures(
  model: GapsModel,
  r: CategoryResult,
  c: Pick<Colouring, 'values' | 'breaks' | 'colours'>,
  outlines: FeatureCollection<Geometry> | null,
  selected: number | null,
): FeatureCollection<Geometry> {
  const index = new Map(model.input.areas.id.map((id, a) => [id, a]));
  return {
    type: 'FeatureCollection',
    features: (outlines?.features ?? []).map((f): Feature<Geometry> => {
      const id = String(f.properties?.['id'] ?? f.id);
      const a = index.get(id) ?? -1;
      const v = a >= 0 ? c.values[a] : null;
      const score = at(r.score, a);
      return {
        type: 'Feature',
        id,
        geometry: f.geometry,
        properties: {
          id,
          area: a,
          name: model.input.areas.name[a] ?? '',
          fill: classColour(v, c),
          value: v ?? null,
          score: finite(score),
          normalized: finite(at(r.normalized, a)),
          noService: Number.isNaN(score),
          underServed: r.underServed[a] === true,
          selected: a === selected,
        },
      };
    }),
  };
}

/** The category's services as points named for the map's popups. */
export function serviceFeatures(model: GapsModel, categoryId: string): FeatureCollection<Point> {
  const { services, supply } = model.input;
  return {
    type: 'FeatureCollection',
    features: (supply[categoryId]?.loc ?? []).map((i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [at(services.x, i), at(services.y, i)] },
      properties: { name: services.name[i] ?? '' },
    })),
  };
}

/** A point feature collection of the proposed site (empty without one). */
export function proposalFeatures(p: { lon: number; lat: number } | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: p ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: {} }] : [],
  };
}

/** The area panel's content for one area. */
export interface AreaPanel {
  readonly name: string;
  /** Where the panel's name popup goes on the map. */
  readonly lon: number;
  readonly lat: number;
  readonly indicators: readonly {
    readonly label: string;
    readonly count: PublishedCount;
    /** The count's share of the denominator, when both are known and the denominator is not 0. */
    readonly share: number | null;
  }[];
  readonly languages: readonly { readonly name: string; readonly count: PublishedCount }[];
  readonly nearest: readonly {
    readonly category: string;
    /** The nearest service's name; `proposed` for the proposed site; null when the category has none. */
    readonly service: string | { readonly proposed: true } | null;
    readonly metres: number;
    readonly inReach: number;
    readonly maxCost: number;
  }[];
  /** How many services in reach offer each home language; null when none in reach says its languages. */
  readonly serviceLanguages: readonly { readonly language: string; readonly count: number }[] | null;
}

function nearestName(model: GapsModel, n: NearestService | null): string | { proposed: true } | null {
  if (n === null) return null;
  return n.kind === 'proposed' ? { proposed: true } : (model.input.services.name[n.service] ?? '');
}

/** What the panel says about area `a` with the current results (and proposal). */
export function areaPanel(
  model: GapsModel,
  results: ReadonlyMap<string, CategoryResult>,
  a: number,
  proposal: CategoryProposal | null,
  indicators: readonly IndicatorInfo[],
): AreaPanel {
  const { areas, services } = model.input;
  const langs = areas.homeLanguages[a] ?? [];
  const inReach = new Set<number>();
  const nearest = areaReach(model, results, a, proposal).map((reach) => {
    for (const i of reach.services) inReach.add(i);
    return {
      category: reach.category,
      service: nearestName(model, reach.nearest),
      metres: reach.metres,
      inReach: reach.inReach,
      maxCost: modelCategory(model, reach.category).spec.maxCost,
    };
  });
  const known = [...inReach].filter((i) => services.languages[i] !== null);
  return {
    name: areas.name[a] ?? '',
    lon: at(areas.x, a),
    lat: at(areas.y, a),
    indicators: indicators.map((info) => {
      const count = areas.indicators[info.id]?.[a] ?? null;
      const d = info.denominator ? areas.indicators[info.denominator]?.[a] : null;
      return {
        label: info.label,
        count: areaCount(model.input, info.id, a),
        share: count !== null && d ? count / d : null,
      };
    }),
    languages: langs.map((entry) => ({ name: entry[0], count: languageCount(entry) })),
    nearest,
    serviceLanguages:
      known.length === 0
        ? null
        : langs.map(([language]) => ({
            language,
            count: known.filter((i) => servesLanguage(services.languages[i] ?? [], language)).length,
          })),
  };
}

/** How many areas a result flags under-served. */
export function underServedCount(r: Pick<CategoryResult, 'underServed'> | undefined): number {
  return r?.underServed.filter(Boolean).length ?? 0;
}
