import { describe, expect, it } from 'vitest';
import { prepare, runQuery, factCoverage } from '../../../src/lib/finder/filter.ts';
import { EMPTY_QUERY, parseLatLon, parseQuery, serializeQuery } from '../../../src/lib/finder/query.ts';
import { buildFinderIndex, decodeFinderIndex } from '../../../src/lib/finder/records.ts';
import { normalizeText } from '../../../src/lib/finder/text.ts';
import type { Service } from '../../../src/lib/schema/service.ts';

const source = { layer: 't', file: 't.geojson', recordId: '1', publisher: 'Test', licence: 'Test licence' };
const loc = (lon: number, lat: number) => ({
  id: 'l',
  address: { line1: '1 Main St', country: 'CA' as const },
  lon,
  lat,
  areaId: 'A',
});
const services: Service[] = [
  {
    id: 'a',
    slug: 'societe-francaise-d-aide-a',
    name: 'Société française d’aide',
    categories: ['settlement'],
    subcategories: [],
    locations: [loc(-79.4, 43.65)],
    languages: ['fr', 'en'],
    audiences: ['refugee'],
    cost: { free: true },
    francophone: true,
    source,
    schedules: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }],
  },
  {
    id: 'b',
    slug: 'zeta-library-b',
    name: 'Zeta Library',
    categories: ['library'],
    subcategories: [],
    locations: [loc(-79.5, 43.7)],
    source,
  },
  {
    id: 'c',
    slug: 'alpha-clinic-c',
    name: 'Alpha Clinic',
    description: 'Walk-in care for newcomers',
    organization: { name: 'Health Org' },
    categories: ['health'],
    subcategories: [],
    locations: [loc(-79.3, 43.66), loc(-79.41, 43.651)],
    cost: { free: false },
    source,
  },
];
const labels: Record<string, string> = { settlement: 'Settlement help', library: 'Libraries', health: 'Health care' };
const items = prepare(
  decodeFinderIndex(JSON.parse(JSON.stringify(buildFinderIndex(services)))),
  (id) => labels[id] ?? id,
);
const ctx = { now: new Date('2026-11-20T15:00:00Z'), timeZone: 'America/Toronto' };
const collator = new Intl.Collator('en');
const names = (q: Partial<typeof EMPTY_QUERY>, origin?: { lon: number; lat: number }) =>
  runQuery(items, { ...EMPTY_QUERY, ...q }, { ...ctx, origin }, collator).map((r) => r.record.name);

describe('finder index', () => {
  it('has one row per location and survives JSON without losing facts', () => {
    expect(items).toHaveLength(4);
    const first = items[0]?.record;
    expect(first).toMatchObject({
      slug: 'societe-francaise-d-aide-a',
      free: true,
      francophone: true,
      languages: ['fr', 'en'],
      audiences: ['refugee'],
    });
    expect(items[1]?.record.free).toBeUndefined();
    expect(items[1]?.record.languages).toEqual([]);
  });

  it('counts how many records state each fact', () => {
    expect(factCoverage(items.map((i) => i.record))).toEqual({
      total: 4,
      cost: 3,
      languages: 1,
      audiences: 1,
      hours: 1,
      francophone: 1,
    });
  });
});

describe('runQuery', () => {
  it('sorts by name without a location', () => {
    expect(names({})).toEqual(['Alpha Clinic', 'Alpha Clinic', 'Société française d’aide', 'Zeta Library']);
  });

  it('matches case- and accent-insensitively in names, organisations, descriptions and category labels', () => {
    expect(names({ q: 'SOCIETE' })).toEqual(['Société française d’aide']);
    expect(names({ q: 'newcomers walk' })).toEqual(['Alpha Clinic', 'Alpha Clinic']);
    expect(names({ q: 'health org' })).toEqual(['Alpha Clinic', 'Alpha Clinic']);
    expect(names({ q: 'librar' })).toEqual(['Zeta Library']);
    expect(names({ q: 'settlement' })).toEqual(['Société française d’aide']);
    expect(names({ q: 'nothing like this' })).toEqual([]);
  });

  it('filters by several categories at once', () => {
    expect(names({ categories: ['library', 'settlement'] })).toEqual(['Société française d’aide', 'Zeta Library']);
  });

  it('filters on stated facts only: unknown cost is not free, unknown language is not a match', () => {
    expect(names({ free: true })).toEqual(['Société française d’aide']);
    expect(names({ language: 'fr' })).toEqual(['Société française d’aide']);
    expect(names({ audience: 'refugee' })).toEqual(['Société française d’aide']);
    expect(names({ francophone: true })).toEqual(['Société française d’aide']);
  });

  it('keeps only services open now in the LIP time zone', () => {
    // 10:00 in Toronto on a Friday.
    expect(names({ openNow: true })).toEqual(['Société française d’aide']);
    expect(
      runQuery(items, { ...EMPTY_QUERY, openNow: true }, { ...ctx, now: new Date('2026-11-21T03:00:00Z') }, collator),
    ).toEqual([]);
  });

  it('sorts by distance from an origin and reports metres', () => {
    const results = runQuery(items, EMPTY_QUERY, { ...ctx, origin: { lon: -79.41, lat: 43.651 } }, collator);
    expect(results.map((r) => r.record.name)).toEqual([
      'Alpha Clinic',
      'Société française d’aide',
      'Alpha Clinic',
      'Zeta Library',
    ]);
    expect(results[0]?.distance).toBeCloseTo(0, 3);
    expect(results[1]?.distance).toBeGreaterThan(700);
    expect(results[1]?.distance).toBeLessThan(900);
  });
});

describe('URL state', () => {
  it('round-trips every parameter and drops unknown categories', () => {
    const params = new URLSearchParams(
      'q=clinic&category=health&category=nope&category=library&language=FR&audience=refugee&free=1&open=now&francophone=1&near=M5V%203L9',
    );
    const query = parseQuery(params);
    expect(query).toEqual({
      q: 'clinic',
      categories: ['health', 'library'],
      language: 'fr',
      audience: 'refugee',
      free: true,
      openNow: true,
      francophone: true,
      near: 'M5V 3L9',
    });
    expect(parseQuery(serializeQuery(query))).toEqual(query);
    expect(serializeQuery(EMPTY_QUERY).toString()).toBe('');
  });

  it('parses lat,lon and rejects nonsense', () => {
    expect(parseLatLon('43.65,-79.38')).toEqual({ lat: 43.65, lon: -79.38 });
    expect(parseLatLon('43.65, -79.38')).toEqual({ lat: 43.65, lon: -79.38 });
    expect(parseLatLon('95,-79')).toBeUndefined();
    expect(parseLatLon('M5V')).toBeUndefined();
  });
});

describe('normalizeText', () => {
  it('keeps non-Latin scripts', () => {
    expect(normalizeText('مَرْكَز')).toBe('مركز');
    expect(normalizeText('مَرْكَز')).toBe('مركز');
    expect(normalizeText('Centre d’ÉTUDES — 中文 தமிழ் العربية')).toBe('centre d etudes 中文 தமிழ் العربيه');
  });

  it('matches Arabic-script letters typed either way (hamza, teh marbuta, Persian yeh and keheh)', () => {
    expect(normalizeText('الإنجليزية')).toBe(normalizeText('الانجليزيه'));
    expect(normalizeText('مستشفى')).toBe(normalizeText('مستشفي'));
    expect(normalizeText('کلاس انگلیسی')).toBe(normalizeText('كلاس انگليسي'));
  });
});

describe('slugs in the index', () => {
  it('rebuilds every service slug from its name and id', () => {
    for (const { record } of items) expect(services.map((s) => s.slug)).toContain(record.slug);
  });
});
