import { describe, expect, it } from 'vitest';
import { areaReach } from '../../../src/lib/access/area-reach.ts';
import { createGapsModel, scoreModelCategory, type GapsInput } from '../../../src/lib/access/gaps-input.ts';
import { deg, foodParams, LAT, LON } from './helpers.ts';

// Two areas 10 km apart on a meridian; services of one category at 500 m, 1500 m and 3000 m north of area 0.
const input = {
  params: foodParams(3),
  areas: {
    id: ['a', 'b'],
    name: ['A', 'B'],
    x: [LON, LON],
    y: [LAT, LAT + deg(10_000)],
    indicators: { population: [100, 100] },
    suppressed: {},
    homeLanguages: [[], []],
  },
  points: { id: ['a', 'b'], x: [LON, LON], y: [LAT, LAT + deg(10_000)], area: [0, 1], shares: { population: [1, 1] } },
  services: {
    id: ['far', 'near', 'mid'],
    name: ['Far', 'Near', 'Mid'],
    x: [LON, LON, LON],
    y: [LAT + deg(3000), LAT + deg(500), LAT + deg(1500)],
    languages: [null, ['fr'], null],
  },
  supply: { food: { loc: [0, 1, 2], capacity: [1, 1, 1] } },
} satisfies GapsInput;

describe('areaReach', () => {
  const model = createGapsModel(input);
  const base = new Map([['food', scoreModelCategory(model, 'food')]]);

  it('names the nearest service the engine measured to, and the services in the catchment', () => {
    const [food] = areaReach(model, base, 0, null);
    expect(food!.nearest).toEqual({ kind: 'service', service: 1 });
    expect(food!.metres).toBe(base.get('food')!.nearest[0]);
    expect(food!.metres).toBeCloseTo(500, 6);
    expect(food!.inReach).toBe(2);
    expect([...food!.services].sort()).toEqual([1, 2]);
  });

  it('counts a proposed site of the category, nearest when it is closer', () => {
    const proposal = { category: 'food', lon: LON, lat: LAT + deg(9_000), capacity: 1 };
    const results = new Map([['food', scoreModelCategory(model, 'food', [proposal])]]);
    const [food] = areaReach(model, results, 1, proposal);
    expect(food!.nearest).toEqual({ kind: 'proposed' });
    expect(food!.metres).toBeCloseTo(1000, 6);
    expect(food!.inReach).toBe(1);
    expect(food!.services).toEqual([]);
  });

  it('ignores a proposal of another category', () => {
    const [food] = areaReach(model, base, 1, { category: 'other', lon: LON, lat: LAT + deg(10_000), capacity: 1 });
    expect(food!.nearest).toEqual({ kind: 'service', service: 0 });
    expect(food!.inReach).toBe(0);
  });

  it('says there is no nearest service when the category has none', () => {
    const empty = createGapsModel({ ...input, supply: { food: { loc: [], capacity: [] } } });
    const [food] = areaReach(empty, new Map([['food', scoreModelCategory(empty, 'food')]]), 0, null);
    expect(food!.nearest).toBeNull();
    expect(food!.metres).toBeNaN();
    expect(food!.inReach).toBe(0);
  });
});
