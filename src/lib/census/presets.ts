/**
 * The Statistics Canada Census Profile counts the site has labels and texts for, with the
 * count each one is a share of. A LIP's `site.config.ts` names only its columns:
 *
 *   indicators: censusProfileIndicators({ population: 'pop_total', immigrants: 'immigrants', … })
 *
 * and gets each indicator's label (`indicator.<id>`, a UI string in every locale) and
 * denominator. Indicators of its own are added beside them as plain specs.
 */
import type { IndicatorSpec } from '../schema/config.ts';

/** Each Census Profile indicator and the indicator its share is of (null: a total, no share). */
export const CENSUS_PROFILE_DENOMINATORS = {
  population: null,
  privateHouseholdPopulation: null,
  immigrants: 'privateHouseholdPopulation',
  recentImmigrants: 'privateHouseholdPopulation',
  nonPermanentResidents: 'privateHouseholdPopulation',
  refugees: 'privateHouseholdPopulation',
  notCanadianCitizens: 'privateHouseholdPopulation',
  visibleMinority: 'privateHouseholdPopulation',
  officialLanguageTotal: null,
  neitherOfficialLanguage: 'officialLanguageTotal',
  frenchOnly: 'officialLanguageTotal',
  englishAndFrench: 'officialLanguageTotal',
  homeLanguageTotal: null,
  homeLanguageNonOfficial: 'homeLanguageTotal',
} as const satisfies Record<string, string | null>;

export type CensusProfileIndicator = keyof typeof CENSUS_PROFILE_DENOMINATORS;

/**
 * Indicator specs for the Census Profile columns of a LIP's census file, in the order given.
 * A share's denominator must be configured too (the config check names a missing one).
 */
export function censusProfileIndicators(
  columns: Partial<Record<CensusProfileIndicator, string>>,
): Record<string, IndicatorSpec> {
  const specs: Record<string, IndicatorSpec> = {};
  for (const [id, column] of Object.entries(columns) as [CensusProfileIndicator, string | undefined][]) {
    if (column === undefined) continue;
    const denominator = CENSUS_PROFILE_DENOMINATORS[id];
    specs[id] =
      denominator === null ? { column, label: `indicator.${id}` } : { column, denominator, label: `indicator.${id}` };
  }
  return specs;
}
