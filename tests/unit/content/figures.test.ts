import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvProblems } from '../../e2e/lib/inert-outputs.ts';
import { blocksToCsv, chartData, keyFigures, resolveBlocks } from '../../../src/lib/content/figures.ts';
import { parseCityTotals, homeLanguagesForYear } from '../../../src/lib/content/city-totals.ts';
import { loadCityTotals } from '../../../src/lib/content/load-city-totals.ts';
import { figureFixture, fixture } from './helpers.ts';

const totals = parseCityTotals(readFileSync(fixture('city_totals.csv'), 'utf8'));

describe('key figures from known numbers', () => {
  it('sums the city, leaving unknown areas out and saying how many', () => {
    const [imm, rec, loc] = keyFigures(figureFixture({ kind: 'city' }), [
      'immigrants',
      'recentImmigrants',
      'serviceLocations',
    ]);
    expect(imm).toMatchObject({
      value: 9000,
      share: 0.3,
      unknownAreas: 0,
      shareOfKey: 'indicator.privateHouseholdPopulation',
    });
    // Area 2's count is suppressed: the share uses only areas where both counts are known.
    expect(rec).toMatchObject({ value: 1000, share: 0.1, unknownAreas: 1 });
    expect(loc).toMatchObject({ value: 4 });
  });

  it('keeps a suppressed area value unknown, never 0', () => {
    const [rec] = keyFigures(figureFixture({ kind: 'area', areaId: '2' }), ['recentImmigrants']);
    expect(rec?.value).toBeNull();
    expect(rec?.share).toBeNull();
  });

  it('rejects an indicator that is not configured, naming it', () => {
    expect(() => keyFigures(figureFixture({ kind: 'city' }), ['nope'])).toThrow(/Unknown indicator "nope"/);
  });
});

describe('chart datasets', () => {
  it('counts service locations per category in the scope, largest first', () => {
    const city = chartData(figureFixture({ kind: 'city' }), 'services-by-category');
    expect(city?.rows.map((r) => [r.key, r.values[0]])).toEqual([
      ['settlement', 2],
      ['library', 1],
      ['digital_access', 1],
      ['health', 1],
    ]);
    const south = chartData(figureFixture({ kind: 'area', areaId: '2' }), 'services-by-category');
    expect(south?.rows.map((r) => [r.key, r.values[0]])).toEqual([
      ['settlement', 1],
      ['health', 1],
    ]);
  });

  it('computes locations per 1,000 recent immigrants, unknown when newcomers are unknown', () => {
    const city = chartData(figureFixture({ kind: 'city' }), 'services-per-1000-newcomers');
    expect(city?.rows.find((r) => r.key === 'settlement')?.values).toEqual([2]);
    const south = chartData(figureFixture({ kind: 'area', areaId: '2' }), 'services-per-1000-newcomers');
    expect(south?.rows.every((r) => r.values[0] === null)).toBe(true);
  });

  it('uses the area top languages for an area and the city totals for the city', () => {
    const north = chartData(figureFixture({ kind: 'area', areaId: '1' }), 'home-languages');
    expect(north?.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Tamil', 400],
      ['Urdu', null],
    ]);
    const city = chartData(figureFixture({ kind: 'city' }, totals), 'home-languages');
    expect(city?.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Tamil', 50],
      ['Urdu', 45],
    ]);
  });

  it('compares census years as shares, from the city totals', () => {
    const change = chartData(figureFixture({ kind: 'city' }, totals), 'change-2016-2021');
    expect(change?.series.map((s) => s.label)).toEqual(['2016', '2021']);
    expect(change?.rows).toEqual([{ key: 'pct_immigrants', labelKey: 'indicator.immigrants', values: [0.405, 0.42] }]);
  });

  it('marks city-only charts as unavailable on an area sheet', () => {
    const blocks = resolveBlocks(figureFixture({ kind: 'area', areaId: '1' }, totals), [
      { type: 'bar-chart', data: 'areas-most-recent-immigrants' },
    ]);
    expect(blocks).toEqual([{ type: 'unavailable', dataset: 'areas-most-recent-immigrants', reason: 'scope' }]);
  });

  it('ranks areas by recent immigrants, skipping unknown ones', () => {
    const ranked = chartData(figureFixture({ kind: 'city' }), 'areas-most-recent-immigrants');
    expect(ranked?.rows.map((r) => r.label)).toEqual(['North']);
  });
});

describe('CSV of a fact sheet', () => {
  it('writes the same numbers, shares as percentages and unknown as an empty cell', () => {
    const blocks = resolveBlocks(figureFixture({ kind: 'area', areaId: '2' }), [
      { type: 'key-figures', indicators: ['immigrants', 'recentImmigrants'] },
    ]);
    const csv = blocksToCsv(blocks, (k) => k);
    expect(csv.split('\r\n')).toEqual([
      'section,item,series,value,unit,source',
      'factSheet.keyFigures,indicator.immigrants,,4000,count,"Census 2021 (2021): indicators.csv: imm ÷ hh, rec ÷ hh"',
      'factSheet.keyFigures,indicator.immigrants,chart.series.share,20,percent,"Census 2021 (2021): indicators.csv: imm ÷ hh, rec ÷ hh"',
      'factSheet.keyFigures,indicator.recentImmigrants,,,count,"Census 2021 (2021): indicators.csv: imm ÷ hh, rec ÷ hh"',
      'factSheet.keyFigures,indicator.recentImmigrants,chart.series.share,,percent,"Census 2021 (2021): indicators.csv: imm ÷ hh, rec ÷ hh"',
      '',
    ]);
  });

  it("guards labels that a spreadsheet would run as formulas (the site's one CSV writer)", () => {
    const blocks = resolveBlocks(figureFixture({ kind: 'area', areaId: '2' }), [
      { type: 'key-figures', indicators: ['immigrants'] },
    ]);
    const csv = blocksToCsv(blocks, (k) => (k === 'indicator.immigrants' ? '=HYPERLINK("http://evil";"x")' : k));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"";""x"")"`);
    expect(csvProblems(csv)).toEqual([]);
  });
});

describe('where each figure comes from', () => {
  it('names the file and column of every key figure, and the denominator column of a share', () => {
    const [pop, imm, loc] = keyFigures(figureFixture({ kind: 'city' }), [
      'population',
      'immigrants',
      'serviceLocations',
    ]);
    expect(pop?.ref).toBe('indicators.csv: pop');
    expect(imm?.ref).toBe('indicators.csv: imm ÷ hh');
    // Service counts name their publishers in the block's sources instead.
    expect(loc?.ref).toBeNull();
  });

  it('says what a share chart is a share of, and which columns it reads', () => {
    const chart = chartData(figureFixture({ kind: 'city' }), 'newcomer-profile');
    expect(chart?.shareOf).toEqual(['indicator.privateHouseholdPopulation']);
    expect(chart?.sources[0]?.detail).toBe('indicators.csv: imm ÷ hh, rec ÷ hh');
  });
});

describe('city totals', () => {
  it('reads suppressed values as unknown', () => {
    expect(totals.get('recent_immigrants')?.get(2021)?.value).toBeNull();
    expect(homeLanguagesForYear(totals, 2016).map((l) => l.name)).toEqual(['Urdu', 'Tamil']);
  });

  it('finds the Toronto file beside the census file and reads its real numbers', () => {
    const real = loadCityTotals(
      'data/census/city_totals_2016_2021.csv',
      new URL('../../../demo/toronto/', import.meta.url).pathname,
    );
    expect(real?.get('recent_immigrants')?.get(2021)?.value).toBe(198030);
    expect(loadCityTotals(undefined, new URL('../../../demo/toronto/', import.meta.url).pathname)).toBeNull();
  });
});
