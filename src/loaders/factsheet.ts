/**
 * Build-time data for fact sheets and the dashboard: the collections and the city totals,
 * loaded once per build and shared by every page that computes figures.
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { site, SITE_PATHS } from '../site.ts';
import { loadCityTotals } from '../lib/content/load-city-totals.ts';
import type { FigureContext, Scope } from '../lib/content/figures.ts';
import type { CityTotals } from '../lib/content/city-totals.ts';

let cached: Promise<Omit<FigureContext, 'scope'>> | undefined;
let totals: CityTotals | null | undefined;

/** The city totals file beside the census file, or null. */
export function cityTotals(): CityTotals | null {
  if (totals === undefined) totals = loadCityTotals(site.census.cityTotals, resolve(SITE_PATHS.dir));
  return totals;
}

/** The figure context for a scope (the whole city or one area). */
export async function figureContext(scope: Scope): Promise<FigureContext> {
  cached ??= (async () => ({
    areas: (await getCollection('areas')).map((e) => e.data),
    services: (await getCollection('services')).map((e) => e.data),
    config: site,
    cityTotals: cityTotals(),
  }))();
  return { ...(await cached), scope };
}
