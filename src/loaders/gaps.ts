/**
 * Build-time glue for the service-gaps page and its downloads: loads the generated areas and
 * services, builds the gaps input and scores every configured category once per build (the
 * pages of every locale and the download endpoints share the promise).
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { site, SITE_PATHS } from '../site.ts';
import type { Area } from '../lib/schema/area.ts';
import { buildGapsInput } from '../lib/access/build-input.ts';
import { loadCostTable, loadDemandLayer } from '../lib/access/load-demand-layer.ts';
import {
  createGapsModel,
  scoreModelCategory,
  type GapsCategoryInput,
  type GapsCost,
  type GapsInput,
  type GapsModel,
} from '../lib/access/gaps-input.ts';
import type { CategoryResult } from '../lib/access/analysis.ts';
import { robustFlags, variationResults, type VariationResult } from '../lib/access/robustness.ts';
import type { Translate } from '../i18n/index.ts';
import { uiKey } from '../i18n/keys.ts';
import { LOCALES, intlTag, type Locale } from '../i18n/locales.ts';
import { localizedPath } from '../i18n/routes.ts';
import { gapFormatters, type FormatMessages, type GapFormatters } from '../components/gaps/format.ts';

/** One analysed category with its results. */
export interface AnalysedCategory {
  readonly spec: GapsCategoryInput;
  readonly result: CategoryResult;
  /** Per area, whether its under-served flag holds under every variation. */
  readonly robust: readonly boolean[];
}

export interface GapsAnalysis {
  readonly input: GapsInput;
  /** Every category with its results, in config order. */
  readonly categories: readonly AnalysedCategory[];
  readonly model: GapsModel;
  /** Category id → results, in config order. */
  readonly results: ReadonlyMap<string, CategoryResult>;
  /** Category id → the results under each variation of the assumptions (robustness.ts). */
  readonly variations: ReadonlyMap<string, readonly VariationResult[]>;
  /** Category id → per area, whether its under-served flag holds under every variation. */
  readonly robust: ReadonlyMap<string, readonly boolean[]>;
  /** Milliseconds the analysis took (input + pairs + scores), for the build log. */
  readonly millis: number;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** The areas in a stable order (by id), shared by the page, the map data and the downloads. */
export async function sortedAreas(): Promise<Area[]> {
  return (await getCollection('areas')).map((e) => e.data).sort(byId);
}

let analysis: Promise<GapsAnalysis | null> | undefined;

/** The analysis for the configured site; null when the config has no `gaps` block. */
export function gapsAnalysis(): Promise<GapsAnalysis | null> {
  analysis ??= (async () => {
    const areas = await sortedAreas();
    const services = (await getCollection('services')).map((e) => e.data).sort(byId);
    const start = performance.now();
    const configDir = resolve(SITE_PATHS.dir);
    const input = buildGapsInput(
      areas,
      services,
      site,
      loadDemandLayer(site.gaps, configDir),
      loadCostTable(site.gaps, configDir),
    );
    if (!input) return null;
    const model = createGapsModel(input);
    const categories = input.params.categories.map((spec) => {
      const result = scoreModelCategory(model, spec.id);
      const varied = variationResults(model, spec.id);
      return { spec, result, varied, robust: robustFlags(result, varied) };
    });
    const results = new Map(categories.map((c) => [c.spec.id, c.result]));
    const variations = new Map(categories.map((c) => [c.spec.id, c.varied]));
    const robust = new Map(categories.map((c) => [c.spec.id, c.robust]));
    const millis = performance.now() - start;
    console.info(
      `[gaps] ${String(input.params.categories.length)} categories × ${String(input.areas.id.length)} areas (${String(input.points.x.length)} demand points) in ${millis.toFixed(0)} ms`,
    );
    return { input, categories, model, results, variations, robust, millis };
  })();
  return analysis;
}

/** The analysis, for the pages that exist only with one (their getStaticPaths lists none without). */
export async function requiredGapsAnalysis(): Promise<GapsAnalysis> {
  const a = await gapsAnalysis();
  if (!a) throw new Error('the gaps pages need a `gaps` block in the site config');
  return a;
}

/** A category of the analysis by id; throws naming it when it is not analysed. */
export function analysedCategory(a: GapsAnalysis, id: string): AnalysedCategory {
  const c = a.categories.find((x) => x.spec.id === id);
  if (!c) throw new Error(`gaps: category "${id}" is not analysed`);
  return c;
}

/** The formatters every gaps page and table uses, in the page's language. */
export function pageFormatters(
  locale: Locale,
  t: Translate,
  params: Pick<GapsInput['params'], 'smallCountThreshold' | 'cost'> = {
    smallCountThreshold: 10,
    cost: { kind: 'straight-line' },
  },
): { messages: FormatMessages; f: GapFormatters } {
  const messages: FormatMessages = {
    fewerThan: t('gaps.fewerThan', { n: '{n}' }),
    notKnown: t('gaps.notKnown'),
    noService: t('gaps.noService'),
    none: t('gaps.none'),
  };
  return { messages, f: gapFormatters(intlTag(locale), params.smallCountThreshold, messages, params.cost) };
}

/** Which travel cost the analysis uses, in words: "straight-line distance…" or "travel time from OSRM…, in minutes". */
export function costName(cost: GapsCost, t: Translate, f: GapFormatters): string {
  if (cost.kind === 'straight-line') return t('gaps.cost.straightLine');
  return t(cost.measure === 'time' ? 'gaps.cost.time' : 'gaps.cost.distance', {
    engine: cost.engine,
    unit: f.costUnit,
  });
}

/** The sentence that introduces a category: its demand, catchment (in the cost's unit) and supply. */
export function categorySummary(spec: GapsCategoryInput, input: GapsInput, t: Translate, f: GapFormatters): string {
  const demand = demandLabel(spec, input, t);
  const cost = input.params.cost;
  if (cost.kind === 'straight-line')
    return t('gaps.categorySummary', { demand, km: f.km(spec.maxCost), count: spec.coverage.places });
  return t('gaps.categorySummaryTable', {
    demand,
    cost: f.cost(spec.maxCost),
    costName: costName(cost, t, f),
    places: spec.coverage.places,
  });
}

/** Area indexes in the alphabetical order of their names in the page's language. */
export function areasByName(input: GapsInput, locale: Locale): number[] {
  const lang = LOCALES[locale].lang;
  return input.areas.id
    .map((_, a) => a)
    .sort((a, b) => (input.areas.name[a] ?? '').localeCompare(input.areas.name[b] ?? '', lang));
}

/** The name of what a category's demand counts (its census indicator), in the page's language. */
export function demandLabel(spec: GapsCategoryInput, input: GapsInput, t: Translate): string {
  const indicator = input.params.indicators.find((i) => i.id === spec.demand);
  return indicator ? t(uiKey(indicator.label, `census.indicators.${indicator.id}.label`)) : spec.demand;
}

/** The fact-sheet address of every area, with `{id}` where the area id goes (for the script too). */
export function factSheetHref(locale: Locale): string {
  return localizedPath(locale, 'fact-sheets/neighbourhoods/{id}/');
}

/** What each analysed category's components (its section, full table and flagged areas) receive. */
export interface CategoryProps {
  spec: GapsCategoryInput;
  input: GapsInput;
  result: CategoryResult;
}

/** The number formatters, demand label and fact-sheet address a category's components share. */
export function categoryText(
  locale: Locale,
  t: Translate,
  spec: GapsCategoryInput,
  input: GapsInput,
): { f: GapFormatters; demand: string; href: string } {
  return {
    f: pageFormatters(locale, t, input.params).f,
    demand: demandLabel(spec, input, t),
    href: factSheetHref(locale),
  };
}
