import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/lib/finder/filter.ts';
import { compileNeeds } from '../../../src/lib/finder/needs.ts';
import { EMPTY_QUERY, parseQuery } from '../../../src/lib/finder/query.ts';
import type { FinderRecord } from '../../../src/lib/finder/records.ts';
import {
  formParams,
  formValues,
  legendEntries,
  needsView,
  originFeatures,
  queryUrl,
  resultFeatures,
  resultRows,
  statusText,
  UNKNOWN_CATEGORY_COLOUR,
} from '../../../src/lib/finder/view.ts';

function record(slug: string, fields: Partial<FinderRecord> = {}): FinderRecord {
  return {
    slug,
    name: `Service ${slug}`,
    organization: `Service ${slug}`,
    description: '',
    categories: ['health'],
    subtypes: [],
    lon: -79.4,
    lat: 43.7,
    languages: [],
    audiences: [],
    schedules: [],
    areaId: 'a1',
    address: '1 Main St',
    phone: '',
    ...fields,
  };
}

const labels = {
  categories: { health: { label: 'Health', color: '#ff0000' }, food: { label: 'Food', color: '#00ff00' } },
  subtypes: { primary_care_walk_in_clinic: 'Walk-in clinic' },
};

describe('finder list rows', () => {
  it('link the service page, label categories and sub-types, keep the organisation only when it differs', () => {
    const results: Result[] = [
      {
        record: record('a', {
          categories: ['health', 'employment'],
          subtypes: ['primary_care_walk_in_clinic', 'no_label'],
          organization: 'Health Org',
          phone: '+1 (416) 555-0100 ext. 2',
        }),
        distance: 1234,
      },
      { record: record('b') },
    ];
    const [a, b] = resultRows(results, labels, '/en/services/');
    expect(a).toEqual({
      slug: 'a',
      name: 'Service a',
      href: '/en/services/a/',
      categories: [
        { id: 'health', label: 'Health' },
        { id: 'employment', label: 'employment' },
      ],
      subtypes: 'Walk-in clinic',
      distance: 1234,
      address: '1 Main St',
      organization: 'Health Org',
      phone: '+1 (416) 555-0100 ext. 2',
      tel: 'tel:+141655501002',
    });
    expect(b).toMatchObject({ subtypes: '', organization: '', phone: '', tel: '', distance: undefined });
  });
});

describe('finder map data', () => {
  const results: Result[] = [
    { record: record('a', { categories: ['food', 'health'], lon: 1, lat: 2 }) },
    { record: record('b', { categories: [] }) },
    { record: record('c') },
  ];

  it('colours each point by its first category', () => {
    const features = resultFeatures(results, labels);
    expect(features.map((f) => f.properties)).toEqual([
      { slug: 'a', name: 'Service a', color: '#00ff00' },
      { slug: 'b', name: 'Service b', color: UNKNOWN_CATEGORY_COLOUR },
      { slug: 'c', name: 'Service c', color: '#ff0000' },
    ]);
    expect(features[0]?.geometry.coordinates).toEqual([1, 2]);
  });

  it('has an origin point only with an origin, and a legend of the categories present', () => {
    expect(originFeatures(undefined).features).toEqual([]);
    expect(originFeatures({ lon: 1, lat: 2, label: 'x' }).features[0]?.geometry.coordinates).toEqual([1, 2]);
    expect(legendEntries(results, undefined)).toEqual({ categories: ['food', 'health'], cluster: true, origin: false });
    expect(legendEntries(results.slice(0, 1), { lon: 0, lat: 0, label: '' })).toEqual({
      categories: ['food'],
      cluster: false,
      origin: true,
    });
  });
});

describe('finder sentences', () => {
  const m = {
    results: { one: '{count} service found', other: '{count} services found' },
    sortedByDistance: 'Nearest first, from {place}.',
    sortedByName: 'Sorted by name.',
    statusSentences: '{count}. {detail}',
    noResults: 'Nothing matches.',
    needShown: 'Services for “{needs}” come first.',
    needMissing: 'No service for “{needs}”:',
    noResultsHelp: 'Nothing found:',
  };

  it('say how many were found and how they are sorted', () => {
    expect(statusText(1, undefined, m, 'en')).toEqual({
      heading: '1 service found',
      status: '1 service found. Sorted by name.',
    });
    expect(statusText(1200, { lon: 0, lat: 0, label: 'M5V' }, m, 'en').status).toBe(
      '1,200 services found. Nearest first, from M5V.',
    );
    expect(statusText(0, undefined, m, 'en').status).toBe('0 services found. Nothing matches.');
  });

  it('name the need understood, or point to referral lines when nothing answers it', () => {
    const needs = compileNeeds((id) => (id === 'doctor' ? ['doctor'] : id === 'legal' ? ['lawyer'] : []));
    const names = [
      { id: 'doctor' as const, label: 'Doctor' },
      { id: 'legal' as const, label: 'Legal help' },
    ];
    const health = [record('a', { subtypes: ['primary_care_walk_in_clinic'] })];
    expect(needsView('doctor', needs, names, health, 1, m, 'en')).toMatchObject({
      note: 'Services for “Doctor” come first.',
      referrals: [],
    });
    const missing = needsView('lawyer', needs, names, health, 0, m, 'en');
    expect(missing.note).toBeNull();
    expect(missing.intro).toBe('No service for “Legal help”:');
    expect(missing.referrals.length).toBeGreaterThan(0);
    expect(needsView('zzz', needs, names, health, 0, m, 'en')).toMatchObject({
      note: null,
      intro: 'Nothing found:',
      referrals: ['community', 'health', 'emergency'],
    });
  });
});

describe('finder form and address', () => {
  it('fills the form from a query and opens the disclosures that hold a choice', () => {
    const v = formValues(parseQuery(new URLSearchParams('q=food&category=health&free=1&near=M5V')));
    expect(v.fields).toEqual({ q: 'food', near: 'M5V', area: '', language: '', audience: '' });
    expect(v.checked('category', 'health')).toBe(true);
    expect(v.checked('category', 'food')).toBe(false);
    expect(v.checked('free', '1')).toBe(true);
    expect(v.checked('open', 'now')).toBe(false);
    expect(v.checked('other', 'x')).toBeUndefined();
    expect(v).toMatchObject({ openMore: true, openCategories: true });
    expect(formValues(EMPTY_QUERY)).toMatchObject({ openMore: false, openCategories: false });
  });

  it('reads the form’s non-empty text entries and writes the address without an empty `?`', () => {
    const params = formParams([
      ['q', 'doctor'],
      ['near', ''],
      ['category', 'health'],
      ['file', { name: 'x' }],
    ]);
    expect(params.toString()).toBe('q=doctor&category=health');
    expect(queryUrl('/en/services/', params)).toBe('/en/services/?q=doctor&category=health');
    expect(queryUrl('/en/services/', new URLSearchParams())).toBe('/en/services/');
  });
});
