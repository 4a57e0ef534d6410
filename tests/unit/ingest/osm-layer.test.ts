/**
 * An OpenStreetMap extract as a service layer (tests/fixtures/mapping/osm.geojson): tags nested
 * under `properties.tags`, as osmtogeojson writes them, reached with field paths.
 */
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import type { SiteConfigInput } from '../../../src/lib/schema/config.ts';
import type { ReadFile } from '../../../src/lib/ingest/pipeline.ts';
import { badBaseConfig, FIXTURES, readerFor, textReaderFor } from './helpers.ts';

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

async function run(layer: Partial<Layer> = {}, reader: ReadFile = read, overrides: Partial<SiteConfigInput> = {}) {
  return runPipeline(
    await badBaseConfig({
      rules: { file: 'mapping/rules.csv' },
      serviceLayers: [{ ...OSM_LAYER, ...layer } as Layer],
      ...overrides,
    }),
    reader,
  );
}

/** The OSM fixture with its features changed by `edit` (e.g. without their own ids). */
function editedOsm(
  edit: (
    features: { id?: string; properties: { tags: Record<string, string> }; geometry: { coordinates: number[] } }[],
  ) => void,
): ReadFile {
  const json = JSON.parse(textReaderFor(FIXTURES)(FILE)) as { features: Parameters<typeof edit>[0] };
  edit(json.features);
  return (f) => (f === FILE ? JSON.stringify(json) : read(f));
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
    expect(pharmacy?.locations[0]?.address).toMatchObject({
      line1: 'River Road',
      city: 'City B',
      postalCode: 'E1A 1A1',
    });
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
    id: 'dot',
    file: 'mapping/dotted.csv',
    format: 'csv',
    idField: 'ref',
    nameField: 'name',
    address: { line1 },
    latField: 'lat',
    lonField: 'lon',
    sourceName: 'fixture',
    licence: 'fixture',
  });
  const config = (line1: string) =>
    badBaseConfig({ rules: { file: 'mapping/rules.csv' }, serviceLayers: [csv(line1)] });

  it('a column whose name holds a dot is reached with a quoted key', async () => {
    const result = runPipeline(await config('["addr.street"]'), read);
    expect(result.report.issues.filter((i) => i.field === '["addr.street"]')).toEqual([]);
  });

  it('the same column written as a nested path is refused with the fix', async () => {
    const stop = await config('addr.street')
      .then((c) => runPipeline(c, read))
      .catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(PipelineError);
    expect((stop as PipelineError).issues.map((i) => i.reason)).toEqual([
      'the layer config (address.line1) names "addr.street", which the header does not have (header on line 1, read with the delimiter "," (detected): "ref", "name", "addr.street", "lat", "lon"); for a column named "addr.street" write ["addr.street"]',
    ]);
  });
});

describe('OpenStreetMap addresses, optional addresses and derived ids', () => {
  const osmLayer: Partial<Layer> = { idField: undefined, address: { osm: 'tags' } };

  it('combines addr:* tags into an address (unit before the civic number)', async () => {
    const result = await run(osmLayer);
    const pharmacy = result.services.find((s) => s.name === 'Riverside Pharmacy');
    expect(pharmacy?.locations[0]?.address).toEqual({
      line1: '3-12 River Road',
      city: 'City B',
      postalCode: 'E1A 1A1',
      country: 'CA',
    });
  });

  it('turns a province name into its code, and leaves out and reports an unknown one', async () => {
    const reader = editedOsm((features) => {
      const [first, second] = features;
      if (first) first.properties.tags['addr:province'] = 'Québec';
      if (second) second.properties.tags['addr:province'] = 'Ontario';
      const third = features[2];
      if (third) third.properties.tags['addr:province'] = 'Narnia';
    });
    const result = await run(osmLayer, reader);
    const provinces = result.services.map((s) => s.locations[0]?.address.province);
    expect(provinces).toContain('QC');
    expect(provinces).toContain('ON');
    const unknown = result.report.issues.filter((i) => i.field === 'province');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'warning', action: 'fixed' });
    expect(unknown[0]?.reason).toContain('"Narnia"');
  });

  it('publishes a point without an address, saying so in the report', async () => {
    const result = await run(osmLayer);
    const dentist = result.services.find((s) => s.name === 'Smile Dental');
    expect(dentist?.locations[0]?.address).toEqual({ country: 'CA' });
    expect(dentist?.phones).toEqual([{ number: '506-555-0112' }]);
    expect(result.report.issues.filter((i) => i.recordId === 'node/102')).toEqual([
      {
        severity: 'warning',
        file: FILE,
        feature: 1,
        recordId: 'node/102',
        field: 'tags["addr:street"]',
        reason: 'no street address; published with the address not given',
        action: 'fixed',
      },
    ]);
    expect(result.report.files.find((f) => f.file === FILE)).toMatchObject({ read: 5, published: 4, reported: 1 });
  });

  it('without idField, uses the feature id (node/101) as the record id', async () => {
    const result = await run(osmLayer);
    expect(result.services.map((s) => s.id).sort()).toEqual([
      'osm-node-101',
      'osm-node-102',
      'osm-node-104',
      'osm-way-103',
    ]);
  });

  it('without any id, derives one from the name and the rounded point, stable when the file is re-ordered', async () => {
    const noIds = editedOsm((features) => features.forEach((f) => delete f.id));
    const ids = (await run(osmLayer, noIds)).services.map((s) => s.id).sort();
    expect(ids).toContain('osm-riverside-pharmacy-46-0851-64-8172');
    const reversed = editedOsm((features) => {
      features.forEach((f) => delete f.id);
      features.reverse();
    });
    expect((await run(osmLayer, reversed)).services.map((s) => s.id).sort()).toEqual(ids);
  });

  it('reports two records deriving the same id, naming both', async () => {
    const twins = editedOsm((features) => {
      features.forEach((f) => delete f.id);
      const copy = structuredClone(features[0]);
      if (copy === undefined) return;
      copy.geometry.coordinates = [-64.81721, 46.08511];
      copy.properties.tags['addr:housenumber'] = '14';
      features.push(copy);
    });
    const result = await run(osmLayer, twins);
    expect(result.report.issues.filter((i) => i.feature === 5 && i.field === 'id').map((i) => i.reason)).toEqual([
      'duplicate id "Riverside Pharmacy @ 46.0851,-64.8172" (derived from the name and the point rounded to 4 decimals) (first used at feature 0, another place ("3-12 River Road", 1 m away)); kept under the derived id "osm-riverside-pharmacy-46-0851-64-8172-3-14-river-rd"',
    ]);
  });
});

describe('merging configured per pair of layers', () => {
  const centres = (result: Awaited<ReturnType<typeof run>>) =>
    result.services.filter((s) => s.categories.includes('community_recreation')).map((s) => s.name);

  it('by default, one centre under two names 1 m apart stays two services', async () => {
    expect(centres(await run())).toEqual(['Centre communautaire Riverside', 'Riverside Community Centre']);
  });

  it('names: any within 5 m merges them, and the report says by which rule', async () => {
    const result = await run({}, read, { merge: [{ layers: ['osm', 'osm'], distance: 5, names: 'any' }] });
    expect(centres(result)).toEqual(['Riverside Community Centre']);
    expect(result.report.issues.filter((i) => i.action === 'merged').map((i) => `${i.recordId} ${i.reason}`)).toEqual([
      '104 same place as "Riverside Community Centre" (osm-103 in mapping/osm.geojson): 1 m apart, names "Riverside Community Centre" and "Centre communautaire Riverside", by the config\'s merge rule for "osm" and "osm" (5 m, names any); merged into it',
    ]);
  });

  it('names: address merges them on their common street address; a shorter distance does not', async () => {
    expect(centres(await run({}, read, { merge: [{ layers: ['osm', 'osm'], names: 'address' }] }))).toEqual([
      'Riverside Community Centre',
    ]);
    expect(
      centres(await run({}, read, { merge: [{ layers: ['osm', 'osm'], distance: 0.5, names: 'any' }] })),
    ).toHaveLength(2);
  });

  it('a merge rule naming an unknown layer or repeating a pair is a config error', async () => {
    await expect(
      badBaseConfig({
        serviceLayers: [OSM_LAYER],
        merge: [{ layers: ['osm', 'cc'] }, { layers: ['osm', 'osm'] }, { layers: ['osm', 'osm'], names: 'any' }],
      }),
    ).rejects.toThrow(
      'merge[0].layers[1]: no service layer has the id "cc"\nmerge[2].layers: the pair "osm", "osm" has a merge rule already',
    );
  });
});
