import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import {
  concatPairs,
  findPairs,
  haversine,
  nearestCost,
  pairsFromFunction,
  pairsFromTable,
  UnknownIdError,
  type PairList,
  type PointSet,
} from '../../../src/lib/access/index.ts';
import { seededRandom as rng } from '../../../scripts/lib/random.ts';
import { toRadians } from '../../../src/lib/access/distance.ts';

function points(n: number, r: () => number, x0: number, x1: number, y0: number, y1: number): PointSet {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = x0 + (x1 - x0) * r();
    y[i] = y0 + (y1 - y0) * r();
  }
  return { x, y };
}

function asMap(p: PairList): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k < p.length; k++) m.set(`${String(p.origin[k])},${String(p.dest[k])}`, p.cost[k]!);
  return m;
}

function brute(
  o: PointSet,
  d: PointSet,
  r: number,
  dist: (a: number, b: number, c: number, e: number) => number,
): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < o.x.length; i++) {
    for (let j = 0; j < d.x.length; j++) {
      const c = dist(o.x[i]!, o.y[i]!, d.x[j]!, d.y[j]!);
      if (c <= r) m.set(`${String(i)},${String(j)}`, c);
    }
  }
  return m;
}

const turf = (lon1: number, lat1: number, lon2: number, lat2: number): number =>
  turfDistance([lon1, lat1], [lon2, lat2], { units: 'meters' });

describe('haversine', () => {
  it('toRadians skips the remainder only where it changes nothing (|d| < 360)', () => {
    const rand = rng(360);
    const values = [
      0,
      -0,
      359.99999999999994,
      -359.99999999999994,
      360,
      -360,
      540,
      -720,
      1e300,
      Infinity,
      NaN,
      179.5,
      -180,
    ];
    for (let k = 0; k < 2000; k++) values.push((rand() - 0.5) * 2000);
    for (const d of values) expect(Object.is(toRadians(d), ((d % 360) * Math.PI) / 180), String(d)).toBe(true);
  });
  it('gives the same doubles as @turf/distance in metres', () => {
    const r = rng(7);
    for (let k = 0; k < 2000; k++) {
      const a = [-180 + 360 * r(), -90 + 180 * r()] as const;
      const b = [-180 + 360 * r(), -90 + 180 * r()] as const;
      expect(haversine(a[0], a[1], b[0], b[1])).toBe(turf(a[0], a[1], b[0], b[1]));
    }
  });
});

describe('findPairs', () => {
  it('euclidean: the same pairs and costs as an all-pairs loop, in both index orientations', () => {
    const r = rng(1);
    const o = points(300, r, 0, 20000, 0, 20000);
    const d = points(80, r, 0, 20000, 0, 20000);
    const eu = (a: number, b: number, c: number, e: number): number => Math.sqrt((c - a) * (c - a) + (e - b) * (e - b));
    expect(asMap(findPairs(o, d, { metric: 'euclidean', maxCost: 2500 }))).toEqual(brute(o, d, 2500, eu));
    expect(asMap(findPairs(d, o, { metric: 'euclidean', maxCost: 2500 }))).toEqual(brute(d, o, 2500, eu));
  });
  it('euclidean: inclusive at exactly maxCost (3-4-5 triangle)', () => {
    const p = findPairs({ x: [0], y: [0] }, { x: [3, 3.0000001], y: [4, 4] }, { metric: 'euclidean', maxCost: 5 });
    expect(Array.from(p.dest)).toEqual([0]);
    expect(p.cost[0]).toBe(5);
  });
  it('geodesic: the same pairs and costs as @turf/distance over all pairs', () => {
    const r = rng(2);
    const o = points(400, r, -80, -79, 43.4, 44);
    const d = points(120, r, -80, -79, 43.4, 44);
    expect(asMap(findPairs(o, d, { metric: 'geodesic', maxCost: 5000 }))).toEqual(brute(o, d, 5000, turf));
    expect(asMap(findPairs(d, o, { metric: 'geodesic', maxCost: 5000 }))).toEqual(brute(d, o, 5000, turf));
  });
  it('geodesic without costs: the same pairs in the same order, exact near the edge', () => {
    const r = rng(4);
    const o = points(400, r, -80, -79, 43.4, 44);
    const d = points(120, r, -80, -79, 43.4, 44);
    // Destinations straddling 5 km due north of origin 0, a few ulps either side.
    const edge = (5000 / 6371008.8) * (180 / Math.PI);
    const ys = [...Array.from(d.y), ...[-1e-13, -1e-15, 0, 1e-15, 1e-13].map((e) => o.y[0]! + edge * (1 + e))];
    const xs = [...Array.from(d.x), ...Array<number>(5).fill(o.x[0]!)];
    const dd = { x: Float64Array.from(xs), y: Float64Array.from(ys) };
    for (const [a, b] of [
      [o, dd],
      [dd, o],
    ] as const) {
      const exact = findPairs(a, b, { metric: 'geodesic', maxCost: 5000 });
      const fast = findPairs(a, b, { metric: 'geodesic', maxCost: 5000, withCosts: false });
      expect(Array.from(fast.origin)).toEqual(Array.from(exact.origin));
      expect(Array.from(fast.dest)).toEqual(Array.from(exact.dest));
      expect(fast.length).toBe(brute(a, b, 5000, turf).size);
      expect(Array.from(fast.cost)).toEqual(Array<number>(fast.length).fill(0));
    }
  });
  it('geodesic: works across the antimeridian and near a pole', () => {
    const r = rng(3);
    const o = points(150, r, 179.5, 180, 60, 61);
    const d = points(150, r, -180, -179.5, 60, 61);
    const m = asMap(findPairs(o, d, { metric: 'geodesic', maxCost: 30000 }));
    expect(m.size).toBeGreaterThan(0);
    expect(m).toEqual(brute(o, d, 30000, turf));
    const po = points(60, r, -180, 180, 89.5, 90);
    const pd = points(60, r, -180, 180, 89.3, 90);
    expect(asMap(findPairs(po, pd, { metric: 'geodesic', maxCost: 60000 }))).toEqual(brute(po, pd, 60000, turf));
  });
  it('returns every pair without maxCost, and can leave self pairs out', () => {
    const s = { x: [0, 1, 2], y: [0, 0, 0] };
    expect(findPairs(s, s, { metric: 'euclidean' }).length).toBe(9);
    const p = findPairs(s, s, { metric: 'euclidean', maxCost: 1, excludeSelf: true });
    expect(asMap(p)).toEqual(
      new Map([
        ['0,1', 1],
        ['1,0', 1],
        ['1,2', 1],
        ['2,1', 1],
      ]),
    );
  });
  it('rejects coordinates that are not lon/lat for geodesic', () => {
    expect(() => findPairs({ x: [500000], y: [0] }, { x: [0], y: [0] }, { metric: 'geodesic', maxCost: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('nearestCost', () => {
  it('matches the minimum over all pairs (geodesic and euclidean)', () => {
    const r = rng(4);
    const o = points(200, r, -100, -60, 42, 55);
    const d = points(30, r, -80, -70, 44, 46);
    const got = nearestCost(o, d, { metric: 'geodesic' });
    for (let i = 0; i < 200; i++) {
      let best = Infinity;
      for (let j = 0; j < 30; j++) best = Math.min(best, turf(o.x[i]!, o.y[i]!, d.x[j]!, d.y[j]!));
      expect(got[i]).toBe(best);
    }
    const limited = nearestCost(o, d, { metric: 'geodesic', maxCost: 100000 });
    for (let i = 0; i < 200; i++) expect(Object.is(limited[i], got[i]! <= 100000 ? got[i] : NaN)).toBe(true);
    const e = nearestCost({ x: [0, 10], y: [0, 0] }, { x: [3], y: [4] }, { metric: 'euclidean', maxCost: 5 });
    expect(Array.from(e)).toEqual([5, NaN]);
  });
});

describe('cost tables', () => {
  it('maps ids to indices, drops rows without a cost, rejects unknown ids', () => {
    const p = pairsFromTable(
      [
        { origin: 'a', dest: 'x', cost: 3 },
        { origin: 'b', dest: 'x', cost: undefined },
        { origin: 'b', dest: 'y', cost: 0 },
      ],
      ['a', 'b'],
      ['x', 'y'],
    );
    expect(asMap(p)).toEqual(
      new Map([
        ['0,0', 3],
        ['1,1', 0],
      ]),
    );
    expect(() => pairsFromTable([{ origin: 'a', dest: 'zz', cost: 1 }], ['a'], ['x'])).toThrow(UnknownIdError);
    expect(pairsFromTable([{ origin: 'a', dest: 'zz', cost: 1 }], ['a'], ['x'], { unknown: 'skip' }).length).toBe(0);
  });
  it('builds pairs from a cost function and concatenates lists with an offset', () => {
    const f = pairsFromFunction(2, 2, (i, j) => (i === j ? null : i + j), 5);
    expect(asMap(f)).toEqual(
      new Map([
        ['0,1', 1],
        ['1,0', 1],
      ]),
    );
    const c = concatPairs([f, pairsFromFunction(1, 1, () => 7)], [0, 2]);
    expect(asMap(c)).toEqual(
      new Map([
        ['0,1', 1],
        ['1,0', 1],
        ['0,2', 7],
      ]),
    );
  });
});

describe('engine with found pairs', () => {
  it('a proposed site appended with concatPairs gives the same scores as finding pairs for all sites', async () => {
    const { computeAccess } = await import('../../../src/lib/access/index.ts');
    const r = rng(5);
    const areas = points(158, r, -79.6, -79.2, 43.6, 43.85);
    const sites = points(2000, r, -79.6, -79.2, 43.6, 43.85);
    const population = Float64Array.from({ length: 158 }, () => 100 + Math.floor(r() * 900));
    const capacity = Float64Array.from({ length: 2001 }, () => 1 + Math.floor(r() * 5));
    const site = { x: [-79.4], y: [43.7] };
    const base = findPairs(areas, sites, { metric: 'geodesic', maxCost: 3000 });
    const extra = findPairs(areas, site, { metric: 'geodesic', maxCost: 3000 });
    const combined = concatPairs([base, extra], [0, 2000]);
    const all = findPairs(
      areas,
      { x: [...Array.from(sites.x), -79.4], y: [...Array.from(sites.y), 43.7] },
      { metric: 'geodesic', maxCost: 3000 },
    );
    const a = computeAccess('2sfca', { population, capacity, pairs: combined }, { maxCost: 3000 });
    const b = computeAccess('2sfca', { population, capacity, pairs: all }, { maxCost: 3000 });
    for (let i = 0; i < 158; i++) {
      if (Number.isNaN(b[i]!)) expect(a[i]).toBeNaN();
      else expect(Math.abs(a[i]! - b[i]!) / b[i]!).toBeLessThan(1e-12);
    }
  });
  it('3SFCA from pairs within searchRadius equals 3SFCA from all pairs', async () => {
    const { computeAccess, gaussianWeight, searchRadius } = await import('../../../src/lib/access/index.ts');
    const r = rng(6);
    const o = points(120, r, 0, 50000, 0, 50000);
    const d = points(40, r, 0, 50000, 0, 50000);
    const population = Float64Array.from({ length: 120 }, () => 1 + Math.floor(r() * 100));
    const capacity = Float64Array.from({ length: 40 }, () => 1 + Math.floor(r() * 10));
    const options = { maxCost: 4000, weight: gaussianWeight(500) };
    const radius = searchRadius('3sfca', options).supply;
    expect(radius).toBe(20000);
    const near = findPairs(o, d, { metric: 'euclidean', maxCost: radius });
    const every = findPairs(o, d, { metric: 'euclidean' });
    expect(near.length).toBeLessThan(every.length);
    const a = computeAccess('3sfca', { population, capacity, pairs: near }, options);
    const b = computeAccess('3sfca', { population, capacity, pairs: every }, options);
    for (let i = 0; i < 120; i++)
      expect(Object.is(a[i], b[i]) || Math.abs(a[i]! - b[i]!) <= 1e-12 * Math.abs(b[i]!)).toBe(true);
  });
});
