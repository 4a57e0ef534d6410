import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { servicesCsv } from '../../../src/lib/export/csv.ts';
import { comparableAddress, comparableName } from '../../../src/lib/ingest/fields.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { readGeoJsonLayer } from '../../../src/lib/ingest/readers.ts';
import { areasSchema, qualityReportSchema, servicesSchema } from '../../../src/lib/schema/index.ts';
import { readerFor, ROOT, textReaderFor } from './helpers.ts';

const dir = join(ROOT, 'demo/toronto');
const config = await loadSiteConfig(join(dir, 'site.config.ts'));
const read = readerFor(dir);
const result = runPipeline(config, read);

describe('Toronto data', () => {
  it('keeps read = published + reported for every input file, and every left-out record has an issue', () => {
    for (const f of result.report.files) expect(f.read, f.file).toBe(f.published + f.reported);
    for (const layer of config.serviceLayers) {
      const f = result.report.files.find((x) => x.file === layer.file);
      const leftOut = new Set(
        result.report.issues
          .filter((i) => i.file === layer.file && (i.action === 'skipped' || i.action === 'excluded'))
          .map((i) => i.feature),
      );
      expect(leftOut.size, layer.file).toBe(f?.reported);
    }
  });

  it('reads every feature of every layer', () => {
    const expected: Record<string, number> = {
      sett: 234,
      tpl: 100,
      cc: 167,
      moh: 2267,
      walkin: 97,
      school: 1327,
      childcare: 1046,
    };
    for (const layer of config.serviceLayers) {
      expect(result.report.files.find((f) => f.layer === layer.id)?.read).toBe(expected[layer.id]);
      expect(readGeoJsonLayer(textReaderFor(dir)(layer.file), layer)).toHaveLength(expected[layer.id] as number);
    }
  });

  it('publishes about 4,500 services in 158 areas, valid against the schemas', () => {
    expect(result.services.length).toBeGreaterThan(4400);
    expect(result.services.length).toBeLessThan(4600);
    expect(result.areas).toHaveLength(158);
    servicesSchema.parse(result.services);
    areasSchema.parse(result.areas);
    qualityReportSchema.parse(result.report);
  });

  it('excludes what the rules exclude: long-term care, labs, institutional pharmacies', () => {
    const moh = result.services.filter((s) => s.source.layer === 'moh');
    const types = new Set(moh.map((s) => s.attributes?.['providerType']));
    expect(types.has('Long-Term Care Home')).toBe(false);
    expect(types.has('Laboratory - Hospital')).toBe(false);
    expect(
      moh
        .filter((s) => s.attributes?.['providerType'] === 'Pharmacy')
        .every((s) => s.attributes?.['providerDetail'] === 'RP'),
    ).toBe(true);
  });

  it('assigns points to the same neighbourhood as TPL’s own assignment', () => {
    const fc = JSON.parse(textReaderFor(dir)(config.serviceLayers[1]?.file ?? '') || '{}') as {
      features: { properties: { BranchCode: string; NBHDNo: number } }[];
    };
    const tpl = new Map(
      fc.features.map((f) => [`tpl-${f.properties.BranchCode.toLowerCase()}`, String(f.properties.NBHDNo)]),
    );
    let agree = 0;
    for (const s of result.services) {
      const expected = tpl.get(s.id);
      if (expected !== undefined && s.locations[0]?.areaId === expected) agree += 1;
    }
    // All 100 branches stay (the 211 listing of the Reference Library is a settlement service,
    // kept apart); TPL places a few branches on a border street in the neighbourhood across the road.
    expect(agree).toBeGreaterThanOrEqual(96);
  });

  it('keeps child-care capacity and unique slugs', () => {
    const cc = result.services.filter((s) => s.source.layer === 'childcare');
    expect(cc.every((s) => typeof s.capacity === 'number')).toBe(true);
    expect(new Set(result.services.map((s) => s.slug)).size).toBe(result.services.length);
  });

  it('shows the census totals of SOURCES.md', () => {
    const sum = (k: string): number => result.areas.reduce((n, a) => n + (a.indicators[k] ?? 0), 0);
    expect(sum('population')).toBe(2761290);
    expect(sum('recentImmigrants')).toBe(198030);
    expect(sum('neitherOfficialLanguage')).toBe(123485);
  });

  it('keeps the health centre at 168 Bathurst St although its id repeats one 2 km away', () => {
    const ids = result.services
      .filter((s) => s.source.recordId === 'AIDS Bureau-9000000085')
      .map((s) => [s.id, s.locations[0]?.address.line1]);
    expect(ids).toEqual(
      expect.arrayContaining([
        ['moh-aids-bureau-9000000085', '1229 Queen Street West'],
        ['moh-aids-bureau-9000000085-168-bathurst-st', '168 Bathurst Street'],
      ]),
    );
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({ recordId: 'AIDS Bureau-9000000085', action: 'fixed', field: 'serv_type|moh_pro_id' }),
    );
  });

  it('leaves no two records of one file with the same name and address unexplained (schools listed twice, one centre under four provider types)', () => {
    const kept = new Set(result.report.issues.filter((i) => i.action === 'kept').map((i) => `${i.file}|${i.recordId}`));
    const seen = new Map<string, string>();
    const unexplained: string[] = [];
    for (const s of result.services) {
      const key = `${s.source.file}|${comparableName(s.name)}|${comparableAddress(s.locations[0]?.address.line1 ?? '')}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, `${s.source.file}|${s.source.recordId}`);
      else if (!kept.has(first) && !kept.has(`${s.source.file}|${s.source.recordId}`))
        unexplained.push(`${first} ${s.id}`);
    }
    // Two hospital campuses whose registrations are about 100 m apart (a unit's own entrance,
    // e.g. SickKids' Adolescent Medicine): beyond the 30 m rule, so not merged.
    expect(unexplained).toEqual([
      'data/services/health_services_moh_2022.geojson|Mental Health and Addiction Organization-2304 moh-hospital-corporation-10000000127',
      'data/services/health_services_moh_2022.geojson|Community Support Service-613 moh-hospital-corporation-10000000121',
    ]);
    const merged = result.report.issues.filter((i) => i.action === 'merged');
    expect(merged.filter((i) => i.file.endsWith('schools_2018.geojson')).length).toBe(61);
    expect(
      merged.every(
        (i) =>
          /; merged into it$/.test(i.reason) &&
          /same name|only the id differs|one name is a part of the other/.test(i.reason),
      ),
    ).toBe(true);
    // South Riverdale CHC, registered under four provider types: the three health ones are one
    // record; its seniors' support programme stays a service of its own, reported.
    const riverdale = result.services.filter(
      (s) => s.id === 'moh-community-health-centre-9000000034' || s.id === 'moh-community-support-service-8031',
    );
    expect(riverdale.map((s) => [s.categories, s.sources?.map((x) => x.recordId)])).toEqual([
      [
        ['health'],
        [
          'Community Health Centre-9000000034',
          'AIDS Bureau-9000000112',
          'Mental Health and Addiction Organization-587',
        ],
      ],
      [['seniors_community_support'], undefined],
    ]);
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({ recordId: 'Community Support Service-8031', action: 'kept' }),
    );
  });

  it('never gives a settlement record another layer’s categories, name or dates', () => {
    const sett = result.services.filter((s) => s.source.layer === 'sett');
    expect(sett).toHaveLength(234);
    for (const s of sett) {
      expect(s.categories, s.id).not.toContain('health');
      expect(s.lastModified, s.id).toBeUndefined();
    }
  });

  it('splits a source field holding two phone numbers', () => {
    const twoPhones = result.services.find((s) => s.phones?.some((p) => p.number === '416-929-1900'));
    expect(twoPhones?.phones).toEqual([{ number: '416-929-1900' }, { number: '416-921-2121' }]);
    // The CSV download lists them as a list (`;`), like every other multi-valued column.
    expect(servicesCsv(twoPhones ? [twoPhones] : [])).toContain(',416-929-1900;416-921-2121,');
    expect(result.services.some((s) => s.phones?.some((p) => p.number.includes('<')))).toBe(false);
  });
});
