import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENSUS_PROFILE_DENOMINATORS, censusProfileIndicators } from '../../../src/lib/census/presets.ts';
import { censusProfileIndicators as fromConfigModule } from '../../../src/lib/schema/config.ts';

describe('censusProfileIndicators', () => {
  it('adds each indicator its label and denominator, in the order the columns are given', () => {
    const specs = censusProfileIndicators({
      recentImmigrants: 'arrived',
      population: 'pop',
      privateHouseholdPopulation: 'hh',
      homeLanguageTotal: 'hl_total',
    });
    expect(Object.keys(specs)).toEqual([
      'recentImmigrants',
      'population',
      'privateHouseholdPopulation',
      'homeLanguageTotal',
    ]);
    expect(specs).toEqual({
      recentImmigrants: {
        column: 'arrived',
        denominator: 'privateHouseholdPopulation',
        label: 'indicator.recentImmigrants',
      },
      population: { column: 'pop', label: 'indicator.population' },
      privateHouseholdPopulation: { column: 'hh', label: 'indicator.privateHouseholdPopulation' },
      homeLanguageTotal: { column: 'hl_total', label: 'indicator.homeLanguageTotal' },
    });
    // A total has no `denominator` key at all (not one set to undefined).
    expect('denominator' in specs['population']!).toBe(false);
  });

  it('is what site configs import from #site-config', () => {
    expect(fromConfigModule).toBe(censusProfileIndicators);
  });

  it('names only indicators with a label string, and denominators that are totals of the preset', () => {
    const en = JSON.parse(
      readFileSync(new URL('../../../src/i18n/strings/en.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    for (const [id, denominator] of Object.entries(CENSUS_PROFILE_DENOMINATORS)) {
      expect(en[`indicator.${id}`], id).toBeTruthy();
      if (denominator !== null) expect(CENSUS_PROFILE_DENOMINATORS[denominator], id).toBeNull();
    }
  });
});
