/**
 * Reads the city totals file at build time (the only file-system access of the content code,
 * kept apart so the rest stays pure). Paths are relative to the site's config folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CITY_TOTALS_FILE, parseCityTotals, type CityTotals } from './city-totals.ts';

/** The parsed totals beside `censusFile`, or null when the LIP has none. */
export function loadCityTotals(censusFile: string, configDir: string): CityTotals | null {
  const path = join(configDir, dirname(censusFile), CITY_TOTALS_FILE);
  if (!existsSync(path)) return null;
  return parseCityTotals(readFileSync(path, 'utf8'));
}
