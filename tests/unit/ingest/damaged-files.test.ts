/**
 * Damaged inputs as a LIP's own files arrive (spreadsheet exports, older systems): each class of
 * damage in tests/fixtures/bad/ gives its exact message, nothing is lost or garbled silently,
 * and nothing crashes with a stack trace.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/lib/schema/report.ts';
import { MAX_SLUG_LENGTH, serviceSlug } from '../../../src/lib/slug.ts';
import type { ServiceLayerConfig } from '../../../src/lib/schema/config.ts';
import { configWith, layerFor, run, type Outcome } from './damaged-helpers.ts';

const cityB = (await import('../../fixtures/city-b/site.config.ts')).default;

/** The published services and the file's own issues (not the shared rule table's). */
async function services(layers: ServiceLayerConfig[], overrides = {}) {
  const outcome = run(await configWith(layers, overrides));
  if (!outcome.ok) throw new Error(outcome.fatal.map((i) => i.reason).join('\n'));
  const { result } = outcome;
  const issues = result.report.issues.filter(
    (i) => layers.some((l) => l.file === i.file) || (i.file === result.config.census.file && i.file.startsWith('bad/')),
  );
  return { result, issues, counts: (file: string) => result.report.files.find((f) => f.file === `bad/${file}`) };
}

/** The fatal problems of a run that must stop. */
async function fatal(layers: ServiceLayerConfig[], overrides = {}): Promise<Issue[]> {
  const outcome: Outcome = run(await configWith(layers, overrides));
  if (outcome.ok) throw new Error('the pipeline did not stop');
  return outcome.fatal;
}

const skipped = (file: string, row: number, reason: string): Issue => ({
  severity: 'error',
  file: `bad/${file}`,
  row,
  field: '*',
  reason,
  action: 'skipped',
});

describe('CSV parse errors are errors, with their line', () => {
  it('an unterminated quote loses its own row only; reading resumes on the next line', async () => {
    const { result, issues, counts } = await services([layerFor('csv-unterminated-quote.csv')]);
    expect(issues).toEqual([
      skipped(
        'csv-unterminated-quote.csv',
        3,
        'a quote opened on this line is never closed (`A2,"Broken Quote,2 Main St,46.085,-64.81…`); reading resumes on the next line; row left out',
      ),
    ]);
    expect(result.services.map((s) => s.source.recordId).sort()).toEqual(['A1', 'A3', 'A4']);
    expect(counts('csv-unterminated-quote.csv')).toMatchObject({ read: 4, published: 3, reported: 1 });
  });

  it('a stray quote and text after a closing quote are reported', async () => {
    const { issues, counts } = await services([layerFor('csv-stray-quotes.csv')]);
    expect(issues).toEqual([
      skipped(
        'csv-stray-quotes.csv',
        2,
        'column 2 has a stray quote in `5" Screen Repair`; a value containing a quote must be in quotes, with the quote doubled (""); row left out',
      ),
      skipped(
        'csv-stray-quotes.csv',
        3,
        'column 2 has text after its closing quote (`"He said "hi" there"`); a quote inside a quoted value must be doubled (""); row left out',
      ),
    ]);
    expect(counts('csv-stray-quotes.csv')).toMatchObject({ read: 3, published: 1, reported: 2 });
  });

  it('mixed CRLF, LF and CR line endings do not glue rows together', async () => {
    const { result, issues } = await services([layerFor('csv-mixed-line-endings.csv')]);
    expect(issues).toEqual([]);
    expect(result.services.map((s) => [s.source.recordId, s.name]).sort()).toEqual([
      ['C1', 'Windows Line'],
      ['C2', 'Unix Line'],
      ['C3', 'Old Mac Line'],
    ]);
  });

  it('damage in the rule table stops the build (a lost rule would publish what it excludes)', async () => {
    const layers = [layerFor('services-bad.csv')];
    expect(await fatal(layers, { rules: { file: 'bad/rules-unterminated-quote.csv' } })).toEqual([
      skipped(
        'rules-unterminated-quote.csv',
        2,
        'a quote opened on this line is never closed (`services-bad.csv,*,all,,settlement,,yes,…`); reading resumes on the next line',
      ),
    ]);
  });

  it('an empty or blank rule table, or one repeating a column, is a message, not a crash', async () => {
    const layers = [layerFor('services-bad.csv')];
    expect(await fatal(layers, { rules: { file: 'bad/rules-blank.csv' } })).toEqual([
      skipped('rules-blank.csv', 1, 'not a readable rule table: the file has only blank lines'),
    ]);
    expect(await fatal(layers, { rules: { file: 'bad/rules-repeated-column.csv' } })).toEqual([
      skipped(
        'rules-repeated-column.csv',
        1,
        'not a readable rule table: the header repeats the column "category" (columns 5 and 6)',
      ),
    ]);
  });

  it('a config path that is a folder is a message', async () => {
    expect(await fatal([layerFor('services-bad.csv')], { rules: { file: 'bad' } })).toEqual([
      {
        severity: 'error',
        file: 'bad',
        field: '*',
        reason: 'this path is a folder; the config must name a file in it',
        action: 'skipped',
      },
    ]);
  });
});

describe('encoding', () => {
  it('undeclared Windows-1252 is refused, naming the byte, the line and the fix', async () => {
    expect(await fatal([layerFor('csv-windows-1252.csv')])).toEqual([
      {
        severity: 'error',
        file: 'bad/csv-windows-1252.csv',
        field: '*',
        action: 'skipped',
        reason:
          'the file is not valid UTF-8: byte 0xE9 on line 2 would be "é" in Windows-1252. Files saved by Excel as "CSV" are usually Windows-1252: save it as "CSV UTF-8", or declare encoding: \'windows-1252\' for it in the config',
      },
    ]);
  });

  it('declared Windows-1252 is decoded', async () => {
    const { result } = await services([layerFor('csv-windows-1252.csv', { encoding: 'windows-1252' })]);
    expect(result.services.map((s) => s.name)).toEqual(['Centre Québécois']);
  });

  it('UTF-16 and a spreadsheet renamed .csv are refused with what was found', async () => {
    expect((await fatal([layerFor('csv-utf16.csv')])).map((i) => i.reason)).toEqual([
      'the file is UTF-16 (byte order mark 0xFF 0xFE), not UTF-8: save it as UTF-8 (in Excel: "CSV UTF-8"), or declare encoding: \'utf-16le\' for it in the config',
    ]);
    expect((await fatal([layerFor('csv-renamed-xlsx.csv')])).map((i) => i.reason)).toEqual([
      'this is an Excel workbook (.xlsx), not a text file: open it in a spreadsheet program and save it as "CSV UTF-8" (or export GeoJSON/JSON), then point the config at that file',
    ]);
  });

  it('declared UTF-16 is decoded', async () => {
    const { result } = await services([layerFor('csv-utf16.csv', { encoding: 'utf-16le' })]);
    expect(result.services.map((s) => s.name)).toEqual(['Wide']);
  });
});

describe('delimiter: declared or detected once from the header line', () => {
  it('a comma file whose list cells use ";" is read as comma-separated', async () => {
    const { result, issues } = await services([layerFor('csv-list-cells.csv', { languagesField: 'langs' })]);
    expect(issues).toEqual([]);
    expect(result.services.map((s) => [s.source.recordId, s.languages]).sort()).toEqual([
      ['E1', ['en', 'fr', 'ar']],
      ['E2', ['fr']],
    ]);
  });

  it('a semicolon file is detected as such', async () => {
    const { result } = await services([layerFor('csv-semicolon.csv')]);
    expect(result.services.map((s) => s.name)).toEqual(['Centre, East']);
  });

  it('a wrong declared delimiter: the message shows the header as read', async () => {
    const issues = await fatal([layerFor('csv-list-cells.csv', { delimiter: ';' })]);
    expect(issues[0]).toEqual({
      severity: 'error',
      file: 'bad/csv-list-cells.csv',
      row: 1,
      field: 'ref',
      action: 'skipped',
      reason:
        'the layer config (idField) names "ref", which the header does not have (header on line 1, read with the delimiter ";" (declared): "ref,title,street,lat,lon,langs")',
    });
  });

  it('a title line above the header gets its own message', async () => {
    expect(await fatal([layerFor('csv-title-line.csv')])).toEqual([
      skipped(
        'csv-title-line.csv',
        1,
        'not a readable CSV: line 1 ("Community services in City B (2024)") looks like a title above the header: the next line has 5 columns (`ref,title,street,lat,lon`). Delete the title line so that the column names are on the first line',
      ),
    ]);
  });
});

describe('rules cannot hang the build', () => {
  it('a catastrophic pattern runs in linear time (RE2)', async () => {
    const { result, issues } = await services([layerFor('csv-catastrophic.csv')], {
      rules: { file: 'bad/rules-catastrophic.csv' },
    });
    expect(result.services.map((s) => s.source.recordId)).toEqual(['R1']);
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: 'bad/csv-catastrophic.csv',
        row: 3,
        recordId: 'R2',
        field: '*',
        reason: 'no rule in bad/rules-catastrophic.csv gives this record a category',
        action: 'excluded',
      },
    ]);
  });

  it('backreferences are refused with the reason', async () => {
    expect(await fatal([layerFor('csv-catastrophic.csv')], { rules: { file: 'bad/rules-backreference.csv' } })).toEqual(
      [
        {
          severity: 'error',
          file: 'bad/rules-backreference.csv',
          row: 2,
          field: 'match_value',
          action: 'skipped',
          reason:
            'regular expression does not compile: error parsing regexp: invalid escape sequence: `\\1` (rules use RE2 syntax: no backreferences or lookaround)',
        },
      ],
    );
  });
});

describe('values are validated where they enter', () => {
  it('long names get a bounded, stable slug; invisible names are missing; decimal and locale-formatted counts are refused; 1e999 is not finite', async () => {
    const { result, issues, counts } = await services([layerFor('csv-values.csv', { capacityField: 'spaces' })]);
    const v1 = result.services.find((s) => s.source.recordId === 'V1');
    expect(v1?.slug).toBe(
      'community-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-very-ver-32xaxd',
    );
    expect(v1?.slug).toHaveLength(150);
    expect(v1?.capacity).toBe(10);
    expect(issues.map((i) => [i.row, i.severity, i.field, i.reason])).toEqual([
      [3, 'error', 'title', 'name is missing'],
      [4, 'warning', 'spaces', '"12.5" is not a count (a whole number, 0 or more); capacity left unknown'],
      [
        5,
        'warning',
        'spaces',
        '"1.200" is not a count (a whole number, 0 or more) (if "." groups thousands in this file, declare numberFormat: \'1.234,5\'); capacity left unknown',
      ],
      [6, 'error', 'coordinates', 'lat 1e999 is not a finite number'],
    ]);
    expect(result.services.find((s) => s.source.recordId === '12345678901234567890')?.id).toBe(
      'bad-12345678901234567890',
    );
    expect(counts('csv-values.csv')).toMatchObject({ read: 6, published: 4, reported: 2 });
  });

  it('two long names that start alike keep different slugs, the same in every build', () => {
    const long = 'Centre '.repeat(30);
    const one = serviceSlug(`${long} One`, 'l-1');
    const two = serviceSlug(`${long} Two`, 'l-2');
    expect(one).not.toBe(two);
    expect([one.length, two.length]).toEqual([MAX_SLUG_LENGTH, MAX_SLUG_LENGTH]);
    expect(serviceSlug(`${long} One`, 'l-1')).toBe(one);
    expect(serviceSlug('Short Name', 'l-3')).toBe('short-name-l-3');
  });

  it('a declared number format reads "1.200" as 1200', async () => {
    const { result } = await services([
      layerFor('csv-values.csv', { capacityField: 'spaces', numberFormat: '1.234,5' }),
    ]);
    expect(result.services.find((s) => s.source.recordId === 'V4')?.capacity).toBe(1200);
  });

  it('GeoJSON: a 20-digit numeric id keeps its digits; 1e999 is "not a finite number"', async () => {
    const { result, issues } = await services([layerFor('geojson-numbers.geojson')]);
    expect(result.services.map((s) => s.source.recordId)).toEqual(['12345678901234567890']);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'bad/geojson-numbers.geojson',
        feature: 1,
        recordId: 'G2',
        field: 'coordinates',
        reason: 'lat 1e999 is not a finite number',
        action: 'skipped',
      },
    ]);
  });

  it('census counts: "1.200" and decimals refused unless the format is declared', async () => {
    const census = (numberFormat?: '1.234,5') => ({
      census: { ...cityB.census, file: 'bad/indicators-number-format.csv', ...(numberFormat ? { numberFormat } : {}) },
    });
    const plain = await services([layerFor('csv-semicolon.csv')], census());
    const countIssues = (r: typeof plain) =>
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field, i.reason]);
    expect(countIssues(plain)).toEqual([
      [
        2,
        'residents',
        '"1.200" is not a count (a whole number, 0 or more) (if "." groups thousands in this file, declare numberFormat: \'1.234,5\'); value unknown (null)',
      ],
      [4, 'born_abroad', '"610.5" is not a count (a whole number, 0 or more); value unknown (null)'],
    ]);
    const declared = await services([layerFor('csv-semicolon.csv')], census('1.234,5'));
    expect(declared.result.areas.find((a) => a.id === 'B-01')?.indicators['population']).toBe(1200);
  });

  it('area ids that cannot be URL segments stop the build', async () => {
    const issues = await fatal([layerFor('csv-semicolon.csv')], {
      areas: { file: 'bad/zones-unsafe-ids.geojson', idProperty: 'zone', nameProperty: 'zone_label' },
    });
    const page = "cannot be part of a web address (the area's page is /fact-sheets/neighbourhoods/<id>/)";
    expect(issues.map((i) => [i.feature, i.reason])).toEqual([
      [0, `area id "B/01" ${page}: it contains "/"; use letters, digits, "-" or "_"`],
      [1, `area id "B-02?x" ${page}: it contains "?"; use letters, digits, "-" or "_"`],
      [2, `area id ".." ${page}: it starts or ends with "." or contains ".."; use letters, digits, "-" or "_"`],
      [3, `area id "B#04" ${page}: it contains "#"; use letters, digits, "-" or "_"`],
    ]);
  });

  it('service ids are unique across layers', async () => {
    const { result, issues, counts } = await services([
      layerFor('csv-cross-a.csv', {}, 'a'),
      layerFor('csv-cross-b.csv', {}, 'a-b'),
    ]);
    expect(result.services.map((s) => s.name)).toEqual(['First Layer Place']);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'bad/csv-cross-b.csv',
        row: 2,
        recordId: '1',
        field: 'id',
        action: 'skipped',
        reason: 'service id "a-b-1" is already the id of row 2 of layer "a"; this record is left out',
      },
      {
        severity: 'warning',
        file: 'bad/csv-cross-b.csv',
        field: '*',
        action: 'skipped',
        reason:
          'layer "a-b" publishes no service: all 1 records read were left out (0 excluded or given no category by the rules, 1 with errors); the first: row 2 id: service id "a-b-1" is already the id of row 2 of layer "a"; this record is left out',
      },
    ]);
    expect(counts('csv-cross-b.csv')).toMatchObject({ read: 1, published: 0, reported: 1 });
  });

  it('location ids are unique within a service', async () => {
    const layer = {
      id: 'h',
      file: 'bad/hsds-duplicate-locations.json',
      format: 'hsds',
      attributes: [],
      sourceName: 'f',
      licence: 'f',
    } as ServiceLayerConfig;
    const { result, issues } = await services([layer]);
    expect(result.services[0]?.locations.map((l) => l.address.line1)).toEqual(['1 First St']);
    // (The schema check's findings on this hand-written file are tested in hsds-import.test.ts.)
    expect(issues.filter((i) => !i.reason.includes('HSDS 3.0'))).toEqual([
      {
        severity: 'error',
        file: 'bad/hsds-duplicate-locations.json',
        feature: 0,
        recordId: 'two-sites',
        field: 'locations[1].id',
        action: 'fixed',
        reason: 'location id "l1" repeats an earlier location of this service; this location is left out',
      },
    ]);
  });
});
