import { describe, expect, it } from 'vitest';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { mergeSamePlace, mergeServices, samePlace } from '../../../src/lib/ingest/merge.ts';
import { splitPhones } from '../../../src/lib/ingest/fields.ts';
import type { Built } from '../../../src/lib/ingest/record.ts';
import type { FileReport } from '../../../src/lib/schema/report.ts';
import { serviceSchema, type Service } from '../../../src/lib/schema/service.ts';

/** A record of `layer` at `address`, `dx` metres east of a fixed point. */
function service(
  layer: string,
  recordId: string,
  name: string,
  address: string,
  categories: Service['categories'],
  extra: Partial<Service> = {},
  dx = 0,
): Service {
  const id = `${layer}-${recordId.toLowerCase()}`;
  return {
    id,
    slug: id,
    name,
    categories,
    subcategories: [],
    locations: [{ id, address: { line1: address, country: 'CA' }, lon: -79.4 + dx / 80_000, lat: 43.65, areaId: '1' }],
    source: {
      layer,
      file: `${layer}.geojson`,
      recordId,
      publisher: layer,
      licence: 'open',
      dataDate: layer === 'sett' ? '2018-04' : '2022-05-03',
    },
    ...extra,
  };
}

function run(services: Service[]): { out: Service[]; log: IssueLog; reports: Map<string, FileReport> } {
  const log = new IssueLog();
  const reports = new Map<string, FileReport>();
  const order = [...new Set(services.map((s) => s.source.layer))];
  const built: Built[] = services.map((s, i) => {
    const report = reports.get(s.source.layer) ?? log.file(s.source.file, s.source.layer);
    reports.set(s.source.layer, report);
    return { service: s, at: { feature: i }, report, layerOrder: order.indexOf(s.source.layer) };
  });
  return { out: mergeSamePlace(built, log), log, reports };
}

describe('identical records in one file', () => {
  it('merges rows that differ only in id; a registration of another kind stays apart, reported', () => {
    const { out, log, reports } = run([
      service('moh', 'A1', 'Parkdale Health Centre', '27 Roncesvalles Avenue', ['health'], {
        subcategories: ['sexual_health_hiv'],
      }),
      service(
        'moh',
        'C9',
        'Parkdale Health Centre',
        '27 Roncesvalles Ave',
        ['health'],
        { subcategories: ['primary_care_community_health_centre'] },
        5,
      ),
      service('moh', 'S4', 'Parkdale Health Centre', '27 Roncesvalles Ave.', ['seniors_community_support']),
      service('moh', 'X2', 'Another Clinic', '27 Roncesvalles Ave', ['health']),
    ]);
    expect(out.map((s) => [s.id, s.categories, s.subcategories])).toEqual([
      ['moh-a1', ['health'], ['sexual_health_hiv', 'primary_care_community_health_centre']],
      ['moh-s4', ['seniors_community_support'], []],
      ['moh-x2', ['health'], []],
    ]);
    expect(out[0]?.sources?.map((s) => s.recordId)).toEqual(['A1', 'C9']);
    expect(reports.get('moh')?.merged).toBe(1);
    expect(log.issues.map((i) => [i.recordId, i.action, i.reason])).toEqual([
      [
        'C9',
        'merged',
        'same place as "Parkdale Health Centre" (moh-a1 in moh.geojson): 5 m apart, same name and address "27 Roncesvalles Avenue" in the same file; only the id differs; merged into it',
      ],
      [
        'S4',
        'kept',
        'same place as "Parkdale Health Centre" (moh-a1 in moh.geojson) (0 m apart, same name and address "27 Roncesvalles Avenue" in the same file; only the id differs), but a different kind of service (seniors_community_support here, health there); kept as a service of its own',
      ],
    ]);
  });

  it('does not merge same-name rows of one file at another address or far apart', () => {
    expect(
      samePlace(
        service('school', '1', 'St Mary', '1 Main St', ['education']),
        service('school', '2', 'St Mary', '9 Main St', ['education']),
      ),
    ).toBeUndefined();
    expect(
      samePlace(
        service('school', '1', 'St Mary', '1 Main St', ['education']),
        service('school', '2', 'St Mary', '1 Main St', ['education'], {}, 500),
      ),
    ).toBeUndefined();
  });
});

describe('the same place in two layers', () => {
  it('keeps the primary name, categories and dates, and records where borrowed fields came from', () => {
    const sett = service('sett', 'S1', 'Hilltop Health Centre', '5 Hill St', ['health'], {
      subcategories: ['newcomer_health'],
    });
    const moh = service(
      'moh',
      'M1',
      'Hilltop Health Centre',
      '5 Hill Street',
      ['health'],
      {
        subcategories: ['primary_care_community_health_centre'],
        lastModified: '2022-04-26',
        phones: [{ number: '416-555-0100' }],
        url: 'https://hilltop.example.org/',
        attributes: { providerType: 'Community Health Centre' },
      },
      10,
    );
    const merged = mergeServices(sett, moh);
    expect(merged.name).toBe('Hilltop Health Centre');
    expect(merged.id).toBe('sett-s1');
    expect(merged.categories).toEqual(['health']);
    expect(merged.subcategories).toEqual(['newcomer_health', 'primary_care_community_health_centre']);
    // The 2022 date describes the Ministry's record, not the 2018 one.
    expect(merged.lastModified).toBeUndefined();
    expect(merged.source.dataDate).toBe('2018-04');
    expect(merged.phones).toEqual([{ number: '416-555-0100' }]);
    expect(merged.fieldSources).toEqual({ phones: 1, url: 1, 'attributes.providerType': 1 });
    expect(merged.sources?.[merged.fieldSources?.['phones'] ?? 0]?.layer).toBe('moh');
    serviceSchema.parse(merged);
  });

  it('counts field sources through chains of merges', () => {
    const a = service('a', '1', 'X', '1 Main St', ['health']);
    const b = service('b', '2', 'X', '1 Main St', ['health']);
    const c = service('c', '3', 'X', '1 Main St', ['health'], { email: 'x@example.org' });
    const bc = mergeServices(b, c);
    expect(bc.fieldSources).toEqual({ email: 1 });
    expect(mergeServices(a, bc).fieldSources).toEqual({ email: 2 });
  });

  it('keeps a different kind of service apart and reports it once (no health categories for a settlement agency)', () => {
    const { out, log } = run([
      service('sett', 'S1', 'COSTI Immigrant Services', '1710 Dufferin St', ['settlement']),
      service('sett', 'S2', 'COSTI Immigrant Services, Dufferin Site, Settlement Program', '1710 Dufferin St', [
        'settlement',
      ]),
      service(
        'moh',
        'M1',
        'COSTI Immigrant Services',
        '1710 Dufferin Street',
        ['health'],
        { lastModified: '2022-04-26' },
        3,
      ),
    ]);
    expect(out.map((s) => [s.id, s.categories, s.lastModified])).toEqual([
      ['sett-s1', ['settlement'], undefined],
      ['sett-s2', ['settlement'], undefined],
      ['moh-m1', ['health'], '2022-04-26'],
    ]);
    expect(log.issues).toHaveLength(1);
    expect(log.issues[0]).toMatchObject({ recordId: 'M1', action: 'kept', field: 'categories' });
    expect(log.issues[0]?.reason).toContain(
      'a different kind of service (health here, settlement there); kept as a service of its own',
    );
  });

  it('does not rename a place after a programme it hosts', () => {
    const { out } = run([
      service('sett', 'P', 'Scadding Court Community Centre, Newcomers services program', '707 Dundas St W', [
        'settlement',
      ]),
      service('cc', 'C', 'Scadding Court Community Centre', '707 Dundas St W', ['community_recreation']),
    ]);
    expect(out.map((s) => s.name)).toEqual([
      'Scadding Court Community Centre, Newcomers services program',
      'Scadding Court Community Centre',
    ]);
  });
});

describe('multi-valued source fields', () => {
  it('splits several phone numbers in one field', () => {
    expect(splitPhones('416-929-1900<br>416-921-2121')).toEqual(['416-929-1900', '416-921-2121']);
    expect(splitPhones('416-929-1900 <BR/> 416-921-2121; 416-555-0100')).toEqual([
      '416-929-1900',
      '416-921-2121',
      '416-555-0100',
    ]);
    expect(splitPhones('416-555-0100 ext. 22')).toEqual(['416-555-0100 ext. 22']);
  });
});
