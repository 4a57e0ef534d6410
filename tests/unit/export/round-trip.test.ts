/**
 * Open data round trip: services → HSDS 3.0 JSON (src/lib/export/hsds.ts) → the site's own HSDS
 * importer → the same records, on every field HSDS carries. Run for the Toronto demo (every
 * published service) and for the city-b fixture (schedules, costs, audiences, several sites).
 *
 * Not carried by HSDS, so left out of the comparison (see src/lib/export/hsds.ts):
 * `id`, `slug`, location and organization ids (HSDS ids are UUIDs; a re-import prefixes them with
 * the importing layer's id), `source`/`sources`/`fieldSources` (the importing layer becomes the
 * source), `attributes` and `capacity`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline, type ReadFile } from '../../../src/lib/ingest/pipeline.ts';
import { hsdsContext, hsdsServicePage, serviceUuid, toHsds } from '../../../src/lib/export/hsds.ts';
import { AUDIENCE_TAXONOMY, CATEGORY_TAXONOMY } from '../../../src/lib/hsds/vocabulary.ts';
import en from '../../../src/i18n/strings/en.json' with { type: 'json' };
import { csvCell, csvDocument } from '../../../src/lib/csv/write.ts';
import { servicesCsv, SERVICE_CSV_HEADER } from '../../../src/lib/export/csv.ts';
import { csvProblems } from '../../e2e/lib/inert-outputs.ts';
import { servicesSchema, type Service } from '../../../src/lib/schema/service.ts';
import type { SiteConfig } from '../../../src/lib/schema/config.ts';
import { FIXTURES, readerFor, ROOT } from '../ingest/helpers.ts';

/** The fields HSDS carries: everything but ids, sources, attributes and capacity. */
function comparable(s: Service) {
  const {
    id: _id,
    slug: _slug,
    source: _source,
    sources: _sources,
    fieldSources: _fieldSources,
    attributes: _attributes,
    capacity: _capacity,
    ...rest
  } = s;
  const out = { ...rest, locations: s.locations.map(({ id: _lid, ...l }) => l) };
  // Organization ids become UUIDs in HSDS (a source's own UUID is kept).
  return s.organization ? { ...out, organization: { name: s.organization.name } } : out;
}

const contextOf = (config: SiteConfig) => hsdsContext(config.siteUrl, 'Test LIP', en);
const exportOf = (config: SiteConfig, services: readonly Service[]) => toHsds(contextOf(config), services);

function roundTrip(config: SiteConfig, read: ReadFile, services: Service[]) {
  const file = 'round-trip.hsds.json';
  const json = JSON.stringify(hsdsServicePage(exportOf(config, services)));
  const reimportConfig: SiteConfig = {
    ...config,
    serviceLayers: [{ id: 'rt', file, format: 'hsds', sourceName: 'round trip', licence: 'test', attributes: [] }],
  };
  const result = runPipeline(reimportConfig, (f) => (f === file ? json : read(f)));
  return { result, byOriginal: new Map(result.services.map((s) => [s.id, s])) };
}

function expectSameRecords(services: Service[], config: SiteConfig, read: ReadFile) {
  const { result, byOriginal } = roundTrip(config, read, services);
  // Export → import → export gives the same bytes: the UUIDs of imported records are kept.
  expect(JSON.stringify(exportOf(config, result.services))).toBe(JSON.stringify(exportOf(config, services)));
  expect(result.report.files.find((f) => f.layer === 'rt')).toMatchObject({
    read: services.length,
    published: services.length,
    reported: 0,
  });
  expect(result.services).toHaveLength(services.length);
  const mismatches: string[] = [];
  for (const original of services) {
    const back = byOriginal.get(`rt-${serviceUuid(contextOf(config), original)}`);
    if (!back) {
      mismatches.push(`${original.id}: missing`);
      continue;
    }
    try {
      expect(comparable(back)).toEqual(comparable(original));
    } catch (e) {
      mismatches.push(`${original.id}: ${(e as Error).message.slice(0, 600)}`);
    }
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

describe('HSDS export round trip', () => {
  it('city-b: every record comes back the same', async () => {
    const dir = join(FIXTURES, 'city-b');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const read = readerFor(dir);
    const { services } = runPipeline(config, read);
    // The fixture exercises what HSDS carries: schedules, costs, audiences, several sites.
    expect(services.some((s) => s.schedules && s.cost && s.audiences && s.locations.length > 1)).toBe(true);
    expectSameRecords(services, config, read);
  });

  it('Toronto demo: all published services come back the same', { timeout: 60_000 }, async () => {
    const dir = join(ROOT, 'demo/toronto');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const read = readerFor(dir);
    const { services } = runPipeline(config, read);
    expect(services.length).toBeGreaterThan(4000);
    expectSameRecords(services, config, read);
  });

  it('writes categories and audiences as taxonomy-linked attributes and valid HSDS structure', async () => {
    const dir = join(FIXTURES, 'city-b');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const { services } = runPipeline(config, readerFor(dir));
    const legal = exportOf(config, services).find((s) => s.name === 'Harbour Legal Clinic')!;
    expect(
      legal.attributes.filter((a) => a.taxonomy_term.taxonomy === CATEGORY_TAXONOMY).map((a) => a.taxonomy_term.code),
    ).toEqual(['settlement', 'legal']);
    expect(
      legal.attributes.filter((a) => a.taxonomy_term.taxonomy === AUDIENCE_TAXONOMY).map((a) => a.taxonomy_term.code),
    ).toEqual(['refugee_claimant']);
    expect(legal.schedules?.[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '09:00',
      closes_at: '17:00',
    });
    expect(legal.cost_options).toEqual([{ id: expect.any(String), service_id: legal.id, amount: 0, currency: 'CAD' }]);
    expect(legal.languages?.map((l) => l.code)).toEqual(['en', 'fr']);
    const loc = legal.service_at_locations[0]!.location;
    expect(loc.addresses[0]).toMatchObject({
      address_1: '3 Quay St',
      postal_code: 'E1A 4D5',
      state_province: 'NB',
      country: 'CA',
    });
    expect(typeof loc.latitude).toBe('number');
    // Absent stays absent: no empty strings or nulls in the export.
    expect(JSON.stringify(exportOf(config, services))).not.toMatch(/:null|:""/);
    expect(servicesSchema.parse(services)).toEqual(services);
  });
});

describe('CSV export', () => {
  it('writes one row per location with a header, quoting and a formula guard', () => {
    const service = {
      id: 'x-1',
      slug: 'a-x-1',
      name: '=HYPERLINK("http://evil")',
      categories: ['health'],
      subcategories: [],
      locations: [
        { id: 'x-1', address: { line1: '1 Main St, Unit 2', country: 'CA' }, lon: -79.4, lat: 43.7, areaId: '1' },
        { id: 'x-1-b', address: { line1: '@2 Side St', country: 'CA' }, lon: -79.5, lat: 43.6, areaId: null },
      ],
      source: { layer: 'x', file: 'x.csv', recordId: '1', publisher: 'P', licence: 'L' },
    } as Service;
    const csv = servicesCsv([service]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(SERVICE_CSV_HEADER.join(','));
    expect(lines).toHaveLength(4); // header, two rows, final empty string after the last CRLF
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"1 Main St, Unit 2"');
    expect(lines[2]).toContain(",'@2 Side St,");
    expect(csvDocument(['n'], [[-3.5], ['-x'], [null]])).toBe("n\r\n-3.5\r\n'-x\r\n\r\n");
  });

  it('guards formulas after list separators too, where a spreadsheet using ";" or "," would split the cell', () => {
    expect(csvCell('en;=HYPERLINK("http://evil")')).toBe(`"en;'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("Arabic,+cmd|' /C calc'!A0")).toBe(`"Arabic,'+cmd|' /C calc'!A0"`);
    expect(csvCell('a;@SUM(1)')).toBe("a;'@SUM(1)");
    expect(csvCell('x;\t=1')).toBe("x;'\t=1");
    // Numbers, signed or not, and text merely containing the characters are left alone.
    expect(csvCell('-2.5;+3;1e-7;-1E+3')).toBe('-2.5;+3;1e-7;-1E+3');
    expect(csvCell('MO,TU 09:00-17:00; SA 10:00-14:00')).toBe('"MO,TU 09:00-17:00; SA 10:00-14:00"');
    expect(csvCell(-4)).toBe('-4');
    const hostile = csvDocument(
      ['a', 'b'],
      [
        ['=1+1', 'en;-cmd'],
        ['@x,=y', '\r=z'],
        ['ok', 'fine; -3'],
      ],
    );
    expect(csvProblems(hostile)).toEqual([]);
    // The check finds what an unguarded writer leaves.
    expect(csvProblems('a,b\r\n=1+1,"en;-cmd"\r\n')).toHaveLength(2);
  });
});
