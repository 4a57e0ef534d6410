import { describe, expect, it } from 'vitest';
import { countByCategory, sumIndicator } from '../../../src/lib/summary.ts';

const loc = { id: 'l', address: { line1: '1 Main St', country: 'CA' as const }, lon: -79.4, lat: 43.7, areaId: '1' };

describe('sumIndicator', () => {
  it('adds known values and counts unknown ones instead of treating them as 0', () => {
    const areas = [
      { indicators: { pop: 10 } },
      { indicators: { pop: null } },
      { indicators: {} },
      { indicators: { pop: 5 } },
    ];
    expect(sumIndicator(areas, 'pop')).toEqual({ total: 15, unknownAreas: 2 });
  });
});

describe('countByCategory', () => {
  it('counts services and locations per category in vocabulary order, once per service', () => {
    const services = [
      { categories: ['library' as const, 'settlement' as const], locations: [loc] },
      { categories: ['settlement' as const, 'settlement' as const], locations: [loc, loc] },
    ];
    expect(countByCategory(services)).toEqual([
      { id: 'settlement', locations: 3, services: 2 },
      { id: 'library', locations: 1, services: 1 },
    ]);
  });
});
