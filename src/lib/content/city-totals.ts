/**
 * City-level census figures for two census years (`indicator,year,value,definition`), e.g.
 * Toronto's `data/census/city_totals_2016_2021.csv`, declared as `census.cityTotals` in the
 * configuration; when there is none, pages that compare years say so.
 * Caveats live in each row's `definition` and are shown with the figure, because some rows are
 * not like-for-like between years (different universes and samples).
 */
import { parseCsv } from '../csv/read.ts';

/** The file's name as source notes show it (`city_totals_2016_2021.csv`), '' when none is declared. */
export function cityTotalsName(file: string | undefined): string {
  return file?.split('/').pop() ?? '';
}

export interface CityTotal {
  value: number | null;
  definition: string;
}

/** indicator → year → value and definition. */
export type CityTotals = Map<string, Map<number, CityTotal>>;

/** Parses the CSV; blank, `x` or `...` values are unknown (null), never 0. */
export function parseCityTotals(csv: string): CityTotals {
  const totals: CityTotals = new Map();
  for (const { values: row } of parseCsv(csv).rows) {
    const indicator = row['indicator']?.trim();
    const year = Number(row['year']);
    if (!indicator || !Number.isInteger(year)) continue;
    const raw = (row['value'] ?? '').trim();
    const value = raw === '' || raw === 'x' || raw === '...' || !Number.isFinite(Number(raw)) ? null : Number(raw);
    const byYear = totals.get(indicator) ?? new Map<number, CityTotal>();
    byYear.set(year, { value, definition: row['definition'] ?? '' });
    totals.set(indicator, byYear);
  }
  return totals;
}

/** The census years present, oldest first. */
export function cityTotalYears(totals: CityTotals): number[] {
  const years = new Set<number>();
  for (const byYear of totals.values()) for (const y of byYear.keys()) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** A value, or null when unknown or absent. */
export function cityValue(totals: CityTotals, indicator: string, year: number): number | null {
  return totals.get(indicator)?.get(year)?.value ?? null;
}

/** Home-language rows (`home_lang:<name>`) for a year, largest first, ties by name. */
export function homeLanguagesForYear(totals: CityTotals, year: number): { name: string; count: number | null }[] {
  return [...totals.entries()]
    .filter(([id]) => id.startsWith('home_lang:'))
    .map(([id, byYear]) => ({ name: id.slice('home_lang:'.length), count: byYear.get(year)?.value ?? null }))
    .sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.name.localeCompare(b.name));
}
