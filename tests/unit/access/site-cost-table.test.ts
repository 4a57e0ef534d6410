/**
 * The site's gap analysis on a routing engine's cost table: the city-b fixture declares
 * `gaps.costTable` (drive times from an OSRM table answer, converted by `npm run cost-table`),
 * and the build's path (buildGapsInput with loadCostTable, as src/components/gaps/data.ts calls
 * it) must use those costs, state them in every download, and recompute from the downloads.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGapsInput } from '../../../src/lib/access/build-input.ts';
import { adaptResponse, convertUnit, costTableCsv, engineRequests } from '../../../src/lib/access/cost-adapters.ts';
import { CostTableError } from '../../../src/lib/access/cost-table.ts';
import { gapsCsv, variationsCsv } from '../../../src/lib/access/gaps-csv.ts';
import { createGapsModel, scoreModelCategory, type GapsInput } from '../../../src/lib/access/gaps-input.ts';
import { loadCostTable, loadDemandLayer } from '../../../src/lib/access/load-demand-layer.ts';
import { robustFlags, variationResults } from '../../../src/lib/access/robustness.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { gapsConfigSchema } from '../../../src/lib/schema/gaps.ts';
import { gapFormatters } from '../../../src/components/gaps/format.ts';
import { recompute, type PublishedInput } from '../../e2e/lib/recompute-gaps.ts';
import { FIXTURES, readerFor } from '../ingest/helpers.ts';

const dir = join(FIXTURES, 'city-b');
const config = await loadSiteConfig(join(dir, 'site.config.ts'));
const data = runPipeline(config, readerFor(dir));
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });
const areas = [...data.areas].sort(byId);
const services = [...data.services].sort(byId);
const build = (gaps = config.gaps, from = dir): GapsInput =>
  buildGapsInput(areas, services, { ...config, gaps }, loadDemandLayer(gaps, from), loadCostTable(gaps, from))!;

describe('the site on a cost table (city-b)', () => {
  const input = build();

  it('reads the table the config declares and says which cost it is', () => {
    expect(input.params.cost).toEqual({
      kind: 'table',
      measure: 'time',
      unit: 'min',
      engine: 'OSRM (car profile; fixture answer)',
      file: 'drive-times.csv',
      rows: 24,
      unreachable: 1,
    });
    expect(input.points.id).toEqual(['B-01', 'B-02', 'B-03', 'B-04']);
    // The published pairs: every route within the largest catchment searched (4 min + 25 %).
    expect(input.costs!.cost.every((c) => c <= 5)).toBe(true);
    expect(input.costs!.cost).toHaveLength(15);
  });

  it('scores with the drive times, not the straight line', () => {
    const r = scoreModelCategory(createGapsModel(input), 'settlement');
    // Within 4 min: B-01 reaches csv-s1, csv-s2, csv-s3 and the Riverside outreach site; B-03
    // five sites. Demand: B-01 60, B-03 140, B-02 and B-04 not known (0 people).
    expect(r.score[0]).toBeCloseTo(1 / 200 + 1 / 60 + 1 / 200 + 1 / 200, 15);
    expect(r.score[2]).toBeCloseTo(3 / 200 + 2 / 140, 15);
    expect(r.score[1]).toBeCloseTo(1 / 200 + 1 / 60 + 1 / 200, 15);
    // In a straight line, 4 (metres!) would reach nothing; 4 km reaches every site from everywhere.
    const straight = build(
      gapsConfigSchema.parse({
        ...config.gaps,
        costTable: undefined,
        categories: { settlement: { demand: 'recentImmigrants', method: '2sfca', maxCost: 4000 } },
      }),
    );
    const s = scoreModelCategory(createGapsModel(straight), 'settlement');
    expect(s.score[0]).toBeCloseTo(6 / 200, 15);
    expect(straight.params.cost).toEqual({ kind: 'straight-line' });
    expect(straight.costs).toBeUndefined();
  });

  it('every download states the cost, and the scores follow from the downloads alone', () => {
    const model = createGapsModel(JSON.parse(JSON.stringify(input)) as GapsInput);
    const results = new Map([['settlement', scoreModelCategory(model, 'settlement')]]);
    const variations = new Map([['settlement', variationResults(model, 'settlement')]]);
    const robust = new Map([['settlement', robustFlags(results.get('settlement')!, variations.get('settlement')!)]]);
    const [header, ...rows] = gapsCsv(input, results, robust)
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    for (const r of rows) {
      expect(r[col('max_cost')]).toBe('4');
      expect(r[col('cost_unit')]).toBe('min');
      expect(r[col('travel_cost')]).toContain(
        'travel time from OSRM (car profile; fixture answer) (cost table drive-times.csv)',
      );
    }
    const [vHeader, ...vRows] = variationsCsv(input, results, variations)
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(new Set(vRows.map((r) => r[vHeader!.indexOf('cost_unit')]))).toEqual(new Set(['min']));
    // The independent recomputation (tests/e2e/lib/recompute-gaps.ts) from the JSON download.
    for (const v of [
      { maxCost: 4, result: results.get('settlement')! },
      ...variations.get('settlement')!.map((x) => ({ maxCost: x.spec.maxCost, result: x.result, spec: x.spec })),
    ]) {
      const spec = 'spec' in v ? v.spec : input.params.categories[0]!;
      const weight =
        spec.weight?.kind === 'gaussian'
          ? `gaussian:${String(spec.weight.sigma)}`
          : spec.weight?.kind === 'step'
            ? `step:${spec.weight.steps.map(([d, w]) => `${String(d)}=${String(w)}`).join(',')}`
            : 'none';
      const mine = recompute(JSON.parse(JSON.stringify(input)) as PublishedInput, 'settlement', {
        method: spec.method,
        maxCost: v.maxCost,
        weight,
        areaPoints: false,
      });
      mine.score.forEach((s, a) =>
        Number.isNaN(s) ? expect(v.result.score[a]).toBeNaN() : expect(v.result.score[a]).toBeCloseTo(s, 12),
      );
      expect(mine.underServed).toEqual(v.result.underServed);
    }
  });

  it('the fixture table is what `npm run cost-table` makes of the OSRM answer', () => {
    const ids = (f: string) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]!);
    const response = JSON.parse(readFileSync(join(dir, 'osrm-table.json'), 'utf8')) as unknown;
    const csv = costTableCsv(
      convertUnit(adaptResponse('osrm', response, 'duration', ids('cost-origins.csv'), ids('cost-dests.csv')), 'min'),
    );
    expect(csv).toBe(readFileSync(join(dir, 'drive-times.csv'), 'utf8'));
    // And the points sent to the engine are the site's demand points and service locations.
    const req = engineRequests(input.points, input.services);
    expect(req['origins.csv']).toBe(readFileSync(join(dir, 'cost-origins.csv'), 'utf8'));
    expect(req['dests.csv']).toBe(readFileSync(join(dir, 'cost-dests.csv'), 'utf8'));
    expect(req['osrm-request.txt']).toMatch(
      /^\/table\/v1\/driving\/-64\.815,46\.085;.*\?sources=0;1;2;3&destinations=4;5;6;7;8;9&annotations=duration,distance\n$/,
    );
  });

  it('shows catchments in the table’s unit', () => {
    const f = gapFormatters('en-CA', 10, { fewerThan: '', notKnown: '', noService: '', none: '' }, input.params.cost);
    expect(f.cost(4)).toBe('4 mins');
    expect(f.costUnit).toBe('minutes');
    expect(gapFormatters('en-CA', 10, { fewerThan: '', notKnown: '', noService: '', none: '' }).cost(2500)).toBe(
      '2.5 km',
    );
  });

  it('names the file, row, field and reason of a bad table', () => {
    const good = readFileSync(join(dir, 'drive-times.csv'), 'utf8').split('\n');
    const bad = (lines: string[]) => {
      const d = mkdtempSync(join(tmpdir(), 'cost-'));
      writeFileSync(join(d, 'drive-times.csv'), lines.join('\n'));
      return () => build(config.gaps, d);
    };
    const cases: [string[], RegExp][] = [
      [
        good.filter((_, i) => i !== 3),
        /^drive-times\.csv: no row for the pair "B-01" \(demand point of area "[^"]+"\) -> "csv-s3" \(location of "Hilltop Employment Hub"\)/,
      ],
      [good.map((l, i) => (i === 5 ? l.replace('B-01', 'B-09') : l)), /^drive-times\.csv row 6: column origin: .*B-09/],
      [good.map((l, i) => (i === 7 ? l.replace('2.335', '2,3') : l)), /^drive-times\.csv row 8: /],
      [
        good.map((l, i) => (i === 8 ? l.replace('0.4216666666666667', 'fast') : l)),
        /^drive-times\.csv row 9: column cost: "fast" is not a number/,
      ],
      [good.map((l, i) => (i === 2 ? l.replace(',min', ',s') : l)), /^drive-times\.csv row 3: column unit: /],
    ];
    for (const [lines, message] of cases) {
      expect(bad(lines)).toThrow(CostTableError);
      expect(bad(lines)).toThrow(message);
    }
  });

  it('validates the setting', () => {
    const base = { categories: { settlement: { demand: 'population', method: '2sfca', maxCost: 10 } } };
    const table = { file: 't.csv', measure: 'time', unit: 'min', engine: 'OSRM' };
    expect(gapsConfigSchema.safeParse({ ...base, costTable: table }).success).toBe(true);
    const unit = gapsConfigSchema.safeParse({ ...base, costTable: { ...table, unit: 'km' } });
    expect(unit.error?.issues[0]).toMatchObject({
      path: ['costTable', 'unit'],
      message: 'a time is in s, min, h, not km',
    });
    const fca = gapsConfigSchema.safeParse({
      categories: { settlement: { demand: 'population', method: 'fca', maxCost: 10 } },
      costTable: table,
    });
    expect(fca.error?.issues[0]?.path).toEqual(['categories', 'settlement', 'method']);
  });
});
