/**
 * Reads the city totals file at build time (the only file-system access of the content code,
 * kept apart so the rest stays pure). Paths are relative to the site's config folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCityTotals, type CityTotals } from './city-totals.ts';

/** The parsed totals of `census.cityTotals` (`file`), or null when the LIP declares none. */
export function loadCityTotals(file: string | undefined, configDir: string): CityTotals | null {
  if (file === undefined) return null;
  // The data step has already stopped with "file not found" for a declared file that is missing.
  const path = join(configDir, file);
  if (!existsSync(path)) return null;
  return parseCityTotals(readFileSync(path, 'utf8'));
}
