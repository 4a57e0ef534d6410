import { describe, expect, it } from 'vitest';
import {
  displayCount,
  isUnderServed,
  prepareCategory,
  rankUnderServed,
  unmetDemand,
  scoreCategory,
  scoreScale,
  weightFromSpec,
  type CategorySpec,
  type DemandPoints,
  type SupplyPoints,
} from '../../../src/lib/access/analysis.ts';
import {
  DemandLayerError,
  demandPoints,
  layerShares,
  parseDemandLayer,
} from '../../../src/lib/access/demand-points.ts';
import { buildGapsInput, GapsConfigError } from '../../../src/lib/access/build-input.ts';
import {
  areaCount,
  createGapsModel,
  languageCount,
  scoreModelCategory,
  SUPPRESSED,
} from '../../../src/lib/access/gaps-input.ts';
import { haversine } from '../../../src/lib/access/distance.ts';
import { gapsConfigSchema } from '../../../src/lib/schema/gaps.ts';
import { siteConfigSchema } from '../../../src/lib/schema/config.ts';
import toronto from '../../../demo/toronto/site.config.ts';
import type { Area } from '../../../src/lib/schema/area.ts';
import type { Service } from '../../../src/lib/schema/service.ts';

/** Metres → degrees of latitude on the haversine sphere. */
const deg = (m: number) => (m / 6371008.8) * (180 / Math.PI);

// Three areas on a meridian: A at 0 m, B at 800 m, C 20 km away.
const LON = -79.4;
const LAT = 43.7;
const points: DemandPoints = {
  x: [LON, LON, LON],
  y: [LAT, LAT + deg(800), LAT + deg(20_000)],
  area: [0, 1, 2],
  share: [1, 1, 1],
};
const rep = { x: points.x, y: points.y };
const supply: SupplyPoints = { x: [LON], y: [LAT], capacity: [3] };
const spec: CategorySpec = {
  id: 'settlement',
  demand: 'recentImmigrants',
  method: '2sfca',
  maxCost: 1000,
  threshold: 0.5,
};

describe('scoreCategory', () => {
  const prepared = prepareCategory(spec, points, supply, rep);

  it('gives 2SFCA scores, normalises by the demand-weighted mean and flags areas with no service in reach', () => {
    const r = scoreCategory(prepared, points, supply, [100, 200, 50], rep);
    // One site of capacity 3 reached by A and B (300 people): 0.01 per person for both.
    expect(r.score[0]).toBeCloseTo(0.01, 12);
    expect(r.score[1]).toBeCloseTo(0.01, 12);
    expect(r.score[2]).toBeNaN();
    // Mean = (0.01·100 + 0.01·200) / 350, C's demand counted in the denominator.
    expect(r.mean).toBeCloseTo(3 / 350, 12);
    expect(r.normalized[0]).toBeCloseTo(350 / 300, 12);
    expect(r.underServed).toEqual([false, false, true]);
    expect(r.nearest[0]).toBe(0);
    expect(r.nearest[1]).toBeCloseTo(800, 6);
    expect(r.nearest[2]).toBeCloseTo(20_000, 3);
  });

  it('recomputes with a proposed site appended to the supply (what-if) without changing the prepared pairs', () => {
    const pairsBefore = prepared.pairs.length;
    const r = scoreCategory(prepared, points, supply, [100, 200, 50], rep, [
      { lon: LON, lat: LAT + deg(20_000), capacity: 1 },
    ]);
    expect(r.score[2]).toBeCloseTo(1 / 50, 12);
    expect(r.underServed[2]).toBe(false);
    expect(r.nearest[2]).toBe(0);
    expect(prepared.pairs.length).toBe(pairsBefore);
    const again = scoreCategory(prepared, points, supply, [100, 200, 50], rep);
    expect(again.score[2]).toBeNaN();
  });

  it('does not flag areas whose demand is 0 or not known', () => {
    const r = scoreCategory(prepared, points, supply, [100, 200, null], rep);
    expect(r.underServed[2]).toBe(false);
    const zero = scoreCategory(prepared, points, supply, [100, 200, 0], rep);
    expect(zero.underServed[2]).toBe(false);
  });

  it('averages an area over its demand points, a point with no service in reach counting 0', () => {
    // Area 0 has two points: one at the site, one 20 km away (half the demand each).
    const split: DemandPoints = { x: [LON, LON], y: [LAT, LAT + deg(20_000)], area: [0, 0], share: [0.5, 0.5] };
    const p = prepareCategory(spec, split, supply, { x: [LON], y: [LAT] });
    const r = scoreCategory(p, split, supply, [100], { x: [LON], y: [LAT] });
    // The site's catchment holds 50 people: 3/50 at the first point, nothing at the second.
    expect(r.score[0]).toBeCloseTo(0.5 * (3 / 50), 12);
  });
});

describe('under-served rule and ranking', () => {
  it('applies demand > 0 and (undefined or normalised < threshold)', () => {
    expect(isUnderServed(10, NaN, NaN, 0.5)).toBe(true);
    expect(isUnderServed(10, 1, 0.49, 0.5)).toBe(true);
    expect(isUnderServed(10, 1, 0.5, 0.5)).toBe(false);
    expect(isUnderServed(0, NaN, NaN, 0.5)).toBe(false);
    expect(isUnderServed(null, NaN, NaN, 0.5)).toBe(false);
  });

  it('ranks areas with no service first (larger demand first), then by lowest normalised score', () => {
    const result = {
      demand: [10, 500, 300, 40, 20],
      score: Float64Array.from([NaN, NaN, 1, 1, 1]),
      normalized: Float64Array.from([NaN, NaN, 0.3, 0.1, 0.9]),
      nearest: new Float64Array(5),
      underServed: [true, true, true, true, false],
      mean: 1,
    };
    expect(rankUnderServed(result, Infinity, 'score')).toEqual([1, 0, 3, 2]);
    expect(rankUnderServed(result, 2, 'score')).toEqual([1, 0]);
  });

  it('ranks by people affected by default: demand × shortfall from the city level', () => {
    const result = {
      demand: [10, 500, 300, 40, 20],
      score: Float64Array.from([NaN, NaN, 1, 1, 1]),
      normalized: Float64Array.from([NaN, NaN, 0.3, 0.1, 0.9]),
      nearest: new Float64Array(5),
      underServed: [true, true, true, true, false],
      mean: 1,
    };
    expect([0, 1, 2, 3, 4].map((a) => unmetDemand(result, a))).toEqual([10, 500, 300 * 0.7, 40 * 0.9, 0]);
    expect(rankUnderServed(result)).toEqual([1, 2, 3, 0]);
  });

  it('flags nothing in a category whose data cannot judge gaps', () => {
    const spec: CategorySpec = { id: 'x', demand: 'd', method: '2sfca', maxCost: 1000, threshold: 0.5, judged: false };
    const supply: SupplyPoints = { x: [LON], y: [LAT], capacity: [1] };
    const prepared = prepareCategory(spec, points, supply, points);
    const r = scoreCategory(prepared, points, supply, [100, 100, 100], points);
    expect(Number.isNaN(r.score[2]!)).toBe(true);
    expect(r.underServed).toEqual([false, false, false]);
    expect(
      scoreCategory(
        prepareCategory({ ...spec, judged: true }, points, supply, points),
        points,
        supply,
        [100, 100, 100],
        points,
      ).underServed,
    ).toEqual([false, false, true]);
  });
});

describe('small counts', () => {
  it('never shows a count below the threshold, 0 included', () => {
    expect(displayCount(9, 10)).toEqual({ kind: 'fewer', threshold: 10 });
    expect(displayCount(0, 10)).toEqual({ kind: 'fewer', threshold: 10 });
    expect(displayCount(10, 10)).toEqual({ kind: 'exact', value: 10 });
    expect(displayCount(null, 10)).toEqual({ kind: 'unknown' });
  });
});

describe('weights and scales', () => {
  it('builds step, gaussian and gravity weights in metres', () => {
    const step = weightFromSpec({
      kind: 'step',
      steps: [
        [2000, 0.68],
        [1000, 1],
      ],
    })!;
    expect([step.apply(1000), step.apply(1500), step.apply(2500)]).toEqual([1, 0.68, 0]);
    expect(weightFromSpec({ kind: 'gaussian', sigma: 1000 })!.apply(0)).toBe(1);
    expect(weightFromSpec({ kind: 'gravity', scale: 1000, alpha: -1, minCost: 100 })!.apply(50)).toBeCloseTo(10, 12);
    expect(weightFromSpec(undefined)).toBeUndefined();
    expect(scoreScale('e2sfca')).toBe(10_000);
    expect(scoreScale('catchment')).toBe(1);
  });
});

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

describe('demandPoints', () => {
  const areas = [{ geometry: square(-79.5, 43.6, 0.05) }, { geometry: square(-79.3, 43.6, 0.001) }];
  const pt = (id: string, lon: number, lat: number, counts: Record<string, number | null>) => ({
    id,
    lon,
    lat,
    counts,
  });
  const layer = {
    weights: { recentImmigrants: 'recent' },
    defaultWeight: 'pop',
    points: [
      pt('t1', -79.49, 43.61, { pop: 3000, recent: 300 }),
      pt('t2', -79.46, 43.64, { pop: 1000, recent: 100 * 3 }),
      pt('lake', -79.1, 43.5, { pop: 50, recent: 5 }),
    ],
  };

  it('puts one point on the surface of each area without a demand layer', () => {
    const p = demandPoints(areas, ['population']);
    expect(p.x).toHaveLength(2);
    expect(p.shares['population']).toEqual([1, 1]);
    expect(p.representative.x[0]).toBeGreaterThan(-79.5);
    expect(p.representative.x[0]).toBeLessThan(-79.45);
    expect(p.x[0]).toBe(p.representative.x[0]);
  });

  it('shares each area out over its layer points by the matching count; areas without points keep their representative point', () => {
    const before = JSON.stringify({ areas, layer });
    const p = demandPoints(areas, ['recentImmigrants', 'population'], layer);
    expect(p.area).toEqual([0, 0, 1]);
    expect(p.x.slice(0, 2)).toEqual([-79.49, -79.46]);
    // Recent immigrants by the tracts' recent-immigrant counts, population by the default column.
    expect(p.shares['recentImmigrants']).toEqual([0.5, 0.5, 1]);
    expect(p.shares['population']).toEqual([0.75, 0.25, 1]);
    expect(p.x[2]).toBe(p.representative.x[1]);
    expect(p.outside).toEqual(['lake']);
    expect(JSON.stringify({ areas, layer })).toBe(before);
  });

  it("falls back to the default column, then to equal shares, when an area's counts are unknown or 0", () => {
    expect(layerShares([pt('a', 0, 0, { r: null, p: 30 }), pt('b', 0, 0, { r: 0, p: 10 })], 'r', 'p')).toEqual([
      0.75, 0.25,
    ]);
    expect(layerShares([pt('a', 0, 0, { r: null, p: null }), pt('b', 0, 0, { r: 0, p: 0 })], 'r', 'p')).toEqual([
      0.5, 0.5,
    ]);
  });
});

describe('parseDemandLayer', () => {
  const spec = { idColumn: 'ctuid', lonColumn: 'lon', latColumn: 'lat' };
  it('reads ids, coordinates and counts, an empty count as not known', () => {
    const pts = parseDemandLayer(
      'ctuid,lon,lat,population\r\n1.00,-79.4,43.7,604\r\n2.00,-79.5,43.6,\r\n',
      'tracts.csv',
      spec,
      ['population'],
    );
    expect(pts).toEqual([
      { id: '1.00', lon: -79.4, lat: 43.7, counts: { population: 604 } },
      { id: '2.00', lon: -79.5, lat: 43.6, counts: { population: null } },
    ]);
  });
  it('names the file, line, column and reason of a bad cell', () => {
    expect(() =>
      parseDemandLayer('ctuid,lon,lat,population\n1,-79.4,43.7,many\n', 'tracts.csv', spec, ['population']),
    ).toThrow(/tracts\.csv: line 2: population "many" is not a count/);
    expect(() => parseDemandLayer('ctuid,lon,lat\n1,-79.4,943.7\n', 't.csv', spec, [])).toThrow(
      /t\.csv: line 2: lat "943.7" is not a coordinate/,
    );
    expect(() => parseDemandLayer('ctuid,lon,lat\n1,-79.4,43.7\n1,-79.4,43.7\n', 't.csv', spec, [])).toThrow(
      /line 3: ctuid "1" is repeated/,
    );
    expect(() => parseDemandLayer('id,lon,lat\n1,-79.4,43.7\n', 't.csv', spec, [])).toThrow(
      /t\.csv: column "ctuid" is missing/,
    );
    expect(() => parseDemandLayer('ctuid,lon,lat\n1,-79.4,43.7\n', 't.csv', spec, [])).not.toThrow(DemandLayerError);
  });
});

describe('buildGapsInput and the model', () => {
  const area = (id: string, lon: number, indicators: Record<string, number | null>): Area => ({
    id,
    name: `Area ${id}`,
    geometry: square(lon, 43.7, 0.01),
    indicators,
    homeLanguages: [{ name: 'Tagalog (Pilipino, Filipino)', count: 120 }],
  });
  const service = (id: string, lon: number, extra: Partial<Service> = {}): Service =>
    ({
      id,
      slug: id,
      name: `Service ${id}`,
      categories: ['child_family'],
      subcategories: [],
      locations: [{ id, address: { line1: '1 Main St', country: 'CA' }, lon, lat: 43.705, areaId: null }],
      source: { layer: 'cc', file: 'x.geojson', recordId: id, publisher: 'City', licence: 'OGL' },
      ...extra,
    }) as Service;
  const census = {
    year: 2021,
    sourceName: 'Census',
    file: 'c.csv',
    idColumn: 'id',
    indicators: { population: { column: 'pop', label: 'indicator.population' } },
    homeLanguages: [],
  };
  const gaps = gapsConfigSchema.parse({
    minPlaces: 1,
    categories: { child_family: { demand: 'population', method: '2sfca', maxCost: 2000 } },
  });

  it('uses service capacity, split over locations, and 1 when unknown', () => {
    const twoSites = service('b', -79.395, { capacity: 60 });
    twoSites.locations.push({ ...twoSites.locations[0]!, id: 'b2', lon: -79.385 });
    const input = buildGapsInput([area('1', -79.4, { population: 500 })], [service('a', -79.395), twoSites], {
      gaps,
      census,
    })!;
    expect(input.supply['child_family']!.capacity).toEqual([1, 30, 30]);
    expect(input.params.categories[0]!.capacityKind).toBe('capacity');
    expect(input.params.categories[0]!.threshold).toBe(0.5);
    expect(input.params.categories[0]!.coverage).toMatchObject({
      listings: 2,
      locations: 3,
      places: 2,
      notJudged: null,
    });
    expect(input.areas.homeLanguages[0]).toEqual([['Tagalog (Pilipino, Filipino)', 120]]);
  });

  it('survives a JSON round trip with the same scores (what the browser recomputes)', () => {
    const input = buildGapsInput(
      [area('1', -79.4, { population: 500 }), area('2', -79.3, { population: 40 })],
      [service('a', -79.395, { capacity: 25 })],
      { gaps, census },
    )!;
    const direct = scoreModelCategory(createGapsModel(input), 'child_family');
    const browser = scoreModelCategory(createGapsModel(JSON.parse(JSON.stringify(input))), 'child_family');
    expect(Array.from(browser.normalized)).toEqual(Array.from(direct.normalized));
    expect(direct.score[0]).toBeCloseTo(25 / 500, 12);
    expect(direct.underServed).toEqual([false, true]);
    expect(direct.nearest[1]).toBeCloseTo(haversine(input.areas.x[1]!, input.areas.y[1]!, -79.395, 43.705), 9);
  });

  it('places demand on the layer points and publishes counts below the small-count threshold as null, marked suppressed', () => {
    const layered = gapsConfigSchema.parse({
      categories: { child_family: { demand: 'population', method: '2sfca', maxCost: 2000 } },
      demandPoints: {
        file: 't.csv',
        idColumn: 'id',
        defaultWeight: 'pop',
        geography: 'tracts',
        sourceName: 'StatCan',
        licence: 'OL',
      },
    });
    const layerPts = [
      { id: 't1', lon: -79.399, lat: 43.702, counts: { pop: 100 } },
      { id: 't2', lon: -79.395, lat: 43.706, counts: { pop: 300 } },
    ];
    const input = buildGapsInput(
      [area('1', -79.4, { population: 500 }), area('2', -79.3, { population: 7 })],
      [service('a', -79.395)],
      { gaps: layered, census },
      layerPts,
    )!;
    expect(input.points.x).toEqual([-79.399, -79.395, input.areas.x[1]]);
    expect(input.points.shares['population']).toEqual([0.25, 0.75, 1]);
    expect(input.areas.indicators['population']).toEqual([500, null]);
    expect(input.areas.suppressed['population']).toEqual([1]);
    expect(input.params.suppression).toMatch(/below 10 .*null.*areas\.suppressed.*missing demand as 0 people/);
    expect(areaCount(input, 'population', 1)).toBe(SUPPRESSED);
    expect(input.params.demandPoints).toMatchObject({
      geography: 'tracts',
      points: 2,
      outside: 0,
      weights: { population: 'pop' },
    });
    expect(() => buildGapsInput([], [], { gaps: layered, census })).toThrow(
      /gaps\.demandPoints: the points of t\.csv were not passed in/,
    );
  });

  it('suppresses small home-language counts and analyses a missing demand as 0 people', () => {
    const withLangs = (id: string, lon: number, pop: number | null, count: number | null): Area => ({
      ...area(id, lon, { population: pop }),
      homeLanguages: [{ name: 'Tigrigna', count }],
    });
    const areas = [withLangs('1', -79.4, 500, 7), withLangs('2', -79.39, 3, 0), withLangs('3', -79.398, null, null)];
    const input = buildGapsInput(areas, [service('a', -79.395)], { gaps, census })!;
    expect(input.areas.homeLanguages.map((l) => l[0])).toEqual([
      ['Tigrigna', null, SUPPRESSED],
      ['Tigrigna', null, SUPPRESSED],
      ['Tigrigna', null],
    ]);
    expect(input.areas.homeLanguages.map((l) => languageCount(l[0]!))).toEqual([SUPPRESSED, SUPPRESSED, null]);
    expect(input.areas.indicators['population']).toEqual([500, null, null]);
    expect(areaCount(input, 'population', 1)).toBe(SUPPRESSED);
    expect(areaCount(input, 'population', 2)).toBeNull();
    const r = scoreModelCategory(createGapsModel(input), 'child_family');
    // The two missing demands carry nobody: the one site's 1 place serves the 500 people alone.
    expect(r.score[0]).toBeCloseTo(1 / 500, 15);
    expect(r.score[1]).toBeCloseTo(1 / 500, 15);
    expect(r.underServed).toEqual([false, false, false]);
    expect(displayCount(areaCount(input, 'population', 1), 10)).toEqual({ kind: 'fewer', threshold: 10 });
    expect(displayCount(areaCount(input, 'population', 2), 10)).toEqual({ kind: 'unknown' });
  });

  it('counts a place listed several times once, and judges no gaps on thin or incomplete data', () => {
    const sites = gapsConfigSchema.parse({
      minPlaces: 2,
      categories: { child_family: { demand: 'population', method: '2sfca', maxCost: 2000 } },
    });
    const services = [service('a', -79.395), service('b', -79.395), service('c', -79.39)];
    const input = buildGapsInput([area('1', -79.4, { population: 500 })], services, { gaps: sites, census })!;
    expect(input.supply['child_family']!.capacity).toEqual([1, 1]);
    expect(input.params.categories[0]).toMatchObject({
      judged: true,
      coverage: { listings: 3, locations: 3, places: 2, notJudged: null },
    });
    const thin = buildGapsInput([area('1', -79.4, { population: 500 })], services.slice(0, 2), {
      gaps: sites,
      census,
    })!;
    expect(thin.params.categories[0]).toMatchObject({
      judged: false,
      coverage: { places: 1, notJudged: { kind: 'thin' } },
    });
    const marked = gapsConfigSchema.parse({
      minPlaces: 1,
      categories: {
        child_family: { demand: 'population', method: '2sfca', maxCost: 2000, incomplete: 'agency sites missing' },
      },
    });
    const inc = buildGapsInput([area('1', -79.4, { population: 500 })], services, { gaps: marked, census })!;
    expect(inc.params.categories[0]!.coverage.notJudged).toEqual({
      kind: 'incomplete',
      reason: 'agency sites missing',
    });
    expect(scoreModelCategory(createGapsModel(inc), 'child_family').underServed).toEqual([false]);
  });

  it('stops with the field path when the demand indicator is not configured', () => {
    const bad = gapsConfigSchema.parse({
      categories: { health: { demand: 'children', method: '2sfca', maxCost: 1000 } },
    });
    expect(() => buildGapsInput([], [], { gaps: bad, census })).toThrow(GapsConfigError);
    expect(() => buildGapsInput([], [], { gaps: bad, census })).toThrow(/gaps\.categories\.health\.demand/);
  });
});

describe('gaps configuration', () => {
  it('applies defaults and rejects methods without the weight they need', () => {
    const g = gapsConfigSchema.parse({
      categories: { library: { demand: 'immigrants', method: '2sfca', maxCost: 2500 } },
    });
    expect(g.underServedThreshold).toBe(0.5);
    expect(g.smallCountThreshold).toBe(10);
    expect(
      gapsConfigSchema.safeParse({ categories: { library: { demand: 'immigrants', method: 'gravity', maxCost: 1 } } })
        .success,
    ).toBe(false);
    expect(
      gapsConfigSchema.safeParse({ categories: { library: { demand: 'immigrants', method: 'e2sfca', maxCost: 1 } } })
        .success,
    ).toBe(false);
    expect(
      gapsConfigSchema.safeParse({ categories: { nope: { demand: 'immigrants', method: '2sfca', maxCost: 1 } } })
        .success,
    ).toBe(false);
  });

  it('accepts the Toronto configuration, every category with an existing demand indicator', () => {
    const site = siteConfigSchema.parse(toronto);
    const categories = Object.entries(site.gaps?.categories ?? {});
    expect(categories.map(([id]) => id)).toEqual(
      expect.arrayContaining(['settlement', 'language_training', 'employment', 'child_family', 'health', 'library']),
    );
    for (const [, c] of categories) expect(site.census.indicators).toHaveProperty(c!.demand);
    expect(site.gaps?.categories.language_training?.demand).toBe('neitherOfficialLanguage');
  });
});
