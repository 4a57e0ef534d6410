/**
 * Community dashboard indicators: city-level values for each census year in the city totals
 * file, the change between the first and last year, and how comparable the two years are
 * (from the file's caveats: some rows use a different universe or sample in each census).
 */
import { cityTotalsName, cityTotalYears, cityValue, type CityTotals } from './city-totals.ts';
import { censusRef, chartData, serviceSources, type ChartData, type FigureContext, type SourceRef } from './figures.ts';
import { formatValue } from '../charts/format.ts';
import { sumIndicator } from '../summary.ts';

export type Theme = 'demographics' | 'language';
/** `comparable`: same definition both years; `caution`: universe/sample differ slightly. */
export type Comparability = 'comparable' | 'caution';

export interface DashboardIndicatorSpec {
  /** Indicator id, also the suffix of its i18n keys (`indicator.<id>`, `dashboard.glossary.<id>`). */
  id: string;
  theme: Theme;
  /** Row of the city totals file holding the count. */
  row: string;
  /** Row holding the denominator of the share, when there is one. */
  denominatorRow?: string;
  /** i18n key saying what the share is of (`dashboard.of.*`); set with `denominatorRow`. */
  denominatorKey?: string;
  comparability: Comparability;
}

const HH = 'dashboard.of.privateHouseholds';

/** Demographics first, as the Surrey demographics page; language next. */
export const DASHBOARD_INDICATORS: readonly DashboardIndicatorSpec[] = [
  { id: 'privateHouseholdPopulation', theme: 'demographics', row: 'pop_private_hh', comparability: 'comparable' },
  {
    id: 'immigrants',
    theme: 'demographics',
    row: 'immigrants',
    denominatorRow: 'pop_private_hh',
    denominatorKey: HH,
    comparability: 'comparable',
  },
  {
    id: 'recentImmigrants',
    theme: 'demographics',
    row: 'recent_immigrants',
    denominatorRow: 'pop_private_hh',
    denominatorKey: HH,
    comparability: 'comparable',
  },
  {
    id: 'nonPermanentResidents',
    theme: 'demographics',
    row: 'non_permanent_residents',
    denominatorRow: 'pop_private_hh',
    denominatorKey: HH,
    comparability: 'comparable',
  },
  {
    id: 'notCanadianCitizens',
    theme: 'demographics',
    row: 'not_canadian_citizens',
    denominatorRow: 'pop_private_hh',
    denominatorKey: HH,
    comparability: 'comparable',
  },
  {
    id: 'refugees',
    theme: 'demographics',
    row: 'adm_refugees',
    denominatorRow: 'adm_total',
    denominatorKey: 'dashboard.of.admitted',
    comparability: 'caution',
  },
  {
    id: 'visibleMinority',
    theme: 'demographics',
    row: 'visible_minority',
    denominatorRow: 'pop_private_hh',
    denominatorKey: HH,
    comparability: 'comparable',
  },
  {
    id: 'neitherOfficialLanguage',
    theme: 'language',
    row: 'kol_neither',
    denominatorRow: 'kol_total',
    denominatorKey: 'dashboard.of.officialLanguages',
    comparability: 'caution',
  },
  { id: 'homeLanguageNonOfficial', theme: 'language', row: 'home_lang_non_official_single', comparability: 'caution' },
];

export interface YearValue {
  year: number;
  value: number | null;
  share: number | null;
  /** The file's definition and caveat text for this year's row. */
  definition: string;
}

export interface DashboardIndicator extends DashboardIndicatorSpec {
  years: YearValue[];
  /** Last minus first count; null when either is unknown. */
  change: number | null;
  /** Relative change of the count (0.05 = +5 %). */
  changeRatio: number | null;
  /** Last minus first share, in percentage points. */
  changePoints: number | null;
  /** The file's definition and caveat text for the latest year (English, as published). */
  definition: string;
}

export function dashboardIndicators(
  totals: CityTotals,
  specs: readonly DashboardIndicatorSpec[] = DASHBOARD_INDICATORS,
): DashboardIndicator[] {
  const years = cityTotalYears(totals);
  return specs
    .filter((spec) => totals.has(spec.row))
    .map((spec) => {
      const values: YearValue[] = years.map((year) => {
        const value = cityValue(totals, spec.row, year);
        const den = spec.denominatorRow ? cityValue(totals, spec.denominatorRow, year) : null;
        return {
          year,
          value,
          share: value !== null && den !== null && den > 0 ? value / den : null,
          definition: totals.get(spec.row)?.get(year)?.definition ?? '',
        };
      });
      const first = values[0];
      const last = values[values.length - 1];
      const twoYears = values.length >= 2 && first !== undefined && last !== undefined;
      const change = twoYears && first.value !== null && last.value !== null ? last.value - first.value : null;
      const changeRatio = change !== null && first?.value ? change / first.value : null;
      const changePoints =
        twoYears && first.share !== null && last.share !== null ? (last.share - first.share) * 100 : null;
      const latestYear = years[years.length - 1] ?? 0;
      return {
        ...spec,
        years: values,
        change,
        changeRatio,
        changePoints,
        definition: totals.get(spec.row)?.get(latestYear)?.definition ?? '',
      };
    });
}

/** The dashboard table as CSV rows (one row per indicator and year). */
export function dashboardCsvRows(
  indicators: readonly DashboardIndicator[],
  label: (id: string) => string,
): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['indicator_id', 'indicator', 'theme', 'year', 'value', 'share_percent', 'comparability', 'definition'],
  ];
  for (const ind of indicators) {
    for (const y of ind.years) {
      rows.push([
        ind.id,
        label(ind.id),
        ind.theme,
        y.year,
        y.value,
        y.share === null ? null : Number((y.share * 100).toFixed(2)),
        ind.comparability,
        y.definition,
      ]);
    }
  }
  return rows;
}

/** Top home languages compared across the years of the city totals, as a two-series chart. */
export function homeLanguageChangeRows(
  totals: CityTotals,
  limit = 10,
): { years: number[]; rows: { key: string; label: string; lang: string; values: (number | null)[] }[] } {
  const years = cityTotalYears(totals);
  const latest = years[years.length - 1];
  if (latest === undefined) return { years, rows: [] };
  const names = [...totals.keys()]
    .filter((k) => k.startsWith('home_lang:'))
    .sort((a, b) => (cityValue(totals, b, latest) ?? -1) - (cityValue(totals, a, latest) ?? -1) || a.localeCompare(b))
    .slice(0, limit);
  return {
    years,
    rows: names.map((k) => ({
      key: k,
      label: k.slice('home_lang:'.length),
      lang: 'en',
      values: years.map((y) => cityValue(totals, k, y)),
    })),
  };
}

/** Service-based indicators for the themes the census file does not cover. */
export const SERVICE_THEMES = [
  { theme: 'employment', categories: ['employment'] },
  { theme: 'housing', categories: ['housing'] },
  { theme: 'health', categories: ['health', 'pharmacy', 'health_diagnostic'] },
  { theme: 'education', categories: ['education', 'language_training'] },
] as const;

/** Locations offering any of the categories, and that count per 10,000 residents (null when the population is unknown). */
export function serviceThemeFigure(
  services: readonly { categories: readonly string[]; locations: readonly unknown[] }[],
  categories: readonly string[],
  population: number | null,
): { locations: number; per10k: number | null } {
  let locations = 0;
  for (const s of services) if (s.categories.some((c) => categories.includes(c))) locations += s.locations.length;
  return { locations, per10k: population && population > 0 ? (locations / population) * 10000 : null };
}

/** The smallest rate per 10,000 the dashboard writes as a number; a rate above zero but under it is "fewer than". */
export const PER_10K_FLOOR = 0.1;

/**
 * How a service theme's rate per 10,000 residents is written: one decimal, or "fewer than 0.1"
 * when there are locations but too few for one decimal (one location in a city of a million
 * is not "0.0"). `rate` is null when the population is unknown.
 */
export function per10kText(
  lang: string,
  per10k: number | null,
): { key: 'dashboard.per10k' | 'dashboard.per10kUnder'; rate: string | null } {
  if (per10k !== null && per10k > 0 && per10k < PER_10K_FLOOR)
    return { key: 'dashboard.per10kUnder', rate: formatValue(lang, PER_10K_FLOOR, 'rate') };
  return { key: 'dashboard.per10k', rate: formatValue(lang, per10k, 'rate') };
}

/** A service theme with its count of locations and that count per 10,000 residents. */
export type ServiceThemeFigure = (typeof SERVICE_THEMES)[number] & { locations: number; per10k: number | null };

/** What the dashboard page shows, from the city's figure context. */
export interface DashboardView {
  /** Whether the LIP has a city totals file: without one the census themes are left out. */
  hasCityTotals: boolean;
  /** Census indicators from the city totals file (empty without one). */
  indicators: DashboardIndicator[];
  /** Census years the indicators cover, e.g. `2016/2021` (the census year without city totals). */
  temporalCoverage: string;
  changeChart: ChartData | null;
  languageChart: ChartData | null;
  perNewcomersChart: ChartData | null;
  serviceThemes: ServiceThemeFigure[];
  /** Sources of the service themes: the service layers and the census population. */
  serviceSources: SourceRef[];
}

export function dashboardView(ctx: FigureContext): DashboardView {
  const { census } = ctx.config;
  const indicators = ctx.cityTotals ? dashboardIndicators(ctx.cityTotals) : [];
  const population = sumIndicator(ctx.areas, 'population').total;
  return {
    hasCityTotals: ctx.cityTotals !== null,
    indicators,
    temporalCoverage: indicators[0]?.years.map((y) => y.year).join('/') ?? String(census.year),
    changeChart: chartData(ctx, 'change-2016-2021'),
    languageChart: ctx.cityTotals ? homeLanguageChart(ctx.cityTotals, census) : null,
    perNewcomersChart: chartData(ctx, 'services-per-1000-newcomers', 16),
    // "Per 10,000 residents" divides the listed layers' locations by the census population.
    serviceThemes: SERVICE_THEMES.map((s) => ({ ...s, ...serviceThemeFigure(ctx.services, s.categories, population) })),
    serviceSources: [
      ...serviceSources(ctx),
      { name: census.sourceName, date: String(census.year), detail: censusRef(ctx, ['population']) },
    ],
  };
}

/** The top home languages in each year of the city totals as a chart; null when the file has none. */
export function homeLanguageChart(
  totals: CityTotals,
  census: Pick<FigureContext['config']['census'], 'sourceName' | 'cityTotals'>,
  limit = 10,
): ChartData | null {
  const { years, rows } = homeLanguageChangeRows(totals, limit);
  if (rows.length === 0) return null;
  return {
    dataset: 'home-languages',
    titleKey: 'dashboard.homeLanguagesChange',
    unit: 'count',
    series: years.map((y) => ({ key: String(y), label: String(y) })),
    rows,
    sources: years.map((y) => ({
      name: census.sourceName.replace(/20\d\d/, String(y)),
      date: String(y),
      detail: `${cityTotalsName(census.cityTotals)}, rows home_lang:<language>`,
    })),
    notes: ['dashboard.homeLanguagesNote'],
  };
}
