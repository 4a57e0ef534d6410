import { describe, expect, it } from 'vitest';
import { buildPostalTable, lookupPostalCode, parsePostalCode } from '../../../src/lib/finder/postal.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { loadPostalAreas } from '../../../src/lib/ingest/postal-areas.ts';

describe('parsePostalCode', () => {
  it('accepts full codes in any case and spacing, and forward sortation areas alone', () => {
    expect(parsePostalCode('m5v3l9')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode(' M5V  3L9 ')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode('M5V-3L9')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode('m1k')).toEqual({ fsa: 'M1K' });
  });

  it('rejects letters Canada Post never uses and other shapes', () => {
    expect(parsePostalCode('D5V 3L9')).toBeUndefined();
    expect(parsePostalCode('W1K')).toBeUndefined();
    expect(parsePostalCode('M5V 3O9')).toBeUndefined();
    expect(parsePostalCode('90210')).toBeUndefined();
    expect(parsePostalCode('')).toBeUndefined();
  });
});

describe('postal table', () => {
  const table = buildPostalTable([
    { postalCode: 'M5V 3L9', lon: -79.39, lat: 43.64 },
    { postalCode: 'M5V 1A1', lon: -79.4, lat: 43.65 },
    { postalCode: 'M5V2B2', lon: -79.41, lat: 43.66 },
    { postalCode: 'M1K 4T7', lon: -79.25, lat: 43.73 },
    { postalCode: 'not a code', lon: 0, lat: 0 },
    { lon: 0, lat: 0 },
  ]);

  it('places each FSA at the median of its addresses', () => {
    expect(table).toEqual({ M1K: [-79.25, 43.73, 1], M5V: [-79.4, 43.65, 3] });
  });

  it('looks up a code by its FSA and says when the FSA is unknown', () => {
    expect(lookupPostalCode(table, 'm5v 9z9')).toEqual({ lon: -79.4, lat: 43.65, fsa: 'M5V' });
    expect(lookupPostalCode(table, 'K1A 0B1')).toBeUndefined();
    expect(lookupPostalCode(table, 'hello')).toBeUndefined();
  });
});

describe('postal areas (FSA polygons)', () => {
  it('places an FSA inside its polygon when one is given, and knows FSAs with no service', () => {
    const table = buildPostalTable(
      [
        { postalCode: 'M5V 3L9', lon: -79.39, lat: 43.64 },
        { postalCode: 'M1K 4T7', lon: -79.25, lat: 43.73 },
      ],
      { M5V: [-79.3981, 43.6421], M6P: [-79.4621, 43.6611] },
    );
    expect(table).toEqual({ M1K: [-79.25, 43.73, 1], M5V: [-79.3981, 43.6421, 1], M6P: [-79.4621, 43.6611, 0] });
  });

  it('reads polygons into points inside them, reporting bad features', () => {
    const square = (x: number, y: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.02, y],
          [x + 0.02, y + 0.02],
          [x, y + 0.02],
          [x, y],
        ],
      ],
    });
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { fsa: 'm5v' }, geometry: square(-79.41, 43.63) },
        { type: 'Feature', properties: { fsa: 'M5V' }, geometry: square(-79.3, 43.7) },
        { type: 'Feature', properties: { fsa: 'D5V' }, geometry: square(-79.3, 43.7) },
        { type: 'Feature', properties: { fsa: 'M6P' }, geometry: { type: 'Point', coordinates: [-79.46, 43.66] } },
      ],
    });
    const log = new IssueLog();
    const points = loadPostalAreas(file, 'fsa.geojson', 'fsa', log);
    expect(Object.keys(points)).toEqual(['M5V']);
    const [lon, lat] = points['M5V'] ?? [0, 0];
    expect(lon).toBeGreaterThan(-79.41);
    expect(lon).toBeLessThan(-79.39);
    expect(lat).toBeGreaterThan(43.63);
    expect(lat).toBeLessThan(43.65);
    expect(log.files).toEqual([
      { file: 'fsa.geojson', layer: 'postal-areas', read: 4, published: 1, reported: 3, merged: 0 },
    ]);
    expect(log.issues.map((i) => [i.feature, i.field, i.reason])).toEqual([
      [1, 'fsa', '"M5V" repeats feature 0; postal area left out'],
      [2, 'fsa', '"D5V" is not a forward sortation area (letter, digit, letter, e.g. M5V); postal area left out'],
      [3, 'geometry.type', expect.stringContaining('postal area left out')],
    ]);
  });

  it('Toronto: all 96 FSAs of the 2016 boundary file are placed inside the city', { timeout: 60_000 }, async () => {
    const { loadSiteConfig } = await import('../../../src/lib/ingest/config.ts');
    const { runPipeline } = await import('../../../src/lib/ingest/pipeline.ts');
    const { readerFor, ROOT } = await import('../ingest/helpers.ts');
    const { join } = await import('node:path');
    const config = await loadSiteConfig(join(ROOT, 'demo/toronto/site.config.ts'));
    const { postalAreas } = runPipeline(config, readerFor(join(ROOT, 'demo/toronto')));
    expect(Object.keys(postalAreas ?? {})).toHaveLength(96);
    const [w, s, e, n] = config.map.bounds;
    for (const [lon, lat] of Object.values(postalAreas ?? {})) {
      expect(lon > w && lon < e && lat > s && lat < n).toBe(true);
    }
  });
});
