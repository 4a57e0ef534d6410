/**
 * A real second city, Vancouver (tests/fixtures/vancouver, SOURCES.md): its data is built by
 * configuration and rule table alone, and that configuration is what `npm run new-lip` writes
 * plus a few recorded edits (new-lip-edits.json). tests/e2e/adopt.spec.ts replays the same
 * journey on the command line and builds the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeftovers, parseMarkers } from '../../../src/lib/adopt/leftovers.ts';
import { inspectFile } from '../../../src/lib/adopt/inspect.ts';
import { planScaffold, renderConfig, renderRules, SITE_CONFIG_IMPORT } from '../../../src/lib/adopt/scaffold.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { applyEdits, readEdits } from '../../e2e/lib/recorded-edits.ts';
import { FIXTURES, readerFor, ROOT } from './helpers.ts';

const dir = join(FIXTURES, 'vancouver');
const config = await loadSiteConfig(join(dir, 'site.config.ts'));
const result = runPipeline(config, readerFor(dir));
const byName = new Map(result.services.map((s) => [s.name, s]));

describe('Vancouver: a real second city from configuration and rule table only', () => {
  it('reads every record and accounts for each: read = published + reported', () => {
    expect(result.report.files.map((f) => [f.file, f.read, f.published, f.reported, f.merged])).toEqual([
      ['local-area-boundary.geojson', 22, 22, 0, 0],
      ['census-local-areas-2016.csv', 22, 22, 0, 0],
      ['osm-amenities-vancouver.geojson', 290, 277, 13, 0],
    ]);
    expect(result.report.totals).toMatchObject({ services: 277, areas: 22 });
  });

  it('leaves out only records without a name or a category, and says why', () => {
    const left = result.report.issues.filter((i) => i.action === 'skipped' || i.action === 'excluded');
    expect(left.filter((i) => i.field === 'name')).toHaveLength(9);
    expect(left.filter((i) => i.action === 'excluded').map((i) => i.reason)).toEqual(
      Array(4).fill('no rule in rules.csv gives this record a category'),
    );
  });

  it('reaches the nested OpenStreetMap tags: address, phone, web site', () => {
    expect(byName.get('Korean Community Centre')).toMatchObject({
      categories: ['community_recreation'],
      phones: [{ number: '604-255-3739' }],
      locations: [
        {
          areaId: 'GW',
          address: { line1: '1320 East Hastings Street', city: 'Vancouver', province: 'BC', postalCode: 'V5L 1S3' },
        },
      ],
    });
    expect(byName.get('VPL Fraserview Branch')).toMatchObject({
      categories: ['library'],
      url: 'https://www.vpl.ca/location/fraser-branch',
    });
    expect(byName.get('Vancouver Food Bank')?.categories).toEqual(['food']);
    const counts = new Map<string, number>();
    for (const s of result.services) for (const c of s.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toMatchObject({
      pharmacy: 92,
      health: 102,
      library: 17,
      community_recreation: 23,
      language_training: 3,
    });
    expect(result.services.every((s) => s.locations.every((l) => l.areaId !== null))).toBe(true);
  });

  it('joins the 2016 census to the local areas by code', () => {
    const kc = result.areas.find((a) => a.id === 'KC');
    expect(kc).toMatchObject({
      name: 'Kensington-Cedar Cottage',
      indicators: { population: 49325, immigrants: 22610, recentImmigrants: 2665, neitherOfficialLanguage: 5250 },
    });
  });

  it('has no text of the Toronto demo in its data, config or report', () => {
    const markers = parseMarkers(readFileSync(join(ROOT, 'demo/toronto/leftovers.txt'), 'utf8'));
    const files = Object.entries({
      services: result.services,
      areas: result.areas,
      config: result.config,
      report: result.report,
    }).map(([path, data]) => ({ path: `${path}.json`, text: JSON.stringify(data, null, 1) }));
    expect(findLeftovers(files, markers)).toEqual([]);
  });

  it('its config and rule table are what new-lip writes, plus the recorded edits', () => {
    const edits = readEdits(join(dir, 'new-lip-edits.json'));
    const read = (file: string) => inspectFile(file, readFileSync(join(dir, file)));
    const plan = planScaffold({
      name: 'Vancouver Immigration Partnership',
      areas: read('local-area-boundary.geojson'),
      census: read('census-local-areas-2016.csv'),
      services: [read('osm-amenities-vancouver.geojson')],
      paths: {
        areas: 'local-area-boundary.geojson',
        census: 'census-local-areas-2016.csv',
        services: ['osm-amenities-vancouver.geojson'],
      },
      schemaImport: SITE_CONFIG_IMPORT,
      rulesFile: 'rules.csv',
    });
    const written = { 'site.config.ts': renderConfig(plan), 'rules.csv': renderRules(plan) };
    for (const [file, text] of Object.entries(written)) {
      expect(applyEdits(text, edits.files[file] ?? [], file), file).toBe(readFileSync(join(dir, file), 'utf8'));
    }
    expect(Object.keys(edits.files).sort()).toEqual(['rules.csv', 'site.config.ts']);
  });
});
