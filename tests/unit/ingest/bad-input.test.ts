import { describe, expect, it } from 'vitest';
import { PipelineError, formatIssue } from '../../../src/lib/ingest/issues.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import type { Issue } from '../../../src/lib/schema/report.ts';
import type { SiteConfigInput } from '../../../src/lib/schema/config.ts';
import { badBaseConfig, FIXTURES, readerFor } from './helpers.ts';

const read = readerFor(FIXTURES);
const FILE = 'bad/services-bad.csv';
const result = runPipeline(await badBaseConfig(), read);
const issuesAt = (row: number): Issue[] => result.report.issues.filter((i) => i.file === FILE && i.row === row);

/** Runs the pipeline expecting it to stop; returns the fatal issues. */
async function fatal(overrides: Partial<SiteConfigInput>): Promise<Issue[]> {
  try {
    runPipeline(await badBaseConfig(overrides), read);
  } catch (e) {
    if (e instanceof PipelineError) return [...e.issues];
    throw e;
  }
  throw new Error('the pipeline did not stop');
}

describe('bad service records: left out or fixed, each with file, row, field and reason', () => {
  it('keeps the counts invariant', () => {
    const f = result.report.files.find((x) => x.file === FILE);
    expect(f).toEqual({ file: FILE, layer: 'bad', read: 12, published: 6, reported: 6, merged: 0 });
    expect(result.services.map((s) => s.source.recordId).sort()).toEqual(['BE', 'G1', 'G1', 'JS', 'Q1', 'WW']);
  });

  it('malformed CSV row (wrong column count)', () => {
    expect(issuesAt(3)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 3,
        field: '*',
        reason: 'row has 8 columns, the header has 7 (delimiter ","); row left out',
        action: 'skipped',
      },
    ]);
  });

  it('missing name', () => {
    expect(issuesAt(4)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 4,
        recordId: 'M1',
        field: 'title',
        reason: 'name is missing',
        action: 'skipped',
      },
    ]);
  });

  it('duplicate id of another place: kept under a derived id, naming the first occurrence', () => {
    expect(issuesAt(5)).toEqual([
      {
        severity: 'warning',
        file: FILE,
        row: 5,
        recordId: 'G1',
        field: 'ref',
        action: 'fixed',
        reason:
          'duplicate id "G1" (first used at row 2, another place ("1 Main St", 135 m away)); kept under the derived id "bad-g1-4-main-st"',
      },
    ]);
    expect(result.services.filter((s) => s.source.recordId === 'G1').map((s) => [s.id, s.name])).toEqual([
      ['bad-g1-4-main-st', 'Duplicate Of Good'],
      ['bad-g1', 'Good Place'],
    ]);
  });

  it('swapped lat/lon says "looks swapped"', () => {
    expect(issuesAt(6)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 6,
        recordId: 'SW',
        field: 'coordinates',
        action: 'skipped',
        reason: 'lon 46.085, lat -64.815 looks swapped: as lon -64.815, lat 46.085 it would lie inside the region',
      },
    ]);
  });

  it('out-of-region coordinates', () => {
    expect(issuesAt(7)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 7,
        recordId: 'OUT',
        field: 'coordinates',
        action: 'skipped',
        reason: 'lon -75, lat 45 lies outside the region bounds [-64.83, 46.07, -64.79, 46.11]',
      },
    ]);
  });

  it('non-numeric coordinate', () => {
    expect(issuesAt(8)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 8,
        recordId: 'NN',
        field: 'coordinates',
        action: 'skipped',
        reason: 'coordinates must be numbers, got lon "-64.815", lat "abc"',
      },
    ]);
  });

  it('javascript: URL is rejected (link left out, record kept)', () => {
    expect(issuesAt(9)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 9,
        recordId: 'JS',
        field: 'web',
        action: 'fixed',
        reason:
          '"javascript:alert(1)" uses the scheme "javascript:"; only http and https links are allowed; link left out',
      },
    ]);
    expect(result.services.find((s) => s.source.recordId === 'JS')?.url).toBeUndefined();
  });

  it('www. URL without scheme is fixed with a warning', () => {
    expect(issuesAt(10)).toEqual([
      {
        severity: 'warning',
        file: FILE,
        row: 10,
        recordId: 'WW',
        field: 'web',
        action: 'fixed',
        reason: 'added "https://" to "www.noscheme.example.ca"',
      },
    ]);
    expect(result.services.find((s) => s.source.recordId === 'WW')?.url).toBe('https://www.noscheme.example.ca/');
  });

  it('invalid email is left out', () => {
    expect(issuesAt(11)).toEqual([
      {
        severity: 'error',
        file: FILE,
        row: 11,
        recordId: 'BE',
        field: 'mail',
        action: 'fixed',
        reason: '"not-an-email" is not an email address; left out',
      },
    ]);
  });

  it('counts lines, not rows, after a quoted line break', () => {
    expect(result.services.find((s) => s.source.recordId === 'Q1')?.name).toBe('Two\nLines');
    expect(issuesAt(14)).toEqual([
      expect.objectContaining({ recordId: 'M2', field: 'title', reason: 'name is missing' }),
    ]);
  });

  it('formats issues as file:row field: reason', () => {
    expect(formatIssue(issuesAt(4)[0] as Issue)).toBe(
      'ERROR bad/services-bad.csv:row 4 [M1] title: name is missing (skipped)',
    );
  });
});

describe('bad census rows: null + warning, never 0', () => {
  it('reports suppressed and non-numeric cells, short rows, rows without an area, areas without a row', async () => {
    const cfg = await badBaseConfig();
    const r = runPipeline({ ...cfg, census: { ...cfg.census, file: 'bad/indicators-bad.csv' } }, read);
    const file = 'bad/indicators-bad.csv';
    expect(r.report.issues.filter((i) => i.file === file)).toEqual([
      {
        severity: 'error',
        file,
        row: 4,
        field: '*',
        reason: 'row has 9 columns, the header has 13 (delimiter ","); row left out',
        action: 'skipped',
      },
      {
        severity: 'error',
        file,
        row: 2,
        recordId: 'B-01',
        field: 'born_abroad',
        reason: '"abc" is not a count (a whole number, 0 or more); value unknown (null)',
        action: 'fixed',
      },
      {
        severity: 'warning',
        file,
        row: 2,
        recordId: 'B-01',
        field: 'top_lang_b_n',
        reason: 'suppressed value "x"; value unknown (null), not 0',
        action: 'fixed',
      },
      {
        severity: 'warning',
        file,
        row: 3,
        recordId: 'B-02',
        field: 'born_abroad',
        reason: 'suppressed value "x"; value unknown (null), not 0',
        action: 'fixed',
      },
      {
        severity: 'warning',
        file,
        row: 3,
        recordId: 'B-02',
        field: 'arrived_2016_2021',
        reason: 'suppressed value "..."; value unknown (null), not 0',
        action: 'fixed',
      },
      {
        severity: 'warning',
        file,
        row: 5,
        recordId: 'B-77',
        field: 'zone_code',
        reason: 'no area with id "B-77" in city-b/zones.geojson; row left out',
        action: 'skipped',
      },
    ]);
    expect(r.report.files.find((f) => f.file === file)).toMatchObject({ read: 4, published: 2, reported: 2 });
    const b01 = r.areas.find((a) => a.id === 'B-01');
    expect(b01?.indicators['immigrants']).toBeNull();
    expect(b01?.homeLanguages).toEqual([
      { name: 'Arabic', count: 40 },
      { name: 'Tagalog', count: null },
    ]);
    const missing = r.report.issues
      .filter((i) => i.file === 'city-b/zones.geojson')
      .map((i) => [i.feature, i.recordId]);
    expect(missing).toEqual([
      [2, 'B-03'],
      [3, 'B-04'],
    ]);
  });
});

describe('fatal problems stop the pipeline and list every error', () => {
  it('unclosed ring', async () => {
    expect(
      await fatal({ areas: { file: 'bad/zones-unclosed.geojson', idProperty: 'zone', nameProperty: 'zone_label' } }),
    ).toEqual([
      {
        severity: 'error',
        file: 'bad/zones-unclosed.geojson',
        feature: 1,
        field: 'geometry.coordinates[0]',
        action: 'skipped',
        reason: 'ring is not closed: first [-64.81,46.08] ≠ last [-64.7,46.2]',
      },
    ]);
  });

  it('too few points', async () => {
    const issues = await fatal({
      areas: { file: 'bad/zones-few-points.geojson', idProperty: 'zone', nameProperty: 'zone_label' },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        feature: 2,
        field: 'geometry.coordinates[0]',
        reason: 'ring has 3 positions; a closed ring needs at least 4',
      }),
    ]);
  });

  it('non-numeric coordinates', async () => {
    const issues = await fatal({
      areas: { file: 'bad/zones-non-numeric.geojson', idProperty: 'zone', nameProperty: 'zone_label' },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        feature: 0,
        field: 'geometry.coordinates[0][2]',
        reason: 'coordinates must be numbers, got ["-64.81","46.09"]',
      }),
    ]);
  });

  it('duplicate area id', async () => {
    const issues = await fatal({
      areas: { file: 'bad/zones-duplicate-id.geojson', idProperty: 'zone', nameProperty: 'zone_label' },
    });
    expect(issues).toEqual([
      expect.objectContaining({ feature: 3, field: 'zone', reason: 'duplicate area id "B-02" (also feature 1)' }),
    ]);
  });

  it('an area id that cannot name a file or page', async () => {
    const issues = await fatal({
      areas: { file: 'bad/zones-markup-id.geojson', idProperty: 'zone', nameProperty: 'zone_label' },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        feature: 3,
        field: 'zone',
        reason: expect.stringMatching(/^area id "B-04<svg onload=alert\(1\)>" is not usable in a file name/),
      }),
    ]);
  });

  it('unknown category and match type in the rule table', async () => {
    expect(await fatal({ rules: { file: 'bad/rules-unknown-category.csv' } })).toEqual([
      {
        severity: 'error',
        file: 'bad/rules-unknown-category.csv',
        row: 3,
        field: 'category',
        reason: 'unknown category "space_travel" (not in src/lib/categories.ts)',
        action: 'skipped',
      },
      {
        severity: 'error',
        file: 'bad/rules-unknown-category.csv',
        row: 4,
        field: 'match_type',
        reason: 'unknown match type "sounds_like" (use all, equals, in, prefix, regex_i)',
        action: 'skipped',
      },
    ]);
  });

  it('missing files, all at once', async () => {
    const issues = await fatal({ boundary: 'bad/nowhere.geojson', rules: { file: 'bad/no-rules.csv' } });
    expect(issues.map((i) => [i.file, i.reason])).toEqual([
      ['bad/no-rules.csv', 'file not found (looked in bad/)'],
      ['bad/nowhere.geojson', 'file not found (looked in bad/)'],
    ]);
  });

  it('a configured column the file does not have', async () => {
    const cfg = await badBaseConfig();
    const layer = cfg.serviceLayers[0];
    if (!layer) throw new Error('fixture');
    try {
      runPipeline({ ...cfg, serviceLayers: [{ ...layer, phoneField: 'telephone' }] }, read);
      throw new Error('did not stop');
    } catch (e) {
      expect((e as PipelineError).issues).toEqual([
        {
          severity: 'error',
          file: FILE,
          row: 1,
          field: 'telephone',
          action: 'skipped',
          reason:
            'the layer config (phoneField) names "telephone", which the header does not have (header on line 1, read with the delimiter "," (detected): "ref", "title", "street", "lat", "lon", "web", "mail")',
        },
      ]);
    }
  });
});
