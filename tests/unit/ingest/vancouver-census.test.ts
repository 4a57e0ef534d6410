import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/read.ts';
import { decodeText } from '../../../src/lib/ingest/decode.ts';
import { FIXTURES } from './helpers.ts';

/** tests/fixtures/vancouver/SOURCES.md: which profile row (by its ID) each indicator column copies. */
const ROWS: Record<string, string> = {
  population: '1',
  private_household_population: '2531',
  immigrants: '2533',
  immigrants_2011_2016: '2540',
  non_permanent_residents: '2541',
  refugees_landed_1980_2016: '2962',
  not_canadian_citizens: '2520',
  official_language_knowledge_total: '176',
  french_only: '178',
  english_and_french: '179',
  neither_english_nor_french: '180',
  home_language_total: '1013',
  home_language_non_official: '1018',
};

const dir = join(FIXTURES, 'vancouver');
const profile = parseCsv(decodeText(readFileSync(join(dir, 'CensusLocalAreaProfiles2016.csv')), 'windows-1252'));
const derived = parseCsv(readFileSync(join(dir, 'census-local-areas-2016.csv'), 'utf8'));
const areas = JSON.parse(readFileSync(join(dir, 'local-area-boundary.geojson'), 'utf8')) as {
  features: { properties: { mapid: string; name: string } }[];
};

describe('Vancouver fixture: the indicators table is the published profile, transposed', () => {
  it('has one row per local area, coded with the boundary file’s mapid', () => {
    const code = new Map(areas.features.map((f) => [f.properties.name, f.properties.mapid]));
    expect(derived.rows).toHaveLength(22);
    for (const row of derived.rows)
      expect(row.values['local_area_code'], row.values['local_area']).toBe(code.get(row.values['local_area'] ?? ''));
  });

  it('copies every cell from the profile row named in SOURCES.md', () => {
    const byId = new Map(profile.rows.map((r) => [r.values['ID'], r.values]));
    expect(Object.keys(ROWS)).toEqual(derived.header.slice(2));
    let cells = 0;
    for (const row of derived.rows) {
      for (const [column, id] of Object.entries(ROWS)) {
        expect(row.values[column], `${row.values['local_area']} ${column}`).toBe(
          byId.get(id)?.[row.values['local_area'] ?? ''],
        );
        cells += 1;
      }
    }
    expect(cells).toBe(22 * 13);
    expect(byId.get('2540')?.['Variable']).toBe('2011 to 2016');
    expect(byId.get('2962')?.['Variable']).toBe('Refugees');
  });
});
