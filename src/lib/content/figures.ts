/**
 * The numbers behind fact sheets: key figures and chart datasets computed at build time from
 * the census areas, the services and the city totals, for the whole city or one area. Authors
 * only name a block (`src/lib/schema/content.ts`); every number comes from here, so the page,
 * its data table and its CSV download cannot disagree.
 *
 * Unknown is not zero: a suppressed census cell stays null, and a city sum says how many areas
 * were unknown.
 */
import { CATEGORIES, type CategoryId } from '../categories.ts';
import type { Area } from '../schema/area.ts';
import type { SiteConfig } from '../schema/config.ts';
import type { Service } from '../schema/service.ts';
import type { ChartDataset, FactSheetBlock } from '../schema/content.ts';
import { cityTotalsName, cityTotalYears, cityValue, homeLanguagesForYear, type CityTotals } from './city-totals.ts';
import { csvDocument } from '../csv/write.ts';
import { sumIndicator } from '../summary.ts';

export type AreaLike = Pick<Area, 'id' | 'name' | 'indicators' | 'homeLanguages'>;
export type ServiceLike = Pick<Service, 'categories' | 'locations' | 'source'>;

export type Scope = { kind: 'city' } | { kind: 'area'; areaId: string };

export interface FigureContext {
  areas: readonly AreaLike[];
  services: readonly ServiceLike[];
  config: Pick<SiteConfig, 'census'>;
  cityTotals: CityTotals | null;
  scope: Scope;
}

/** Where a number comes from, shown under every chart: publisher and date of the data. */
export interface SourceRef {
  name: string;
  date: string;
  /** The file, table and columns the numbers are read from (`file.csv: col ÷ denominator`), in English. */
  detail?: string;
}

/** The pseudo-indicator counting service locations in the scope. */
export const SERVICE_LOCATIONS = 'serviceLocations';

export interface KeyFigure {
  id: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Count; null = unknown. */
  value: number | null;
  /** Share of the indicator's denominator, 0..1; null when it has none or it is unknown. */
  share: number | null;
  /** i18n key of the denominator's label (what the share is of). */
  shareOfKey: string | null;
  /** Areas whose value was unknown and left out of a city sum. */
  unknownAreas: number;
  /** Where the number is read: `file.csv: column ÷ denominator column`; null for counts of listed services. */
  ref: string | null;
}

export interface ChartRow {
  key: string;
  /** i18n key of the label, when the label is a known term. */
  labelKey?: string;
  /** Literal label (a language or area name from the data). */
  label?: string;
  /** Language of a literal label (census language names are published in English). */
  lang?: string;
  /** One value per series; null = unknown. */
  values: (number | null)[];
}

export interface ChartData {
  dataset: ChartDataset;
  /** i18n key of the chart title. */
  titleKey: string;
  /** `count`: people or places; `share`: a fraction 0..1 shown as a percentage; `rate`: per 1,000. */
  unit: 'count' | 'share' | 'rate';
  series: { key: string; label: string }[];
  rows: ChartRow[];
  sources: SourceRef[];
  /** i18n keys of notes shown under the chart (caveats). */
  notes: string[];
  /** For shares: i18n label keys of what they are shares of (the denominators), in row order. */
  shareOf?: string[];
}

export type ResolvedBlock =
  | { type: 'key-figures'; figures: KeyFigure[]; sources: SourceRef[] }
  | { type: 'bar-chart'; chart: ChartData }
  /** The dataset does not exist for this scope (e.g. a city ranking on an area sheet) or this LIP's data. */
  | { type: 'unavailable'; dataset: ChartDataset; reason: 'scope' | 'no-data' };

/** The areas a scope covers. */
export function scopeAreas(ctx: Pick<FigureContext, 'areas' | 'scope'>): readonly AreaLike[] {
  const { scope } = ctx;
  return scope.kind === 'city' ? ctx.areas : ctx.areas.filter((a) => a.id === scope.areaId);
}

/** Service locations inside the scope, one entry per location with its service's categories. */
export function scopeLocations(
  ctx: Pick<FigureContext, 'services' | 'scope'>,
): { categories: readonly CategoryId[]; layer: string }[] {
  const out: { categories: readonly CategoryId[]; layer: string }[] = [];
  for (const service of ctx.services) {
    for (const location of service.locations) {
      if (ctx.scope.kind === 'area' && location.areaId !== ctx.scope.areaId) continue;
      out.push({ categories: service.categories, layer: service.source.layer });
    }
  }
  return out;
}

/**
 * Share of an indicator in its denominator over the scope, counting only areas where both are
 * known (so a suppressed numerator does not shrink the share).
 */
export function scopeShare(areas: readonly AreaLike[], id: string, denominator: string): number | null {
  let num = 0;
  let den = 0;
  for (const a of areas) {
    const n = a.indicators[id];
    const d = a.indicators[denominator];
    if (n === null || n === undefined || d === null || d === undefined) continue;
    num += n;
    den += d;
  }
  return den > 0 ? num / den : null;
}

/** The census file's name without its folder. */
function censusFile(ctx: Pick<FigureContext, 'config'>): string {
  return ctx.config.census.file.split('/').pop() ?? ctx.config.census.file;
}

/** `column` or `column ÷ denominator column` of an indicator of the census file. */
function columnRef(ctx: Pick<FigureContext, 'config'>, id: string): string {
  const spec = ctx.config.census.indicators[id];
  if (!spec) return id;
  const den = spec.denominator ? ctx.config.census.indicators[spec.denominator] : undefined;
  return den ? `${spec.column} ÷ ${den.column}` : spec.column;
}

/** `file.csv: a ÷ d, b ÷ d`: where a census figure or chart is read. */
export function censusRef(ctx: Pick<FigureContext, 'config'>, ids: readonly string[]): string {
  return `${censusFile(ctx)}: ${ids.map((id) => columnRef(ctx, id)).join(', ')}`;
}

/** A source as written under a figure: `name (date): detail`. */
export function sourceText(s: SourceRef): string {
  const head = s.date ? `${s.name} (${s.date})` : s.name;
  return s.detail ? `${head}: ${s.detail}` : head;
}

function censusSource(ctx: FigureContext, detail?: string): SourceRef {
  const ref: SourceRef = { name: ctx.config.census.sourceName, date: String(ctx.config.census.year) };
  return detail ? { ...ref, detail } : ref;
}

/** A city-totals source for one census year (the source name carries the year). */
function cityTotalsSource(ctx: FigureContext, year: number, rows: string): SourceRef {
  return {
    name: ctx.config.census.sourceName.replace(/20\d\d/, String(year)),
    date: String(year),
    detail: `${cityTotalsName(ctx.config.census.cityTotals)}, ${rows}`,
  };
}

/** Publishers and dates of the service layers, one entry each. */
export function serviceSources(ctx: Pick<FigureContext, 'services'>): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const s of ctx.services) {
    const key = `${s.source.publisher}|${s.source.dataDate ?? ''}`;
    if (!seen.has(key)) seen.set(key, { name: s.source.publisher, date: s.source.dataDate ?? '' });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function keyFigures(ctx: FigureContext, ids: readonly string[]): KeyFigure[] {
  const areas = scopeAreas(ctx);
  return ids.map((id) => {
    if (id === SERVICE_LOCATIONS) {
      return {
        id,
        labelKey: 'indicator.serviceLocations',
        value: scopeLocations(ctx).length,
        share: null,
        shareOfKey: null,
        unknownAreas: 0,
        ref: null,
      };
    }
    const spec = ctx.config.census.indicators[id];
    if (!spec)
      throw new Error(
        `Unknown indicator "${id}": use an id from census.indicators in the site configuration, or ${SERVICE_LOCATIONS}`,
      );
    const { total, unknownAreas } = sumIndicator(areas, id);
    const denominator = spec.denominator;
    const denominatorSpec = denominator ? ctx.config.census.indicators[denominator] : undefined;
    return {
      id,
      labelKey: spec.label,
      value: total,
      share: denominator ? scopeShare(areas, id, denominator) : null,
      shareOfKey: denominatorSpec?.label ?? null,
      unknownAreas,
      ref: censusRef(ctx, [id]),
    };
  });
}

function labelOf(ctx: Pick<FigureContext, 'config'>, id: string): string {
  return ctx.config.census.indicators[id]?.label ?? `indicator.${id}`;
}

const single = (label: string) => [{ key: 'value', label }];

function homeLanguages(ctx: FigureContext, limit: number): ChartData | null {
  const rows: ChartRow[] = [];
  let sources: SourceRef[];
  const notes: string[] = [];
  if (ctx.scope.kind === 'city' && ctx.cityTotals) {
    const year = ctx.config.census.year;
    sources = [cityTotalsSource(ctx, year, `rows home_lang:<language>, year ${year}`)];
    for (const l of homeLanguagesForYear(ctx.cityTotals, year).slice(0, limit)) {
      rows.push({ key: l.name, label: l.name, lang: 'en', values: [l.count] });
    }
    notes.push('chart.note.homeLanguagesCity');
  } else if (ctx.scope.kind === 'area') {
    const area = scopeAreas(ctx)[0];
    if (!area) return null;
    for (const l of area.homeLanguages.slice(0, limit))
      rows.push({ key: l.name, label: l.name, lang: 'en', values: [l.count] });
    notes.push('chart.note.homeLanguagesArea');
    sources = [censusSource(ctx, `${censusFile(ctx)}: ${homeLanguageColumns(ctx)}`)];
  } else {
    // No city totals: the sum of each area's top languages undercounts, so it is labelled as such.
    const sums = new Map<string, number>();
    for (const a of ctx.areas)
      for (const l of a.homeLanguages) if (l.count !== null) sums.set(l.name, (sums.get(l.name) ?? 0) + l.count);
    for (const [name, count] of [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit)) {
      rows.push({ key: name, label: name, lang: 'en', values: [count] });
    }
    notes.push('chart.note.homeLanguagesPartial');
    sources = [censusSource(ctx, `${censusFile(ctx)}: ${homeLanguageColumns(ctx)}`)];
  }
  if (rows.length === 0) return null;
  return {
    dataset: 'home-languages',
    titleKey: 'chart.title.homeLanguages',
    unit: 'count',
    series: single('chart.series.people'),
    rows,
    sources,
    notes,
  };
}

/** `home_lang_1_name/home_lang_1_count … home_lang_5_…`: the configured top-language columns. */
function homeLanguageColumns(ctx: Pick<FigureContext, 'config'>): string {
  const cols = ctx.config.census.homeLanguages ?? [];
  const first = cols[0];
  const last = cols[cols.length - 1];
  if (!first || !last) return 'home languages';
  return cols.length === 1
    ? `${first.name}, ${first.count}`
    : `${first.name}, ${first.count} … ${last.name}, ${last.count}`;
}

function shareChart(
  ctx: FigureContext,
  dataset: ChartDataset,
  titleKey: string,
  ids: readonly string[],
): ChartData | null {
  const areas = scopeAreas(ctx);
  const rows: ChartRow[] = [];
  const used: string[] = [];
  for (const id of ids) {
    const spec = ctx.config.census.indicators[id];
    if (!spec?.denominator) continue;
    rows.push({ key: id, labelKey: spec.label, values: [scopeShare(areas, id, spec.denominator)] });
    used.push(id);
  }
  if (rows.length === 0) return null;
  return {
    dataset,
    titleKey,
    unit: 'share',
    series: single('chart.series.share'),
    rows,
    sources: [censusSource(ctx, censusRef(ctx, used))],
    notes: ['chart.note.rounded'],
    shareOf: denominatorLabels(ctx, used),
  };
}

/** The distinct denominators' label keys of the indicators, in order. */
function denominatorLabels(ctx: Pick<FigureContext, 'config'>, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const den = ctx.config.census.indicators[id]?.denominator;
    const label = den ? labelOf(ctx, den) : undefined;
    if (label && !out.includes(label)) out.push(label);
  }
  return out;
}

/** Service locations per category in the scope, in vocabulary order, categories with none left out. */
export function locationsByCategory(ctx: FigureContext): Map<CategoryId, number> {
  const counts = new Map<CategoryId, number>();
  for (const loc of scopeLocations(ctx))
    for (const c of new Set(loc.categories)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return new Map(CATEGORIES.flatMap(({ id }) => (counts.has(id) ? [[id, counts.get(id) ?? 0] as const] : [])));
}

function servicesByCategory(ctx: FigureContext, limit: number): ChartData | null {
  const rows = [...locationsByCategory(ctx)]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id, n]) => ({ key: id, labelKey: `category.${id}`, values: [n] }));
  return {
    dataset: 'services-by-category',
    titleKey: 'chart.title.servicesByCategory',
    unit: 'count',
    series: single('chart.series.locations'),
    rows,
    sources: serviceSources(ctx),
    notes: ['chart.note.servicesCounted'],
  };
}

/** Locations per 1,000 recent immigrants, by category; null rate when the newcomer count is unknown or 0. */
function servicesPer1000(ctx: FigureContext, limit: number): ChartData | null {
  if (!ctx.config.census.indicators['recentImmigrants']) return null;
  const { total } = sumIndicator(scopeAreas(ctx), 'recentImmigrants');
  const rows = [...locationsByCategory(ctx)]
    .map(([id, n]) => ({
      key: id,
      labelKey: `category.${id}`,
      values: [total && total > 0 ? (n / total) * 1000 : null],
    }))
    .sort((a, b) => (b.values[0] ?? -1) - (a.values[0] ?? -1))
    .slice(0, limit);
  return {
    dataset: 'services-per-1000-newcomers',
    titleKey: 'chart.title.servicesPer1000',
    unit: 'rate',
    series: single('chart.series.per1000'),
    rows,
    sources: [censusSource(ctx, censusRef(ctx, ['recentImmigrants'])), ...serviceSources(ctx)],
    notes: ['chart.note.per1000'],
  };
}

function areasMostRecent(ctx: FigureContext, limit: number): ChartData | null {
  if (!ctx.config.census.indicators['recentImmigrants']) return null;
  const rows = ctx.areas
    .filter((a) => a.indicators['recentImmigrants'] !== null && a.indicators['recentImmigrants'] !== undefined)
    .map((a) => ({ key: a.id, label: a.name, values: [a.indicators['recentImmigrants'] ?? null] }))
    .sort((a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0) || a.label.localeCompare(b.label))
    .slice(0, limit);
  return {
    dataset: 'areas-most-recent-immigrants',
    titleKey: 'chart.title.areasMostRecent',
    unit: 'count',
    series: single('chart.series.people'),
    rows,
    sources: [censusSource(ctx, censusRef(ctx, ['recentImmigrants']))],
    notes: ['chart.note.rounded'],
  };
}

/** City-total rows compared across census years, as shares (percent rows divided by 100). */
export const CHANGE_ROWS = [
  { key: 'pct_immigrants', indicator: 'immigrants' },
  { key: 'pct_recent_immigrants', indicator: 'recentImmigrants' },
  { key: 'pct_non_permanent_residents', indicator: 'nonPermanentResidents' },
  { key: 'pct_kol_neither', indicator: 'neitherOfficialLanguage' },
] as const;

function change(ctx: FigureContext): ChartData | null {
  if (!ctx.cityTotals) return null;
  const years = cityTotalYears(ctx.cityTotals);
  if (years.length < 2) return null;
  const present = CHANGE_ROWS.filter((r) => ctx.cityTotals?.has(r.key));
  const rows = present.map((r) => ({
    key: r.key,
    labelKey: labelOf(ctx, r.indicator),
    values: years.map((y) => {
      const v = ctx.cityTotals ? cityValue(ctx.cityTotals, r.key, y) : null;
      return v === null ? null : v / 100;
    }),
  }));
  return {
    dataset: 'change-2016-2021',
    titleKey: 'chart.title.change',
    unit: 'share',
    series: years.map((y) => ({ key: String(y), label: String(y) })),
    rows,
    // Both years come from the same rows of one file: name them once, after the last year.
    sources: years.map((y, i) => {
      const ref = cityTotalsSource(ctx, y, `rows ${rows.map((r) => r.key).join(', ')}`);
      return i === years.length - 1 ? ref : { name: ref.name, date: ref.date };
    }),
    notes: ['chart.note.changeComparability'],
    shareOf: denominatorLabels(
      ctx,
      present.map((r) => r.indicator),
    ),
  };
}

/** Computes one chart dataset for the context's scope; null when the data cannot give it. */
export function chartData(ctx: FigureContext, dataset: ChartDataset, limit = 10): ChartData | null {
  switch (dataset) {
    case 'home-languages':
      return homeLanguages(ctx, limit);
    case 'newcomer-profile':
      return shareChart(ctx, dataset, 'chart.title.newcomerProfile', [
        'immigrants',
        'recentImmigrants',
        'nonPermanentResidents',
        'refugees',
        'notCanadianCitizens',
      ]);
    case 'official-languages':
      return shareChart(ctx, dataset, 'chart.title.officialLanguages', [
        'neitherOfficialLanguage',
        'frenchOnly',
        'englishAndFrench',
      ]);
    case 'services-by-category':
      return servicesByCategory(ctx, limit);
    case 'services-per-1000-newcomers':
      return servicesPer1000(ctx, limit);
    case 'areas-most-recent-immigrants':
      return ctx.scope.kind === 'city' ? areasMostRecent(ctx, limit) : null;
    case 'change-2016-2021':
      return ctx.scope.kind === 'city' ? change(ctx) : null;
  }
}

/** Datasets that only make sense for the whole city. */
const CITY_ONLY: ReadonlySet<ChartDataset> = new Set(['areas-most-recent-immigrants', 'change-2016-2021']);

/** Resolves a fact sheet's blocks for a scope. */
export function resolveBlocks(ctx: FigureContext, blocks: readonly FactSheetBlock[]): ResolvedBlock[] {
  return blocks.map((block): ResolvedBlock => {
    if (block.type === 'key-figures') {
      const figures = keyFigures(ctx, block.indicators);
      const census = block.indicators.filter((i) => i !== SERVICE_LOCATIONS);
      const sources = [
        censusSource(ctx, censusRef(ctx, census)),
        ...(census.length < block.indicators.length ? serviceSources(ctx) : []),
      ];
      return { type: 'key-figures', figures, sources };
    }
    if (ctx.scope.kind === 'area' && CITY_ONLY.has(block.data))
      return { type: 'unavailable', dataset: block.data, reason: 'scope' };
    const chart = chartData(ctx, block.data, block.limit);
    return chart ? { type: 'bar-chart', chart } : { type: 'unavailable', dataset: block.data, reason: 'no-data' };
  });
}

/**
 * The numbers of resolved blocks as CSV rows: section, item, series, value, unit, source.
 * Unknown values are empty cells (not 0). Shares are written as percentages with 2 decimals.
 */
export function blocksToCsv(blocks: readonly ResolvedBlock[], t: (key: string) => string): string {
  const rows: (string | number | null)[][] = [];
  const round = (v: number | null, unit: string) =>
    v === null ? null : unit === 'share' ? Number((v * 100).toFixed(2)) : unit === 'rate' ? Number(v.toFixed(2)) : v;
  const unitName = (unit: string) => (unit === 'share' ? 'percent' : unit === 'rate' ? 'per 1,000' : 'count');
  const src = (s: readonly SourceRef[]) => s.map(sourceText).join('; ');
  for (const block of blocks) {
    if (block.type === 'key-figures') {
      for (const f of block.figures) {
        rows.push([t('factSheet.keyFigures'), t(f.labelKey), '', f.value, 'count', src(block.sources)]);
        if (f.shareOfKey)
          rows.push([
            t('factSheet.keyFigures'),
            t(f.labelKey),
            t('chart.series.share'),
            round(f.share, 'share'),
            'percent',
            src(block.sources),
          ]);
      }
    } else if (block.type === 'bar-chart') {
      const c = block.chart;
      for (const r of c.rows) {
        r.values.forEach((v, i) => {
          rows.push([
            t(c.titleKey),
            r.labelKey ? t(r.labelKey) : (r.label ?? r.key),
            c.series.length > 1 ? (c.series[i]?.label ?? '') : '',
            round(v, c.unit),
            unitName(c.unit),
            src(c.sources),
          ]);
        });
      }
    }
  }
  return csvDocument(['section', 'item', 'series', 'value', 'unit', 'source'], rows);
}
