import { describe, expect, it } from 'vitest';
import { GapState } from '../../../src/lib/access/gap-state.ts';
import {
  areaFeatures,
  areaPanel,
  changedRows,
  parseColourBy,
  proposalFeatures,
  rankedRows,
  serviceFeatures,
  type ColouringText,
} from '../../../src/lib/access/gap-view.ts';
import { createGapsModel, scoreModelCategory, type GapsInput } from '../../../src/lib/access/gaps-input.ts';
import { deg, foodParams, LAT, LON } from './helpers.ts';

// Three areas on a meridian (0, 10 and 20 km north); services 500 m and 1500 m north of area 0.
const input = {
  params: foodParams(2),
  areas: {
    id: ['a', 'b', 'c'],
    name: ['A', 'B', 'C'],
    x: [LON, LON, LON],
    y: [LAT, LAT + deg(10_000), LAT + deg(20_000)],
    indicators: { population: [100, 300, null], recent: [20, 30, null] },
    suppressed: { population: [2], recent: [2] },
    homeLanguages: [[['French', 40]], [['Arabic', null, 'suppressed']], []],
  },
  points: {
    id: ['a', 'b', 'c'],
    x: [LON, LON, LON],
    y: [LAT, LAT + deg(10_000), LAT + deg(20_000)],
    area: [0, 1, 2],
    shares: { population: [1, 1, 1] },
  },
  services: {
    id: ['near', 'mid'],
    name: ['Near', 'Mid'],
    x: [LON, LON],
    y: [LAT + deg(500), LAT + deg(1500)],
    languages: [['fr'], null],
  },
  supply: { food: { loc: [0, 1], capacity: [1, 1] } },
} satisfies GapsInput;

const model = createGapsModel(input);
const base = scoreModelCategory(model, 'food');
const indicators = [{ id: 'recent', label: 'Recent immigrants', denominator: 'population' }];
const text: ColouringText = {
  templates: { below: 'below {value}', range: '{from}–{to}', atLeast: '{value}+' },
  underServedClass: 'under-served',
  normalized: (v) => v.toFixed(2),
  share: (v) => `${String(Math.round(v * 100))}%`,
  count: (v) => String(v),
  title: (by, info) => (by.kind === 'score' ? 'Access' : `${by.kind} of ${info?.label ?? '?'}`),
};

describe('gap explorer view model', () => {
  it('ranks the under-served areas with the engine’s numbers', () => {
    const rows = rankedRows(model, 'food', base);
    expect(rows.map((r) => r.id)).toEqual(['b']);
    const [b] = rows;
    expect(b).toMatchObject({ area: 1, name: 'B', demand: 300, unmet: 300, robust: true });
    expect(b?.nearest).toBe(base.nearest[1]);
    expect(b?.normalized).toBeNaN();
  });

  it('lists the areas a proposed site changes, nearest first, and nothing for equal results', () => {
    const proposal = { category: 'food', lon: LON, lat: LAT + deg(10_100), capacity: 1 };
    const withSite = scoreModelCategory(model, 'food', [proposal]);
    const rows = changedRows(model, base, withSite);
    expect(rows.map((r) => r.id)).toEqual(['b', 'c']);
    expect(rows[0]?.nearest).toBeCloseTo(100, 6);
    expect(rows[0]?.nearestBefore).toBe(base.nearest[1]);
    expect(changedRows(model, base, base)).toEqual([]);
  });

  it('reads the colour select’s values', () => {
    expect(parseColourBy('score')).toEqual({ kind: 'score' });
    expect(parseColourBy('share:recent')).toEqual({ kind: 'share', indicator: 'recent' });
    expect(parseColourBy('count:recent')).toEqual({ kind: 'count', indicator: 'recent' });
  });

  it('builds map features with the class colour and flags, outlines without an area as no data', () => {
    const state = new GapState(model, new Map([['food', base]]), indicators, 'food');
    const c = state.colouring(text);
    expect(c?.title).toBe('Access');
    expect(c?.labels[0]).toContain('(under-served)');
    const outlines = {
      type: 'FeatureCollection' as const,
      features: ['a', 'b', 'z'].map((id) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
        properties: { id },
      })),
    };
    const fc = areaFeatures(model, base, c ?? { values: [], breaks: [], colours: [] }, outlines, 1);
    const props = fc.features.map((f) => f.properties);
    expect(props.map((p) => p?.['noService'])).toEqual([false, true, true]);
    expect(props.map((p) => p?.['selected'])).toEqual([false, true, false]);
    expect(props[1]?.['underServed']).toBe(true);
    expect(props[2]?.['area']).toBe(-1);
    expect(props[2]?.['fill']).toBe('#d9d9d9');
    expect(serviceFeatures(model, 'food').features.map((f) => f.properties?.['name'])).toEqual(['Near', 'Mid']);
    expect(proposalFeatures(null).features).toEqual([]);
    expect(proposalFeatures({ lon: 1, lat: 2 }).features[0]?.geometry.coordinates).toEqual([1, 2]);
  });

  it('colours by an indicator’s share with its own title', () => {
    const state = new GapState(model, new Map([['food', base]]), indicators, 'food');
    state.colour = 'share:recent';
    const c = state.colouring(text);
    expect(c?.title).toBe('share of Recent immigrants');
    expect(c?.values).toEqual([0.2, 0.1, null]);
  });

  it('says what the area panel shows: counts and shares, languages, nearest, languages of service', () => {
    const p = areaPanel(model, new Map([['food', base]]), 0, null, indicators);
    expect(p.name).toBe('A');
    expect(p.indicators).toEqual([{ label: 'Recent immigrants', count: 20, share: 0.2 }]);
    expect(p.languages).toEqual([{ name: 'French', count: 40 }]);
    expect(p.nearest).toEqual([
      { category: 'food', service: 'Near', metres: base.nearest[0], inReach: 2, maxCost: 2000 },
    ]);
    expect(p.serviceLanguages).toEqual([{ language: 'French', count: 1 }]);
    const c = areaPanel(model, new Map([['food', base]]), 2, null, indicators);
    expect(c.indicators).toEqual([{ label: 'Recent immigrants', count: 'suppressed', share: null }]);
    expect(c.serviceLanguages).toBeNull();
  });
});

describe('gap explorer state', () => {
  it('scores every category, adds and removes a proposal, drops it when another category is shown', async () => {
    let pauses = 0;
    const state = await GapState.create(input, indicators, 'food', () => Promise.resolve(pauses++));
    expect(pauses).toBe(1);
    expect(state.section('food')?.withProposal).toBeNull();
    const counts = state.propose({ lon: LON, lat: LAT + deg(10_100), capacity: 5, label: 'B' });
    expect(counts).toEqual({ now: 0, before: 1 });
    expect(state.proposal).toMatchObject({ category: 'food', capacity: 5, label: 'B' });
    expect(state.section('food')?.withProposal?.base).toBe(state.base.get('food'));
    expect(state.selectArea(1)).toMatchObject({ changed: true, panel: { name: 'B' } });
    expect(state.selectArea(1).changed).toBe(false);
    expect(state.selectArea(1).panel.nearest[0]?.service).toEqual({ proposed: true });
    expect(state.selectCategory('food')).toBeNull();
    expect(state.selectCategory('other')?.label).toBe('B');
    expect(state.proposal).toBeNull();
    expect(state.result('food')).toBe(state.base.get('food'));
    expect(state.removeProposal()).toBeNull();
    expect(state.area(1)).toEqual({ lon: LON, lat: LAT + deg(10_000), name: 'B' });
  });
});
