/**
 * Importing Open Referral HSDS as directories publish it: the specification's own example files
 * (HSDS 3.0 service JSON, an API page, the tabular package), HSDS 2.0 exports (data package and
 * JSON), and our own tabular export back again (byte-stable). Every record is checked against
 * the official schema; what is wrong is reported with file, record, field and reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline, type ReadFile } from '../../../src/lib/ingest/pipeline.ts';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { hsdsContext, toHsds } from '../../../src/lib/export/hsds.ts';
import { hsdsCsvFiles, hsdsDataPackage } from '../../../src/lib/export/hsds-tabular.ts';
import type { ServiceLayerConfig, SiteConfig } from '../../../src/lib/schema/config.ts';
import type { Service } from '../../../src/lib/schema/service.ts';
import en from '../../../src/i18n/strings/en.json' with { type: 'json' };
import { badBaseConfig, FIXTURES, readerFor, ROOT } from './helpers.ts';

const SPEC = join(ROOT, 'vendor/hsds-3.0/examples');
/** The examples place their location at latitude 100, longitude 101 (no place on Earth): moved into City B. */
const CITY_B_POINT = { latitude: 46.0955, longitude: -64.8052 };

const base = await badBaseConfig();
const layer = (file: string, extra: Partial<ServiceLayerConfig> = {}): ServiceLayerConfig => ({
  id: 'h',
  file,
  format: 'hsds',
  attributes: [],
  sourceName: 'fixture',
  licence: 'fixture',
  ...extra,
});

/** Runs the pipeline on in-memory files (plus City B's areas), every record categorised `settlement`. */
function importFiles(files: Record<string, string>, file: string): ReturnType<typeof runPipeline> {
  const rules = `layer_file,match_field,match_type,match_value,category,subcategory,include_by_default,notes\r\n${file},*,all,,settlement,hsds_import,yes,test\r\n`;
  const fallback = readerFor(FIXTURES);
  // Only the given files exist under the folder of the layer's file.
  const folder = file.split('/')[0] ?? '';
  const read: ReadFile = (f) => (f === 'rules.csv' ? rules : f.startsWith(`${folder}/`) ? files[f] : fallback(f));
  const config: SiteConfig = { ...base, rules: { ...base.rules, file: 'rules.csv' }, serviceLayers: [layer(file)] };
  return runPipeline(config, read);
}

const comparable = ({ id: _i, slug: _s, source: _src, locations, ...rest }: Service) => ({
  ...rest,
  locations: locations.map(({ id: _l, ...l }) => l),
});

function specServiceJson(): Record<string, unknown> {
  const service = JSON.parse(readFileSync(join(SPEC, 'service_full.json'), 'utf8')) as {
    service_at_locations: { location: Record<string, unknown> }[];
  };
  for (const sal of service.service_at_locations) Object.assign(sal.location, CITY_B_POINT);
  return service;
}

describe("the specification's example files", () => {
  it('service_full.json: every field the site carries is imported', () => {
    const { services, report } = importFiles(
      { 'spec/service.json': JSON.stringify(specServiceJson()) },
      'spec/service.json',
    );
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      name: 'Community Counselling',
      alternateName: 'MyCity Counselling Services',
      description: expect.stringContaining('Counselling Services provided by trained professionals'),
      organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Organization Inc.' },
      url: 'http://example.com/counselling',
      email: 'email@example.com',
      languages: ['ur'],
      eligibilityDescription: expect.stringContaining('aged 12 and over'),
      cost: { free: false, description: expect.stringContaining('Under 18s and Over 60s') },
      schedules: [{ byDay: ['TH', 'FR'], opensAt: '10:00', closesAt: '18:00' }],
      assuredDate: '2005-01-01',
      lastModified: '2023-03-15',
      source: { recordId: 'ac148810-d857-441c-9679-408f346de14b' },
    });
    expect(services[0]?.phones?.[0]?.number).toMatch(/1234 234567.* ext\. 100$/);
    expect(services[0]?.locations[0]).toMatchObject({
      name: 'MyCity Civic Center',
      address: { line1: '1-30 Main Street', line2: 'MyVillage', city: 'MyCity' },
    });
    // The example's non-Canadian postcode and state are reported, not guessed at.
    const fields = report.issues.filter((i) => i.file === 'spec/service.json').map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['locations[0].addresses.postal_code', 'province']));
  });

  it('as published (latitude 100) the service is reported, not lost', () => {
    const { services, report } = importFiles(
      { 'spec/service.json': readFileSync(join(SPEC, 'service_full.json'), 'utf8') },
      'spec/service.json',
    );
    expect(services).toHaveLength(0);
    expect(report.files.find((f) => f.file === 'spec/service.json')).toMatchObject({
      read: 1,
      published: 0,
      reported: 1,
    });
    expect(
      report.issues.some(
        (i) =>
          i.file === 'spec/service.json' &&
          i.recordId === 'ac148810-d857-441c-9679-408f346de14b' &&
          i.severity === 'error',
      ),
    ).toBe(true);
  });

  it('service_list.json (an API page) and the tabular package give the same record as service_full.json', () => {
    const full = importFiles({ 'spec/service.json': JSON.stringify(specServiceJson()) }, 'spec/service.json').services;
    const page = JSON.parse(readFileSync(join(SPEC, 'service_list.json'), 'utf8')) as {
      contents: Record<string, unknown>[];
    };
    expect(page.contents).toHaveLength(1);
    const fromPage = importFiles({ 'spec/page.json': JSON.stringify(page) }, 'spec/page.json').services;
    // The list shape has no locations (one-to-one fields only): the page's service is reported for that.
    expect(fromPage).toHaveLength(0);

    const tables: Record<string, string> = {};
    for (const f of [
      'datapackage.json',
      'services.csv',
      'organizations.csv',
      'service_at_location.csv',
      'locations.csv',
      'addresses.csv',
      'phones.csv',
      'schedules.csv',
      'languages.csv',
      'cost_options.csv',
      'attributes.csv',
      'taxonomy_terms.csv',
      'taxonomies.csv',
    ]) {
      tables[`spec/csv/${f}`] = readFileSync(join(SPEC, 'csv', f), 'utf8');
    }
    tables['spec/csv/locations.csv'] = (tables['spec/csv/locations.csv'] ?? '').replace(
      ',100,101,',
      `,${CITY_B_POINT.latitude},${CITY_B_POINT.longitude},`,
    );
    const fromTables = importFiles(tables, 'spec/csv/datapackage.json').services;
    expect(fromTables).toHaveLength(1);
    expect(comparable(fromTables[0] as Service)).toEqual(comparable(full[0] as Service));
  });
});

describe('HSDS 2.0 exports', () => {
  const files = (names: string[]) =>
    Object.fromEntries(names.map((n) => [`hsds-2.0/${n}`, readFileSync(join(FIXTURES, 'hsds-2.0', n), 'utf8')]));

  it('the 2.0 data package: physical_addresses, services_at_location, regular_schedules, eligibility', () => {
    const names = [
      'datapackage.json',
      'organizations.csv',
      'services.csv',
      'locations.csv',
      'physical_addresses.csv',
      'services_at_location.csv',
      'phones.csv',
      'regular_schedules.csv',
      'languages.csv',
      'eligibility.csv',
    ].map((n) => `tabular/${n}`);
    const { services, report } = importFiles(files(names), 'hsds-2.0/tabular/datapackage.json');
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      name: 'Newcomer Orientation',
      alternateName: 'Orientation pour nouveaux arrivants',
      organization: { id: '211-org-1', name: 'Harbour Newcomer Centre' },
      languages: ['en', 'fr'],
      phones: [{ number: '506-555-0142 ext. 12', type: 'voice' }],
      schedules: [
        { byDay: ['MO'], opensAt: '09:00', closesAt: '17:00' },
        { byDay: ['FR'], opensAt: '09:00', closesAt: '12:00' },
      ],
      eligibilityDescription: 'Permanent residents and refugees',
      locations: [
        {
          name: 'Harbour office',
          address: { line1: '3 Quay St', line2: 'Unit 2', city: 'City B', province: 'NB', postalCode: 'E1A 4D5' },
        },
      ],
    });
    const file = 'hsds-2.0/tabular/datapackage.json';
    expect(report.files.find((f) => f.file === file)).toMatchObject({ read: 2, published: 1, reported: 1 });
    // The inactive service is excluded with a reason; the phone of an unknown service is reported by row.
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file, recordId: '211-svc-2', field: 'status', action: 'excluded' }),
        expect.objectContaining({
          file: 'hsds-2.0/tabular/phones.csv',
          row: 3,
          field: 'service_id',
          reason: 'no service has the id "211-svc-9"; row left out',
        }),
        // 2.0 ids are no UUIDs: the schema check says so, the record is still read.
        expect.objectContaining({
          file,
          recordId: '211-svc-1',
          field: 'id',
          reason: 'must be a uuid (HSDS 3.0); read as far as it is usable',
        }),
      ]),
    );
  });

  it('2.0-style JSON: physical_address, regular_schedule, languages as names', () => {
    const { services, report } = importFiles(files(['services-2.0.json']), 'hsds-2.0/services-2.0.json');
    expect(services[0]).toMatchObject({
      name: 'Harbour Job Club',
      eligibilityDescription: 'Newcomers looking for work',
      languages: ['fr'],
      phones: [{ number: '506-555-0150 ext. 3' }],
      schedules: [{ byDay: ['TU'], opensAt: '13:00', closesAt: '16:00' }],
      locations: [{ address: { line1: '3 Quay St', postalCode: 'E1A 4D5' } }],
    });
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'hsds-2.0/services-2.0.json',
          field: 'languages',
          reason: expect.stringContaining('"English"'),
        }),
      ]),
    );
  });

  it('a table the package names but that is missing stops the build with the file named', () => {
    expect(() =>
      importFiles(files(['tabular/datapackage.json', 'tabular/services.csv']), 'hsds-2.0/tabular/datapackage.json'),
    ).toThrow(PipelineError);
    try {
      importFiles(files(['tabular/datapackage.json', 'tabular/services.csv']), 'hsds-2.0/tabular/datapackage.json');
    } catch (e) {
      expect((e as PipelineError).message).toContain(
        'table file "organizations.csv" named in the data package is missing',
      );
    }
  });
});

describe('our tabular package', () => {
  it('Toronto demo: export → import → export gives the same bytes', { timeout: 120_000 }, async () => {
    const dir = join(ROOT, 'demo/toronto');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const read = readerFor(dir);
    const ctx = hsdsContext(config.siteUrl, 'Toronto', en);
    const first = hsdsCsvFiles(toHsds(ctx, runPipeline(config, read).services));
    const pkg = hsdsDataPackage({ name: 't', title: 't', licences: [], sources: [] });
    const files = new Map([['rt/datapackage.json', pkg], ...[...first].map(([f, c]) => [`rt/${f}`, c] as const)]);
    const again = runPipeline(
      { ...config, serviceLayers: [layer('rt/datapackage.json')] },
      (f) => files.get(f) ?? read(f),
    );
    expect(again.report.files.find((f) => f.layer === 'h')).toMatchObject({
      published: runPipeline(config, read).services.length,
      reported: 0,
    });
    const second = hsdsCsvFiles(toHsds(ctx, again.services));
    for (const [file, content] of first) expect(second.get(file), file).toBe(content);
  });
});
