import { describe, expect, it } from 'vitest';
import { buildGapsInput } from '../../../src/lib/access/build-input.ts';
import { createGapsModel, scoreModelCategory } from '../../../src/lib/access/gaps-input.ts';
import { parameterVariations, robustFlags, variationResults } from '../../../src/lib/access/robustness.ts';
import { gapsConfigSchema } from '../../../src/lib/schema/gaps.ts';
import type { Area } from '../../../src/lib/schema/area.ts';
import type { Service } from '../../../src/lib/schema/service.ts';

const square = (lon: number, lat: number, size: number): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});
const area = (id: string, lon: number, pop: number): Area => ({
  id,
  name: `Area ${id}`,
  geometry: square(lon, 43.7, 0.01),
  indicators: { population: pop },
  homeLanguages: [],
});
const service = (id: string, lon: number): Service =>
  ({
    id,
    slug: id,
    name: id,
    categories: ['library'],
    subcategories: [],
    locations: [{ id, address: { line1: '1 Main St', country: 'CA' }, lon, lat: 43.705, areaId: null }],
    source: { layer: 'lib', file: 'x.geojson', recordId: id, publisher: 'City', licence: 'OGL' },
  }) as Service;
const census = {
  year: 2021,
  sourceName: 'Census',
  file: 'c.csv',
  idColumn: 'id',
  indicators: { population: { column: 'pop', label: 'indicator.population' } },
  homeLanguages: [],
};

describe('robustness variations', () => {
  const spec = {
    id: 'library',
    demand: 'population',
    method: 'e2sfca' as const,
    maxCost: 3000,
    weight: {
      kind: 'step' as const,
      steps: [
        [1000, 1],
        [3000, 0.5],
      ] as [number, number][],
    },
    threshold: 0.5,
  };

  it('scales the catchment and its weight by ±25 % and tries the other weightings', () => {
    const v = parameterVariations(spec);
    expect(v.map((x) => x.id)).toEqual(['catchment-25', 'catchment+25', 'weight-none', 'weight-gaussian']);
    expect(v[0]!.spec).toMatchObject({
      maxCost: 2250,
      weight: {
        kind: 'step',
        steps: [
          [750, 1],
          [2250, 0.5],
        ],
      },
    });
    expect(v[1]!.spec.maxCost).toBe(3750);
    expect(v[2]!.spec).toMatchObject({ method: '2sfca', weight: undefined, maxCost: 3000 });
    expect(v[3]!.spec.weight).toEqual({ kind: 'gaussian', sigma: 1500 });
    expect(parameterVariations({ ...spec, method: '2sfca', weight: undefined }).map((x) => x.id)).toEqual([
      'catchment-25',
      'catchment+25',
      'weight-gaussian',
      'weight-step',
    ]);
  });

  it('says a flag holds only when every variation flags the area too', () => {
    // Area "2" (index 1) is ~5.6 km from the only library: out of reach under every variation.
    // Area "3" (index 2) is ~3.3 km away: in reach only with the catchment +25 %.
    const gaps = gapsConfigSchema.parse({
      minPlaces: 1,
      categories: {
        library: {
          demand: 'population',
          method: 'e2sfca',
          maxCost: 3000,
          weight: {
            kind: 'step',
            steps: [
              [1000, 1],
              [3000, 0.5],
            ],
          },
        },
      },
    });
    const input = buildGapsInput(
      [area('1', -79.4, 100), area('2', -79.33, 500), area('3', -79.36, 300)],
      [service('a', -79.395)],
      { gaps, census },
    )!;
    const model = createGapsModel(input);
    const base = scoreModelCategory(model, 'library');
    const vars = variationResults(model, 'library');
    expect(vars.map((v) => v.id)).toEqual(['catchment-25', 'catchment+25', 'weight-none', 'weight-gaussian']);
    const flagged = base.underServed;
    const holds = robustFlags(base, vars);
    expect(holds.filter(Boolean).length).toBeLessThanOrEqual(flagged.filter(Boolean).length);
    for (let a = 0; a < 3; a++) if (holds[a]) expect(vars.every((v) => v.result.underServed[a])).toBe(true);
    expect(flagged[1]).toBe(true);
    expect(holds[1]).toBe(true);
    expect(flagged[2]).toBe(true);
    expect(holds[2]).toBe(false);
    expect(vars.find((v) => v.id === 'catchment+25')!.result.underServed[2]).toBe(false);
  });
});
