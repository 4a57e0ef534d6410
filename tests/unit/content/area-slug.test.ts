import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSheetPath, areaSheetRedirects, areaSlug } from '../../../src/lib/slug.ts';

describe('neighbourhood fact sheet addresses', () => {
  it('are readable names, and the old numeric ones redirect to them in every locale', () => {
    const areas = [
      { id: '83', name: 'Danforth East York' },
      { id: '2', name: 'Mount Olive-Silverstone-Jamestown' },
    ];
    expect(areaSlug(areas[0] as { id: string; name: string })).toBe('danforth-east-york');
    expect(areaSheetPath(areas[1] as { id: string; name: string })).toBe(
      'fact-sheets/neighbourhoods/mount-olive-silverstone-jamestown/',
    );
    expect(areaSheetRedirects(areas, ['en', 'ar'])).toEqual({
      '/en/fact-sheets/neighbourhoods/83/': '/en/fact-sheets/neighbourhoods/danforth-east-york/',
      '/en/fact-sheets/neighbourhoods/2/': '/en/fact-sheets/neighbourhoods/mount-olive-silverstone-jamestown/',
      '/ar/fact-sheets/neighbourhoods/83/': '/ar/fact-sheets/neighbourhoods/danforth-east-york/',
      '/ar/fact-sheets/neighbourhoods/2/': '/ar/fact-sheets/neighbourhoods/mount-olive-silverstone-jamestown/',
    });
  });

  it('are unique for the 158 Toronto neighbourhoods', () => {
    const geo = JSON.parse(
      readFileSync(new URL('../../../demo/toronto/data/areas/neighbourhoods_158.geojson', import.meta.url), 'utf8'),
    ) as {
      features: { properties: { nbhd_id: number | string; nbhd_name: string } }[];
    };
    const areas = geo.features.map((f) => ({ id: String(f.properties.nbhd_id), name: f.properties.nbhd_name }));
    expect(Object.keys(areaSheetRedirects(areas, ['en']))).toHaveLength(158);
  });

  it('refuse two areas with the same address, naming both', () => {
    expect(() =>
      areaSheetRedirects(
        [
          { id: '1', name: 'Oak Park' },
          { id: '2', name: 'Oak park' },
        ],
        ['en'],
      ),
    ).toThrow(/"Oak Park" and "Oak park" \(id 2\)/);
  });
});
