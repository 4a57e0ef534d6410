import { describe, expect, it } from 'vitest';
import { areaSchema, indicatorShare, issueSchema, serviceSchema, type Service } from '../../../src/lib/schema/index.ts';

const base: Service = {
  id: 'tpl-ab',
  slug: 'albion-tpl-ab',
  name: 'Albion',
  categories: ['library'],
  subcategories: ['public_library'],
  locations: [
    { id: 'tpl-ab', address: { line1: '1515 Albion Road', country: 'CA' }, lon: -79.58, lat: 43.74, areaId: '2' },
  ],
  source: {
    layer: 'tpl',
    file: 'toronto/services/libraries_tpl_2023.geojson',
    recordId: 'AB',
    publisher: 'TPL',
    licence: 'OGL',
  },
};

describe('serviceSchema', () => {
  it('accepts a minimal record: unknown fields stay absent', () => {
    const parsed = serviceSchema.parse(base);
    expect(parsed).toEqual(base);
    expect('languages' in parsed).toBe(false);
    expect('cost' in parsed).toBe(false);
  });

  it('rejects a javascript: URL and a data: URL', () => {
    expect(serviceSchema.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(serviceSchema.safeParse({ ...base, url: 'data:text/html,hi' }).success).toBe(false);
    expect(serviceSchema.safeParse({ ...base, url: 'https://www.tpl.ca/albion' }).success).toBe(true);
  });

  it('needs at least one known category and one location', () => {
    expect(serviceSchema.safeParse({ ...base, categories: [] }).success).toBe(false);
    expect(serviceSchema.safeParse({ ...base, categories: ['banking'] }).success).toBe(false);
    expect(serviceSchema.safeParse({ ...base, locations: [] }).success).toBe(false);
  });

  it('accepts overnight and 24-hour schedules, rejects bad times', () => {
    const overnight = { byDay: ['FR', 'SA'], opensAt: '22:00', closesAt: '02:00' };
    const allDay = { byDay: ['MO'], opensAt: '00:00', closesAt: '24:00' };
    expect(serviceSchema.safeParse({ ...base, schedules: [overnight, allDay] }).success).toBe(true);
    expect(
      serviceSchema.safeParse({ ...base, schedules: [{ byDay: ['MO'], opensAt: '9:00', closesAt: '17:00' }] }).success,
    ).toBe(false);
    expect(
      serviceSchema.safeParse({ ...base, schedules: [{ byDay: ['XX'], opensAt: '09:00', closesAt: '17:00' }] }).success,
    ).toBe(false);
  });

  it('keeps area ids as strings and allows null (outside every area)', () => {
    const loc = base.locations[0];
    expect(serviceSchema.safeParse({ ...base, locations: [{ ...loc, areaId: null }] }).success).toBe(true);
    expect(serviceSchema.safeParse({ ...base, locations: [{ ...loc, areaId: 2 }] }).success).toBe(false);
  });
});

describe('areaSchema and indicatorShare', () => {
  const area = {
    id: '1',
    name: 'West Humber-Clairville',
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    },
    indicators: { population: 33300, privateHouseholdPopulation: 33300, immigrants: 18805, refugees: null, empty: 0 },
    homeLanguages: [{ name: 'Punjabi (Panjabi)', count: 3610 }],
  };
  const config = {
    census: {
      file: 'x.csv',
      idColumn: 'id',
      year: 2021,
      sourceName: 's',
      homeLanguages: [],
      indicators: {
        population: { column: 'pop', label: 'l' },
        privateHouseholdPopulation: { column: 'hh', label: 'l' },
        immigrants: { column: 'imm', denominator: 'privateHouseholdPopulation', label: 'l' },
        refugees: { column: 'ref', denominator: 'privateHouseholdPopulation', label: 'l' },
        share0: { column: 'z', denominator: 'empty', label: 'l' },
      },
    },
  };

  it('validates an area', () => {
    expect(areaSchema.parse(area)).toEqual(area);
    expect(areaSchema.safeParse({ ...area, id: 1 }).success).toBe(false);
  });

  it('derives shares from counts; unknown stays unknown', () => {
    expect(indicatorShare(area, 'immigrants', config)).toBeCloseTo(18805 / 33300, 10);
    expect(indicatorShare(area, 'refugees', config)).toBeNull();
    expect(indicatorShare(area, 'population', config)).toBeNull();
    expect(indicatorShare(area, 'share0', config)).toBeNull();
    expect(indicatorShare(area, 'nope', config)).toBeNull();
  });
});

describe('issueSchema', () => {
  it('requires file, field, reason and a known action', () => {
    expect(
      issueSchema.safeParse({
        severity: 'error',
        file: 'a.csv',
        row: 3,
        field: 'name',
        reason: 'missing',
        action: 'skipped',
      }).success,
    ).toBe(true);
    expect(
      issueSchema.safeParse({
        severity: 'error',
        file: 'a.csv',
        row: 0,
        field: 'name',
        reason: 'missing',
        action: 'skipped',
      }).success,
    ).toBe(false);
    expect(
      issueSchema.safeParse({ severity: 'info', file: 'a.csv', field: 'name', reason: 'x', action: 'skipped' }).success,
    ).toBe(false);
  });
});
