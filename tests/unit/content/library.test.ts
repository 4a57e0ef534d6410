import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facetCounts, filterBy } from '../../../src/lib/content/resources.ts';
import { pairStories } from '../../../src/lib/content/stories.ts';
import {
  dashboardCsvRows,
  dashboardIndicators,
  dashboardView,
  homeLanguageChangeRows,
  per10kText,
  serviceThemeFigure,
} from '../../../src/lib/content/dashboard.ts';
import { parseCityTotals } from '../../../src/lib/content/city-totals.ts';
import { entriesIn, localesOf, splitEntryId } from '../../../src/lib/content/entries.ts';
import { figureFixture, fixture } from './helpers.ts';

describe('resources facets', () => {
  const items = [
    { id: 1, type: 'report', topics: ['health', 'data'], year: 2024, languages: ['en'] },
    { id: 2, type: 'research', topics: ['health'], year: 2025, languages: ['en', 'fr'] },
  ];
  it('counts values per facet and filters by one', () => {
    const counts = facetCounts(items);
    expect(counts.year).toEqual([
      { value: '2025', count: 1 },
      { value: '2024', count: 1 },
    ]);
    expect(counts.topic[0]).toEqual({ value: 'health', count: 2 });
    expect(filterBy(items, 'language', 'fr').map((i) => i.id)).toEqual([2]);
    expect(filterBy(items, 'year', '2024').map((i) => i.id)).toEqual([1]);
  });
});

describe('story pairs', () => {
  it('groups two stories per pair in booklet order', () => {
    const pairs = pairStories([
      { pair: 'b', order: 3, shared: 'B' },
      { pair: 'a', order: 1, shared: 'A' },
      { pair: 'a', order: 2, shared: 'A' },
      { pair: 'b', order: 4, shared: 'B' },
    ]);
    expect(pairs.map((p) => [p.id, p.stories.map((s) => s.order)])).toEqual([
      ['a', [1, 2]],
      ['b', [3, 4]],
    ]);
  });
  it('names an incomplete pair', () => {
    expect(() => pairStories([{ pair: 'solo', order: 1, shared: 'x' }])).toThrow(/pair "solo" has 1 stories/);
  });
});

describe('dashboard', () => {
  const totals = parseCityTotals(readFileSync(fixture('city_totals.csv'), 'utf8'));
  const indicators = dashboardIndicators(totals);

  it('computes values, shares and change between the census years', () => {
    const pop = indicators.find((i) => i.id === 'privateHouseholdPopulation');
    expect(pop).toMatchObject({ change: 100, changeRatio: 0.1, changePoints: null });
    const imm = indicators.find((i) => i.id === 'immigrants');
    expect(imm?.years.map((y) => y.share)).toEqual([0.405, 0.42]);
    expect(imm?.changePoints).toBeCloseTo(1.5, 10);
  });

  it('leaves change unknown when a year is suppressed, and skips rows the file lacks', () => {
    const rec = indicators.find((i) => i.id === 'recentImmigrants');
    expect(rec?.years.map((y) => y.value)).toEqual([100, null]);
    expect(rec?.change).toBeNull();
    expect(indicators.find((i) => i.id === 'visibleMinority')).toBeUndefined();
  });

  it('writes one CSV row per indicator and year', () => {
    const rows = dashboardCsvRows(indicators, (id) => id.toUpperCase());
    expect(rows[0]).toEqual([
      'indicator_id',
      'indicator',
      'theme',
      'year',
      'value',
      'share_percent',
      'comparability',
      'definition',
    ]);
    expect(rows).toContainEqual([
      'recentImmigrants',
      'RECENTIMMIGRANTS',
      'demographics',
      2021,
      null,
      null,
      'comparable',
      'Recent, suppressed.',
    ]);
  });

  it('ranks home languages by the latest year', () => {
    expect(homeLanguageChangeRows(totals).rows.map((r) => [r.label, r.values])).toEqual([
      ['Tamil', [30, 50]],
      ['Urdu', [40, 45]],
    ]);
  });

  it('counts service locations per theme and per 10,000 residents', () => {
    const services = [
      { categories: ['health'], locations: [1, 2] },
      { categories: ['pharmacy', 'health'], locations: [1] },
      { categories: ['library'], locations: [1] },
    ];
    expect(serviceThemeFigure(services, ['health', 'pharmacy'], 30000)).toEqual({ locations: 3, per10k: 1 });
    expect(serviceThemeFigure(services, ['housing'], null)).toEqual({ locations: 0, per10k: null });
  });

  it('writes a rate that rounds to 0.0 as "fewer than 0.1", never as 0.0', () => {
    // One location in a city of 2.8 million: 0.0036 per 10,000.
    expect(per10kText('en-CA', (1 / 2_800_000) * 10000)).toEqual({ key: 'dashboard.per10kUnder', rate: '0.1' });
    expect(per10kText('fa', 0.04)).toEqual({ key: 'dashboard.per10kUnder', rate: '۰٫۱' });
    expect(per10kText('en-CA', 0.1)).toEqual({ key: 'dashboard.per10k', rate: '0.1' });
    expect(per10kText('en-CA', 12.345)).toEqual({ key: 'dashboard.per10k', rate: '12.3' });
    // No location is a true zero; an unknown population has no rate.
    expect(per10kText('en-CA', 0)).toEqual({ key: 'dashboard.per10k', rate: '0.0' });
    expect(per10kText('en-CA', null)).toEqual({ key: 'dashboard.per10k', rate: null });
  });

  it('builds the page view from the city figure context', () => {
    const view = dashboardView(figureFixture({ kind: 'city' }, totals));
    expect(view.hasCityTotals).toBe(true);
    expect(view.indicators).toEqual(indicators);
    expect(view.temporalCoverage).toBe('2016/2021');
    // Population 30,000 (two areas): one health location is 0.33 per 10,000.
    const health = view.serviceThemes.find((s) => s.theme === 'health');
    expect(health?.locations).toBe(1);
    expect(health?.per10k).toBeCloseTo(1 / 3, 10);
    expect(view.serviceThemes.map((s) => s.theme)).toEqual(['employment', 'housing', 'health', 'education']);
    expect(view.serviceSources.map((s) => s.name)).toEqual(['211', 'Library', 'Ministry', 'Census 2021']);
    expect(view.languageChart?.rows.map((r) => r.label)).toEqual(['Tamil', 'Urdu']);
    expect(view.languageChart?.sources.map((s) => s.name)).toEqual(['Census 2016', 'Census 2021']);
  });

  it('leaves the census themes out without city totals', () => {
    const view = dashboardView(figureFixture({ kind: 'city' }));
    expect(view).toMatchObject({ hasCityTotals: false, indicators: [], temporalCoverage: '2021', languageChart: null });
    expect(view.serviceThemes.find((s) => s.theme === 'health')?.locations).toBe(1);
  });
});

describe('entry ids', () => {
  const entries = [{ id: 'en/a' }, { id: 'fr/a' }, { id: 'en/b' }];
  it('reads locale and slug and finds the locales of a slug', () => {
    expect(splitEntryId('fr/a-b')).toEqual({ locale: 'fr', slug: 'a-b' });
    expect(entriesIn(entries, 'en').map((e) => e.id)).toEqual(['en/a', 'en/b']);
    expect(localesOf(entries, 'b', ['en', 'fr'])).toEqual(['en']);
  });
});
