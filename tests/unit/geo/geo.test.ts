import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import {
  AreaIndex,
  checkPoint,
  parseCoordinate,
  polygonBbox,
  validatePolygonal,
  type PolygonalGeometry,
} from '../../../src/lib/geo/index.ts';
import { ROOT } from '../ingest/helpers.ts';

const square = (x: number, y: number, d = 1): PolygonalGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

describe('validatePolygonal', () => {
  it('accepts valid polygons and multipolygons', () => {
    expect(validatePolygonal(square(0, 0))).toEqual([]);
    expect(
      validatePolygonal({ type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(2, 2).coordinates] }),
    ).toEqual([]);
  });

  it('reports an unclosed ring, too few points, text coordinates and the wrong type', () => {
    expect(
      validatePolygonal({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
    ).toEqual([{ path: 'coordinates[0]', reason: 'ring is not closed: first [0,0] ≠ last [0,1]' }]);
    expect(
      validatePolygonal({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      })[0]?.reason,
    ).toBe('ring has 3 positions; a closed ring needs at least 4');
    expect(
      validatePolygonal({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            ['1', 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([{ path: 'coordinates[0][1]', reason: 'coordinates must be numbers, got ["1",0]' }]);
    expect(validatePolygonal({ type: 'LineString', coordinates: [] })[0]?.reason).toBe(
      'expected Polygon or MultiPolygon, got "LineString"',
    );
    expect(validatePolygonal(null)[0]?.reason).toBe('geometry is missing');
  });

  it('computes the bbox of the outer rings', () => {
    expect(polygonBbox(square(1, 2, 3))).toEqual([1, 2, 4, 5]);
  });
});

describe('checkPoint', () => {
  const bounds = [-79.7, 43.55, -79.05, 43.9] as const;
  it('accepts a point in the region, given as numbers or text', () => {
    expect(checkPoint(-79.4, 43.7, bounds)).toEqual({ ok: true, lon: -79.4, lat: 43.7 });
    expect(checkPoint(' -79.4', '43.7 ', bounds)).toEqual({ ok: true, lon: -79.4, lat: 43.7 });
  });
  it('says "looks swapped" when swapping puts it inside', () => {
    const r = checkPoint(43.7, -79.4, bounds);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe('swapped');
    expect(!r.ok && r.reason).toContain('looks swapped');
  });
  it('separates out-of-region from not-numeric', () => {
    const far = checkPoint(-98.7, 0.0004, bounds);
    expect(!far.ok && far.problem).toBe('out-of-region');
    const text = checkPoint('abc', 43.7, bounds);
    expect(!text.ok && text.problem).toBe('not-numeric');
    expect(parseCoordinate('1e2')).toBe(100);
    expect(parseCoordinate('12abc')).toBeNull();
    expect(parseCoordinate(Number.NaN)).toBeNull();
  });
});

describe('AreaIndex', () => {
  it('finds the area containing a point, null outside, first area on a shared border', () => {
    const index = new AreaIndex([
      { id: 'a', geometry: square(0, 0) },
      { id: 'b', geometry: square(1, 0) },
    ]);
    expect(index.areaAt(0.5, 0.5)).toBe('a');
    expect(index.areaAt(1.5, 0.5)).toBe('b');
    expect(index.areaAt(1, 0.5)).toBe('a');
    expect(index.areaAt(5, 5)).toBeNull();
    expect(index.areaAt(0.5, 1.5)).toBeNull();
  });

  it('respects holes', () => {
    const donut: PolygonalGeometry = {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 3).coordinates[0] as number[][],
        [
          [1, 1],
          [1, 2],
          [2, 2],
          [2, 1],
          [1, 1],
        ],
      ],
    };
    const index = new AreaIndex([
      { id: 'donut', geometry: donut },
      { id: 'hole', geometry: square(1, 1) },
    ]);
    expect(index.areaAt(1.5, 1.5)).toBe('hole');
    expect(index.areaAt(0.5, 0.5)).toBe('donut');
  });

  it('agrees with brute force on the Toronto neighbourhoods and does not mutate input', () => {
    const fc = JSON.parse(
      readFileSync(join(ROOT, 'demo/toronto/data/areas/neighbourhoods_158.geojson'), 'utf8'),
    ) as GeoJSON.FeatureCollection<PolygonalGeometry, { nbhd_id: number }>;
    const areas = fc.features.map((f) => ({ id: String(f.properties.nbhd_id), geometry: f.geometry }));
    const before = JSON.stringify(areas);
    const index = new AreaIndex(areas);
    // A fixed pseudo-random sequence keeps the test deterministic.
    let seed = 42;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const lon = -79.64 + rand() * 0.53;
      const lat = 43.58 + rand() * 0.28;
      const brute = areas.find((a) => booleanPointInPolygon([lon, lat], a.geometry))?.id ?? null;
      expect(index.areaAt(lon, lat)).toBe(brute);
    }
    expect(JSON.stringify(areas)).toBe(before);
  });
});
