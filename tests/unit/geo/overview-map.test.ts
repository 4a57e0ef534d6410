import { describe, expect, it } from 'vitest';
import { overviewMapSvg } from '../../../src/lib/geo/overview-map.ts';
import type { AreaGeometry } from '../../../src/lib/schema/area.ts';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-79.5, 43.6],
      [-79.3, 43.6],
      [-79.3, 43.8],
      [-79.5, 43.8],
      [-79.5, 43.6],
    ],
  ],
};

describe('overview map (map poster picture)', () => {
  it('draws each outline and one dot per pixel, inside the picture', () => {
    const services = [
      { lon: -79.4, lat: 43.7 },
      { lon: -79.40001, lat: 43.70001 }, // same pixel as the first: one dot
      { lon: -79.31, lat: 43.61 },
    ];
    const svg = overviewMapSvg([square], services, { size: 200 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 200 200"/);
    const dots = /<path d="([^"]*)" fill="none"/.exec(svg)![1]!.match(/M(-?\d+) (-?\d+)h0/g)!;
    expect(dots).toHaveLength(2);
    for (const dot of dots) {
      const [x, y] = dot.slice(1, -2).split(' ').map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(200);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
    // The outline is a closed path.
    expect(svg).toMatch(/<path d="M[^"]+Z" fill="#ffffff"/);
  });

  it('puts only numbers in the drawing', () => {
    const svg = overviewMapSvg([square], [{ lon: -79.4, lat: 43.7 }]);
    expect(svg.replace(/<[^>]+>/g, '').trim()).toBe('');
  });
});
