/**
 * Derives the tidy per-area indicators table from the City of Toronto's raw 2021
 * Neighbourhood Profiles CSV (one row per characteristic, one column per neighbourhood).
 *
 * The raw labels are not unique ("  Immigrants" and "English" appear in several tables), so
 * every value is located by its table's `Total - …` header row first, then by the path of
 * labels below it (hierarchy = leading spaces). Suppressed cells (`x`, `...`) become null,
 * never 0. The output is deterministic: same input, same bytes.
 */
import { parseCsv } from '../csv/read.ts';
import { csvDocument } from '../csv/write.ts';
import { SUPPRESSED } from './areas.ts';

export interface ProfileRow {
  /** 1-based line in the CSV. */
  readonly line: number;
  readonly label: string;
  /** Number of leading spaces: the depth in the table's hierarchy. */
  readonly indent: number;
  readonly cells: readonly string[];
}

export interface Profile {
  /** Neighbourhood names, in column order. */
  readonly names: readonly string[];
  /** Neighbourhood ids from the `Neighbourhood Number` row, in column order. */
  readonly ids: readonly string[];
  /** TSNS 2020 designation per column (empty when the row is absent). */
  readonly designations: readonly string[];
  readonly rows: readonly ProfileRow[];
}

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** Parses the raw profile. Throws {@link ProfileError} when its shape is not the expected one. */
export function parseProfile(csvText: string): Profile {
  // Untrimmed: the leading spaces of a label are its depth in the table's hierarchy.
  const table = parseCsv(csvText, { trim: false });
  if (table.badRows.length > 0) {
    const b = table.badRows[0];
    throw new ProfileError(`line ${b?.line}: ${b?.reason}`);
  }
  const names = table.header.slice(1);
  const first = table.header[0] ?? '';
  const withIndent: ProfileRow[] = table.rows.map((r) => {
    const cells = table.header.map((h) => r.values[h] ?? '');
    const raw = cells[0] ?? '';
    return {
      line: r.line,
      label: raw.trim(),
      indent: raw.length - raw.trimStart().length,
      cells: cells.slice(1).map((c) => c.trim()),
    };
  });
  const idRow = withIndent.find((r) => r.label === 'Neighbourhood Number');
  if (!idRow) throw new ProfileError(`no "Neighbourhood Number" row below the header "${first}"`);
  const designationRow = withIndent.find((r) => r.label.startsWith('TSNS'));
  return {
    names,
    ids: idRow.cells,
    designations: designationRow?.cells ?? names.map(() => ''),
    rows: withIndent,
  };
}

/** Index of the one row whose label starts with `prefix` (a `Total - …` table header). */
export function findTotal(profile: Profile, prefix: string): number {
  const hits = profile.rows.flatMap((r, i) => (r.label.startsWith(prefix) ? [i] : []));
  if (hits.length !== 1) throw new ProfileError(`expected one row starting "${prefix}", found ${hits.length}`);
  return hits[0] as number;
}

/** Index of the row reached from `start` by the label path (each step one level deeper). */
export function findPath(profile: Profile, start: number, path: readonly string[]): number {
  let at = start;
  for (const label of path) {
    const parent = profile.rows[at] as ProfileRow;
    let found = -1;
    for (let i = at + 1; i < profile.rows.length; i++) {
      const r = profile.rows[i] as ProfileRow;
      if (r.indent <= parent.indent) break;
      if (r.label === label) {
        found = i;
        break;
      }
    }
    if (found < 0) throw new ProfileError(`no row "${label}" below line ${parent.line} ("${parent.label}")`);
    at = found;
  }
  return at;
}

/** Leaf rows (rows with no deeper row right after them) in the subtree of row `start`. */
export function leavesBelow(profile: Profile, start: number): number[] {
  const root = profile.rows[start] as ProfileRow;
  const out: number[] = [];
  for (let i = start + 1; i < profile.rows.length; i++) {
    const r = profile.rows[i] as ProfileRow;
    if (r.indent <= root.indent) break;
    const next = profile.rows[i + 1];
    if (next === undefined || next.indent <= r.indent) out.push(i);
  }
  return out;
}

/** A count cell: integer, or null when suppressed/blank. Throws on anything else. */
export function profileCount(raw: string, where: string): number | null {
  const t = raw.trim();
  if (t === '' || SUPPRESSED.has(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new ProfileError(`${where}: "${raw}" is not a number`);
  return n;
}

const TOTALS = {
  age: 'Total - Age groups of the population - 25% sample data',
  kol: 'Total - Knowledge of official languages for the population in private households',
  homeLang: 'Total - Language spoken most often at home for the population in private households',
  citizenship: 'Total - Citizenship for the population in private households',
  immigrant: 'Total - Immigrant status and period of immigration for the population in private households',
  admission: 'Total - Admission category and applicant type for the immigrant population in private households',
  visibleMinority: 'Total - Visible minority for the population in private households',
} as const;

/** Output columns holding counts: [column, table, label path below the table's total]. */
export const COUNT_COLUMNS: readonly (readonly [string, keyof typeof TOTALS, readonly string[]])[] = [
  ['pop_total', 'age', []],
  ['pop_private_hh', 'immigrant', []],
  ['non_immigrants', 'immigrant', ['Non-immigrants']],
  ['immigrants', 'immigrant', ['Immigrants']],
  ['imm_before_1980', 'immigrant', ['Immigrants', 'Before 1980']],
  ['imm_1980_1990', 'immigrant', ['Immigrants', '1980 to 1990']],
  ['imm_1991_2000', 'immigrant', ['Immigrants', '1991 to 2000']],
  ['imm_2001_2010', 'immigrant', ['Immigrants', '2001 to 2010']],
  ['imm_2011_2021', 'immigrant', ['Immigrants', '2011 to 2021']],
  ['imm_2011_2015', 'immigrant', ['Immigrants', '2011 to 2021', '2011 to 2015']],
  ['recent_immigrants_2016_2021', 'immigrant', ['Immigrants', '2011 to 2021', '2016 to 2021']],
  ['non_permanent_residents', 'immigrant', ['Non-permanent residents']],
  ['not_canadian_citizens', 'citizenship', ['Not Canadian citizens']],
  ['adm_economic', 'admission', ['Economic immigrants']],
  ['adm_family', 'admission', ['Immigrants sponsored by family']],
  ['adm_refugees', 'admission', ['Refugees']],
  ['adm_other', 'admission', ['Other immigrants']],
  ['kol_english_only', 'kol', ['English only']],
  ['kol_french_only', 'kol', ['French only']],
  ['kol_english_french', 'kol', ['English and French']],
  ['kol_neither', 'kol', ['Neither English nor French']],
  ['visible_minority', 'visibleMinority', ['Total visible minority population']],
  ['kol_total', 'kol', []],
  ['home_lang_total', 'homeLang', []],
  ['home_lang_non_official_single', 'homeLang', ['Single responses', 'Non-official languages']],
  ['home_lang_english_and_non_official', 'homeLang', ['Multiple responses', 'English and non-official language(s)']],
];

/** Percentage columns: [column, numerator, denominator]. */
export const PCT_COLUMNS: readonly (readonly [string, string, string])[] = [
  ['pct_immigrants', 'immigrants', 'pop_private_hh'],
  ['pct_recent_immigrants', 'recent_immigrants_2016_2021', 'pop_private_hh'],
  ['pct_non_permanent_residents', 'non_permanent_residents', 'pop_private_hh'],
  ['pct_kol_neither', 'kol_neither', 'kol_total'],
];

/** How many top home languages are kept per area. */
export const TOP_LANGUAGES = 5;

export interface DerivedRow {
  readonly id: string;
  readonly name: string;
  readonly designation: string;
  readonly counts: Readonly<Record<string, number | null>>;
  /** Top non-official home languages, most spoken first. */
  readonly homeLanguages: readonly { readonly name: string; readonly count: number }[];
  readonly pct: Readonly<Record<string, number | null>>;
}

/** Rounds to 2 decimals, half away from zero, without binary-fraction surprises (x.xx5). */
function round2(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}

/**
 * Derives one row per neighbourhood, sorted by numeric id. Home-language ranking: the leaf
 * rows (single languages, not families such as "Indo-Aryan languages") under Single responses →
 * Non-official languages, by count descending; ties by name, so the order is stable.
 */
export function deriveIndicators(profile: Profile): DerivedRow[] {
  const totals = Object.fromEntries(
    Object.entries(TOTALS).map(([k, prefix]) => [k, findTotal(profile, prefix)]),
  ) as Record<keyof typeof TOTALS, number>;
  const rowOf = new Map(COUNT_COLUMNS.map(([col, table, path]) => [col, findPath(profile, totals[table], path)]));
  const nonOfficial = findPath(profile, totals.homeLang, ['Single responses', 'Non-official languages']);
  const languageRows = leavesBelow(profile, nonOfficial);

  const out: DerivedRow[] = profile.names.map((name, c) => {
    const id = profile.ids[c] ?? '';
    const counts: Record<string, number | null> = {};
    for (const [col] of COUNT_COLUMNS) {
      const r = profile.rows[rowOf.get(col) as number] as ProfileRow;
      counts[col] = profileCount(r.cells[c] ?? '', `line ${r.line}, column "${name}"`);
    }
    const languages = languageRows
      .map((i) => {
        const r = profile.rows[i] as ProfileRow;
        return { name: r.label, count: profileCount(r.cells[c] ?? '', `line ${r.line}, column "${name}"`) };
      })
      .filter((l): l is { name: string; count: number } => l.count !== null && l.count > 0)
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, TOP_LANGUAGES);
    const pct: Record<string, number | null> = {};
    for (const [col, num, den] of PCT_COLUMNS) {
      const n = counts[num];
      const d = counts[den];
      pct[col] =
        n === null || n === undefined || d === null || d === undefined || d === 0 ? null : round2((n / d) * 100);
    }
    return { id, name: name.trim(), designation: profile.designations[c] ?? '', counts, homeLanguages: languages, pct };
  });
  return out.sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Column order of `newcomer_indicators_2021.csv`. */
export function indicatorColumns(): string[] {
  const langs = Array.from({ length: TOP_LANGUAGES }, (_, i) => [
    `home_lang_${i + 1}_name`,
    `home_lang_${i + 1}_count`,
  ]).flat();
  return [
    'nbhd_id',
    'nbhd_name',
    'tsns_2020_designation',
    ...COUNT_COLUMNS.map(([c]) => c),
    ...langs,
    ...PCT_COLUMNS.map(([c]) => c),
  ];
}

/** Writes derived rows as CSV text (LF line ends, trailing newline, text kept exactly); null cells are empty. */
export function indicatorsToCsv(rows: readonly DerivedRow[]): string {
  const body = rows.map((r) => [
    r.id,
    r.name,
    r.designation,
    ...COUNT_COLUMNS.map(([c]) => r.counts[c]),
    ...Array.from({ length: TOP_LANGUAGES }, (_, i) => {
      const l = r.homeLanguages[i];
      return [l?.name, l?.count];
    }).flat(),
    ...PCT_COLUMNS.map(([c]) => r.pct[c]),
  ]);
  return csvDocument(indicatorColumns(), body, { newline: '\n', guard: false });
}
