/**
 * An independent recomputation of the published figures of the Toronto demo, straight from the
 * raw files in demo/toronto/data/census (the City's 2021 neighbourhood profile, as published, and the
 * city totals file for 2016) and the generated service list. It shares no code with the site:
 * its own CSV reading, its own walk down the profile's label tree, its own sums, shares and
 * rankings, so a bug in the site's derivation or rendering shows up as a difference.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8').replace(/^\uFEFF/, '');

/** Where each indicator sits in the raw profile: its table's total row, then labels below it. */
const HH = 'Total - Immigrant status and period of immigration for the population in private households';
const KOL = 'Total - Knowledge of official languages for the population in private households';
const ADM = 'Total - Admission category and applicant type for the immigrant population in private households';
const HOME = 'Total - Language spoken most often at home for the population in private households';
export const PROFILE_PATHS: Record<string, readonly string[]> = {
  population: ['Total - Age groups of the population - 25% sample data'],
  privateHouseholdPopulation: [HH],
  immigrants: [HH, 'Immigrants'],
  recentImmigrants: [HH, 'Immigrants', '2011 to 2021', '2016 to 2021'],
  nonPermanentResidents: [HH, 'Non-permanent residents'],
  notCanadianCitizens: ['Total - Citizenship for the population in private households', 'Not Canadian citizens'],
  refugees: [ADM, 'Refugees'],
  admissionTotal: [ADM],
  visibleMinority: [
    'Total - Visible minority for the population in private households',
    'Total visible minority population',
  ],
  officialLanguageTotal: [KOL],
  neitherOfficialLanguage: [KOL, 'Neither English nor French'],
  frenchOnly: [KOL, 'French only'],
  englishAndFrench: [KOL, 'English and French'],
  homeLanguageTotal: [HOME],
  homeLanguageNonOfficial: [HOME, 'Single responses', 'Non-official languages'],
};

/** What each share is of. */
export const DENOMINATOR: Record<string, string> = {
  immigrants: 'privateHouseholdPopulation',
  recentImmigrants: 'privateHouseholdPopulation',
  nonPermanentResidents: 'privateHouseholdPopulation',
  notCanadianCitizens: 'privateHouseholdPopulation',
  refugees: 'privateHouseholdPopulation',
  neitherOfficialLanguage: 'officialLanguageTotal',
  frenchOnly: 'officialLanguageTotal',
  englishAndFrench: 'officialLanguageTotal',
  homeLanguageNonOfficial: 'homeLanguageTotal',
};

interface Row {
  label: string;
  depth: number;
  cells: string[];
}

export interface RawCensus {
  /** Neighbourhood ids in column order. */
  ids: string[];
  /** indicator → area id → count (null when suppressed). */
  values: Map<string, Map<string, number | null>>;
  /** Single non-official home languages (leaf rows): name → area id → count. */
  languages: Map<string, Map<string, number | null>>;
}

const cell = (raw: string | undefined): number | null => {
  const t = (raw ?? '').trim();
  if (t === '' || t === 'x' || t === 'X' || t === '...' || t === 'F') return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
};

/** Reads the raw 2021 profile and picks every indicator and home language per neighbourhood. */
export function readRawCensus(): RawCensus {
  const table = Papa.parse<string[]>(read('demo/toronto/data/census/neighbourhood_profiles_2021_158.csv'), {
    skipEmptyLines: true,
  }).data;
  const rows: Row[] = table.map((r) => ({
    label: (r[0] ?? '').trim(),
    depth: (r[0] ?? '').length - (r[0] ?? '').trimStart().length,
    cells: r.slice(1),
  }));
  const ids = rows.find((r) => r.label === 'Neighbourhood Number')?.cells.map((c) => c.trim()) ?? [];
  const find = (path: readonly string[]): number => {
    const [total, ...below] = path;
    const starts = rows.flatMap((r, i) => (r.label.startsWith(total ?? '?') ? [i] : []));
    if (starts.length !== 1) throw new Error(`"${total}": ${starts.length} rows`);
    let at = starts[0] as number;
    for (const label of below) {
      const parent = rows[at] as Row;
      let i = at + 1;
      while (i < rows.length && (rows[i] as Row).depth > parent.depth && (rows[i] as Row).label !== label) i += 1;
      if (i >= rows.length || (rows[i] as Row).depth <= parent.depth)
        throw new Error(`no "${label}" below "${parent.label}"`);
      at = i;
    }
    return at;
  };
  const byArea = (row: Row) => new Map(ids.map((id, c) => [id, cell(row.cells[c])]));
  const values = new Map(Object.entries(PROFILE_PATHS).map(([id, path]) => [id, byArea(rows[find(path)] as Row)]));
  const nonOfficial = find(PROFILE_PATHS['homeLanguageNonOfficial'] as readonly string[]);
  const languages = new Map<string, Map<string, number | null>>();
  const top = rows[nonOfficial] as Row;
  for (let i = nonOfficial + 1; i < rows.length && (rows[i] as Row).depth > top.depth; i += 1) {
    const next = rows[i + 1];
    const leaf = next === undefined || next.depth <= (rows[i] as Row).depth;
    if (leaf) languages.set((rows[i] as Row).label, byArea(rows[i] as Row));
  }
  return { ids, values, languages };
}

/** Sum over areas, leaving suppressed cells out; null when all are unknown. */
export function total(values: Map<string, number | null>, ids: readonly string[]): number | null {
  const known = ids.map((id) => values.get(id)).filter((v): v is number => v !== null && v !== undefined);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Share of an indicator in its denominator over areas where both are known. */
export function share(raw: RawCensus, id: string, ids: readonly string[]): number | null {
  const den = DENOMINATOR[id];
  if (!den) return null;
  let n = 0;
  let d = 0;
  for (const a of ids) {
    const x = raw.values.get(id)?.get(a);
    const y = raw.values.get(den)?.get(a);
    if (x === null || x === undefined || y === null || y === undefined) continue;
    n += x;
    d += y;
  }
  return d > 0 ? n / d : null;
}

/** Single languages ranked by count over the areas (ties by name). */
export function languageRanking(
  raw: RawCensus,
  ids: readonly string[],
  limit: number,
): { name: string; count: number }[] {
  return [...raw.languages]
    .map(([name, byArea]) => ({ name, count: total(byArea, ids) ?? 0 }))
    .filter((l) => l.count > 0)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}

/** The city totals file: `indicator → year → value`. */
export function readCityTotals(): Map<string, Map<number, number | null>> {
  const out = new Map<string, Map<number, number | null>>();
  for (const r of Papa.parse<Record<string, string>>(read('demo/toronto/data/census/city_totals_2016_2021.csv'), {
    header: true,
    skipEmptyLines: true,
  }).data) {
    const byYear = out.get(r['indicator'] ?? '') ?? new Map<number, number | null>();
    byYear.set(Number(r['year']), cell(r['value']));
    out.set(r['indicator'] ?? '', byYear);
  }
  return out;
}

/** Neighbourhood names as the site shows them (the boundary file's names, by id). */
export function areaNames(): Map<string, string> {
  const geo = JSON.parse(read('demo/toronto/data/areas/neighbourhoods_158.geojson')) as {
    features: { properties: Record<string, unknown> }[];
  };
  return new Map(geo.features.map((f) => [String(f.properties['nbhd_id']), String(f.properties['nbhd_name'])]));
}

let servicesCache: { categories: string[]; locations: { areaId?: string }[] }[] | undefined;

/** Service locations per category (a place offering two kinds counts in both), for one area or all. */
export function locationsByCategory(areaId?: string): { byCategory: Map<string, number>; locations: number } {
  servicesCache ??= JSON.parse(read('src/generated/services.json')) as {
    categories: string[];
    locations: { areaId?: string }[];
  }[];
  const byCategory = new Map<string, number>();
  let locations = 0;
  for (const s of servicesCache) {
    for (const l of s.locations) {
      if (areaId !== undefined && l.areaId !== areaId) continue;
      locations += 1;
      for (const c of new Set(s.categories)) byCategory.set(c, (byCategory.get(c) ?? 0) + 1);
    }
  }
  return { byCategory, locations };
}

/** Parses a published CSV into objects by header. */
export function parseCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}
