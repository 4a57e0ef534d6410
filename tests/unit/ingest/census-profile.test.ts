import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  COUNT_COLUMNS,
  deriveIndicators,
  indicatorsToCsv,
  parseProfile,
  PCT_COLUMNS,
  TOP_LANGUAGES,
} from '../../../src/lib/ingest/census-profile.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const raw = readFileSync(join(ROOT, 'demo/toronto/data/census/neighbourhood_profiles_2021_158.csv'), 'utf8');
const profile = parseProfile(raw);
const derived = deriveIndicators(profile);
const reference = Papa.parse<Record<string, string>>(
  readFileSync(join(FIXTURES, 'toronto/newcomer_indicators_2021.reference.csv'), 'utf8'),
  { header: true, skipEmptyLines: true },
).data;

describe('2021 neighbourhood profile derivation', () => {
  it('gives one row per neighbourhood, ids 1..174, sorted', () => {
    expect(derived).toHaveLength(158);
    const ids = derived.map((r) => Number(r.id));
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)).toBe(174);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(derived.map((r) => r.id)).toEqual(reference.map((r) => r['nbhd_id']));
  });

  it('reproduces every count column of the published table', () => {
    reference.forEach((ref, i) => {
      const row = derived[i];
      expect(row?.name).toBe(ref['nbhd_name']);
      expect(row?.designation).toBe(ref['tsns_2020_designation']);
      for (const [col] of COUNT_COLUMNS) expect(row?.counts[col], `${ref['nbhd_id']} ${col}`).toBe(Number(ref[col]));
      for (const [col] of PCT_COLUMNS)
        expect(row?.pct[col], `${ref['nbhd_id']} ${col}`).toBeCloseTo(Number(ref[col]), 2);
    });
  });

  it('reproduces the top-5 home languages (order within equal counts may differ)', () => {
    reference.forEach((ref, i) => {
      const row = derived[i];
      const expected = Array.from({ length: TOP_LANGUAGES }, (_, k) => Number(ref[`home_lang_${k + 1}_count`]));
      expect(row?.homeLanguages.map((l) => l.count)).toEqual(expected);
      // Every named language must really have that count in the raw profile; the reference
      // breaks ties in an unspecified order, the derivation by name.
      for (let k = 1; k <= TOP_LANGUAGES; k++) {
        const name = ref[`home_lang_${k}_name`] as string;
        const count = Number(ref[`home_lang_${k}_count`]);
        const mine = row?.homeLanguages.find((l) => l.name === name);
        if (mine) expect(mine.count).toBe(count);
        else expect(row?.homeLanguages.at(-1)?.count, `${ref['nbhd_id']} ${name}`).toBe(count);
      }
    });
  });

  it('is deterministic and matches the committed table', () => {
    const csv = indicatorsToCsv(derived);
    expect(indicatorsToCsv(deriveIndicators(parseProfile(raw)))).toBe(csv);
    expect(readFileSync(join(ROOT, 'demo/toronto/data/census/newcomer_indicators_2021.csv'), 'utf8')).toBe(csv);
  });

  it('turns suppressed cells into null (never 0) and finds rows by their table, not their label', () => {
    const mini = [
      'Neighbourhood Name,Alpha,Beta',
      'Neighbourhood Number,2,1',
      'TSNS 2020 Designation,NIA,Not an NIA',
      'Total - Age groups of the population - 25% sample data,100,50',
      'Total - Knowledge of official languages for the population in private households - 25% sample data,100,50',
      '  English only,90,40',
      '  French only,0,x',
      '  English and French,5,5',
      '  Neither English nor French,5,...',
      'Total - Language spoken most often at home for the population in private households - 25% sample data,100,50',
      '  Single responses,95,45',
      '    Official languages,60,30',
      '      English,60,30',
      '    Non-official languages,35,15',
      '      Sino-Tibetan languages,30,10',
      '        Mandarin,20,10',
      '        Yue (Cantonese),10,0',
      '      Tamil,5,5',
      '  Multiple responses,5,5',
      '    English and non-official language(s),5,5',
      'Total - Citizenship for the population in private households - 25% sample data,100,50',
      '  Not Canadian citizens,10,5',
      'Total - Immigrant status and period of immigration for the population in private households - 25% sample data,100,50',
      '  Non-immigrants,60,30',
      '  Immigrants,40,20',
      '    Before 1980,5,5',
      '    1980 to 1990,5,5',
      '    1991 to 2000,5,5',
      '    2001 to 2010,5,5',
      '    2011 to 2021,20,x',
      '      2011 to 2015,10,x',
      '      2016 to 2021,10,x',
      '  Non-permanent residents,0,0',
      'Total - Admission category and applicant type for the immigrant population in private households who were admitted between 1980 and 2021 - 25% sample data,35,15',
      '  Economic immigrants,20,5',
      '  Immigrants sponsored by family,10,5',
      '  Refugees,5,5',
      '  Other immigrants,0,0',
      '  Immigrants,99,99',
      'Total - Visible minority for the population in private households - 25% sample data,100,50',
      '  Total visible minority population,70,30',
    ].join('\n');
    const rows = deriveIndicators(parseProfile(mini));
    expect(rows.map((r) => r.id)).toEqual(['1', '2']);
    const beta = rows[0];
    expect(beta?.counts['recent_immigrants_2016_2021']).toBeNull();
    expect(beta?.counts['kol_neither']).toBeNull();
    expect(beta?.counts['kol_french_only']).toBeNull();
    expect(beta?.pct['pct_recent_immigrants']).toBeNull();
    const alpha = rows[1];
    expect(alpha?.counts['immigrants']).toBe(40);
    expect(alpha?.homeLanguages).toEqual([
      { name: 'Mandarin', count: 20 },
      { name: 'Yue (Cantonese)', count: 10 },
      { name: 'Tamil', count: 5 },
    ]);
    expect(indicatorsToCsv(rows).split('\n')[1]).toContain(',,');
  });
});
