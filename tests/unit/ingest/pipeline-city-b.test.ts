import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { areasSchema, indicatorShare, qualityReportSchema, servicesSchema } from '../../../src/lib/schema/index.ts';
import { FIXTURES, readerFor } from './helpers.ts';

const dir = join(FIXTURES, 'city-b');
const config = await loadSiteConfig(join(dir, 'site.config.ts'));
const result = runPipeline(config, readerFor(dir));
const byId = new Map(result.services.map((s) => [s.id, s]));

describe('second city: only configuration changes', () => {
  it('produces outputs that match the schemas', () => {
    expect(servicesSchema.parse(result.services)).toEqual(result.services);
    expect(areasSchema.parse(result.areas)).toEqual(result.areas);
    expect(qualityReportSchema.parse(result.report)).toEqual(result.report);
  });

  it('keeps read = published + reported for every file', () => {
    for (const f of result.report.files) expect(f.read, f.file).toBe(f.published + f.reported);
    expect(result.report.files.map((f) => [f.file, f.read, f.published, f.reported, f.merged])).toEqual([
      ['zones.geojson', 4, 4, 0, 0],
      ['indicators.csv', 4, 3, 1, 0],
      ['services.csv', 5, 4, 1, 0],
      ['hsds.json', 3, 2, 1, 1],
    ]);
    expect(result.report.totals).toEqual({ read: 8, published: 6, reported: 2, merged: 1, services: 5, areas: 4 });
  });

  it('joins indicators by string id and keeps suppressed cells unknown', () => {
    const b01 = result.areas.find((a) => a.id === 'B-01');
    const b02 = result.areas.find((a) => a.id === 'B-02');
    const b04 = result.areas.find((a) => a.id === 'B-04');
    expect(b01?.indicators['recentImmigrants']).toBe(60);
    expect(b01?.classification).toBe('rural');
    expect(b01?.homeLanguages).toEqual([
      { name: 'Arabic', count: 40 },
      { name: 'Tagalog', count: 25 },
    ]);
    expect(b02?.indicators['immigrants']).toBeNull();
    expect(b02?.indicators['recentImmigrants']).toBeNull();
    expect(b02?.homeLanguages).toEqual([{ name: 'Spanish', count: 30 }]);
    expect(b04 && Object.values(b04.indicators).every((v) => v === null)).toBe(true);
    expect(b01 && indicatorShare(b01, 'recentImmigrants', config)).toBeCloseTo(60 / 1180, 10);
    expect(b02 && indicatorShare(b02, 'immigrants', config)).toBeNull();
  });

  it('reads the CSV layer with its own column names and assigns areas', () => {
    const s1 = byId.get('csv-s1');
    expect(s1).toMatchObject({
      name: 'Riverside Newcomer Centre',
      slug: 'riverside-newcomer-centre-csv-s1',
      categories: ['settlement'],
      languages: ['en', 'fr', 'ar'],
      francophone: true,
      audiences: ['refugee', 'permanent_resident'],
      url: 'https://www.riverside-newcomers.example.ca/',
      email: 'info@riverside.example.ca',
      phones: [{ number: '506-555-0101' }],
    });
    expect(s1?.locations[0]).toMatchObject({
      areaId: 'B-01',
      address: { line1: '12 River Rd', city: 'City B', province: 'NB', postalCode: 'E1A 1A1', country: 'CA' },
    });
    expect(byId.get('csv-s2')?.categories).toEqual(['settlement', 'language_training']);
    expect(byId.get('csv-s4')?.categories).toEqual(['settlement', 'health']);
  });

  it('never fills a field the data does not have', () => {
    const s3 = byId.get('csv-s3');
    for (const key of [
      'url',
      'phones',
      'cost',
      'schedules',
      'capacity',
      'assuredDate',
      'francophone',
      'audiences',
    ] as const) {
      expect(s3 && key in s3, key).toBe(false);
    }
  });

  it('maps HSDS 3.0: nested locations, languages, schedules, cost, eligibility, dates', () => {
    const legal = byId.get('hsds-9f1c2a44-0001');
    expect(legal).toMatchObject({
      alternateName: 'Clinique juridique du port',
      organization: { id: 'org-7', name: 'Harbour Legal Aid Society' },
      categories: ['settlement', 'legal'],
      languages: ['en', 'fr'],
      francophone: true,
      audiences: ['refugee_claimant'],
      eligibilityDescription: 'Refugee claimants and low-income residents.',
      cost: { free: true, description: 'No fee' },
      phones: [{ number: '506-555-0199', type: 'voice' }],
      assuredDate: '2024-03-01',
      lastModified: '2024-02-15',
      schedules: [
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' },
        { byDay: ['SA'], opensAt: '22:00', closesAt: '02:00', description: 'overnight help line at the office' },
      ],
    });
    expect(legal?.locations.map((l) => [l.name, l.areaId, l.address.postalCode])).toEqual([
      ['Harbour office', 'B-04', 'E1A 4D5'],
      ['Riverside outreach', 'B-01', undefined],
    ]);
    // The optional rule is off in this config, so legal_aid is not added.
    expect(legal?.subcategories).toEqual(['hsds_listing', 'legal_clinic']);
  });

  it('merges the same place from two layers and reports it', () => {
    const hub = byId.get('csv-s3');
    expect(byId.has('hsds-9f1c2a44-0002')).toBe(false);
    expect(hub?.sources?.map((s) => s.recordId)).toEqual(['S3', '9f1c2a44-0002']);
    expect(hub?.description).toBe('Job search workshops.');
    expect(result.report.issues).toContainEqual({
      severity: 'warning',
      file: 'hsds.json',
      feature: 1,
      recordId: '9f1c2a44-0002',
      field: '*',
      action: 'merged',
      reason: 'same place as "Hilltop Employment Hub" (csv-s3 in services.csv): 14 m apart, same name; merged into it',
    });
  });

  it('excludes inactive HSDS services and sorts by name', () => {
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({ file: 'hsds.json', feature: 2, field: 'status', action: 'excluded' }),
    );
    expect(result.services.map((s) => s.name)).toEqual([
      'Harbour Clinic',
      'Harbour Legal Clinic',
      'Hilltop Employment Hub',
      'Old Mill Language School',
      'Riverside Newcomer Centre',
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runPipeline(config, readerFor(dir)))).toBe(JSON.stringify(result));
  });
});
