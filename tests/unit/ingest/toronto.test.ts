import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { readGeoJsonLayer } from '../../../src/lib/ingest/readers.ts';
import { areasSchema, qualityReportSchema, servicesSchema } from '../../../src/lib/schema/index.ts';
import { readerFor, ROOT } from './helpers.ts';

const dir = join(ROOT, 'data');
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
    const expected: Record<string, number> = { sett: 234, tpl: 100, cc: 167, moh: 2267, walkin: 97, school: 1327, childcare: 1046 };
    for (const layer of config.serviceLayers) {
      expect(result.report.files.find((f) => f.layer === layer.id)?.read).toBe(expected[layer.id]);
      expect(readGeoJsonLayer(read(layer.file) ?? '', layer)).toHaveLength(expected[layer.id] as number);
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
    expect(moh.filter((s) => s.attributes?.['providerType'] === 'Pharmacy').every((s) => s.attributes?.['providerDetail'] === 'RP')).toBe(true);
  });

  it('assigns points to the same neighbourhood as TPL’s own assignment', () => {
    const fc = JSON.parse(read(config.serviceLayers[1]?.file ?? '') ?? '{}') as { features: { properties: { BranchCode: string; NBHDNo: number } }[] };
    const tpl = new Map(fc.features.map((f) => [`tpl-${f.properties.BranchCode.toLowerCase()}`, String(f.properties.NBHDNo)]));
    let agree = 0;
    for (const s of result.services) {
      const expected = tpl.get(s.id);
      if (expected !== undefined && s.locations[0]?.areaId === expected) agree += 1;
    }
    // 99 branches stay (the Reference Library merges into its 211 listing); TPL places a few
    // branches on a border street in the neighbourhood across the road.
    expect(agree).toBeGreaterThanOrEqual(95);
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
});
