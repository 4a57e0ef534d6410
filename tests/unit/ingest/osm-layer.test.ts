/**
 * An OpenStreetMap extract as a service layer (tests/fixtures/mapping/osm.geojson): tags nested
 * under `properties.tags`, as osmtogeojson writes them, reached with field paths.
 */
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import type { SiteConfigInput } from '../../../src/lib/schema/config.ts';
import { badBaseConfig, FIXTURES, readerFor } from './helpers.ts';

const FILE = 'mapping/osm.geojson';
const read = readerFor(FIXTURES);

type Layer = SiteConfigInput['serviceLayers'][number];
const OSM_LAYER: Layer = {
  id: 'osm',
  file: FILE,
  format: 'geojson',
  idField: 'id',
  nameField: 'tags.name',
  address: { line1: 'tags["addr:street"]', postalCode: 'tags["addr:postcode"]', city: "tags['addr:city']" },
  phoneField: ['tags.phone', 'tags["contact:phone"]'],
  websiteField: 'tags.website',
  attributes: [{ key: 'openingHours', field: 'tags.opening_hours' }],
  sourceName: 'OpenStreetMap contributors',
  licence: 'ODbL 1.0',
};

async function run(layer: Partial<Layer> = {}) {
  return runPipeline(await badBaseConfig({ rules: { file: 'mapping/rules.csv' }, serviceLayers: [{ ...OSM_LAYER, ...layer } as Layer] }), read);
}

describe('an OpenStreetMap layer read through field paths', () => {
  it('reads nested tags for name, address, phone, web site, attributes and rules', async () => {
    const result = await run();
    const pharmacy = result.services.find((s) => s.source.recordId === '101');
    expect(pharmacy).toMatchObject({
      id: 'osm-101',
      name: 'Riverside Pharmacy',
      categories: ['pharmacy'],
      phones: [{ number: '506-555-0111' }],
      url: 'https://pharmacy.example.ca/',
      attributes: { openingHours: 'Mo-Fr 09:00-18:00' },
    });
    expect(pharmacy?.locations[0]?.address).toMatchObject({ line1: 'River Road', city: 'City B', postalCode: 'E1A 1A1' });
    const centre = result.services.find((s) => s.source.recordId === '103');
    expect(centre?.categories).toEqual(['community_recreation']);
    expect(centre?.subcategories).toEqual(['community_centre']);
  });

  it('a path no record has stops the build, naming the config key and the path', async () => {
    try {
      await run({ emailField: 'tags.email' });
      expect.unreachable('the pipeline did not stop');
    } catch (e) {
      expect(e).toBeInstanceOf(PipelineError);
      expect((e as PipelineError).issues.map((i) => `${i.file} ${i.field}: ${i.reason}`)).toEqual([
        `${FILE} tags.email: the layer config (emailField) names "tags.email", which no record in the file has`,
      ]);
    }
  });
});

describe('field paths on a CSV layer', () => {
  const csv = (line1: string): Layer => ({
    id: 'dot', file: 'mapping/dotted.csv', format: 'csv', idField: 'ref', nameField: 'name', address: { line1 }, latField: 'lat', lonField: 'lon', sourceName: 'fixture', licence: 'fixture',
  });
  const config = (line1: string) => badBaseConfig({ rules: { file: 'mapping/rules.csv' }, serviceLayers: [csv(line1)] });

  it('a column whose name holds a dot is reached with a quoted key', async () => {
    const result = runPipeline(await config('["addr.street"]'), read);
    expect(result.report.issues.filter((i) => i.field === '["addr.street"]')).toEqual([]);
  });

  it('the same column written as a nested path is refused with the fix', async () => {
    const stop = await config('addr.street').then((c) => runPipeline(c, read)).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(PipelineError);
    expect((stop as PipelineError).issues.map((i) => i.reason)).toEqual([
      'the layer config (address.line1) names "addr.street", which the header does not have (header on line 1, read with the delimiter "," (detected): "ref", "name", "addr.street", "lat", "lon"); for a column named "addr.street" write ["addr.street"]',
    ]);
  });
});
