import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/lib/adopt/inspect.ts';
import { nextSteps, numbered, todosIn } from '../../../src/lib/adopt/next-steps.ts';
import { planScaffold, renderConfig, renderRules, type ScaffoldInput } from '../../../src/lib/adopt/scaffold.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { FIXTURES, readerFor, ROOT } from '../ingest/helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nsm-newlip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCHEMA = join(ROOT, 'src/lib/schema/config.ts');

function input(dir: string, name: string, files: { areas: string; census: string; services: string[] }): ScaffoldInput {
  const read = (f: string) => inspectFile(f, readFileSync(join(FIXTURES, dir, f)));
  return {
    name,
    areas: read(files.areas),
    census: read(files.census),
    services: files.services.map(read),
    paths: files,
    schemaImport: SCHEMA,
    rulesFile: 'rules.csv',
  };
}

const vancouver = planScaffold(
  input('vancouver', 'Vancouver Immigration Partnership', {
    areas: 'local-area-boundary.geojson',
    census: 'census-local-areas-2016.csv',
    services: ['osm-amenities-vancouver.geojson'],
  }),
);
const cityB = planScaffold(
  input('city-b', 'City B LIP', {
    areas: 'zones.geojson',
    census: 'indicators.csv',
    services: ['services.csv', 'hsds.json'],
  }),
);

describe('the config new-lip writes', () => {
  const text = renderConfig(vancouver);

  it('fills in what the files say, with the reason as a comment', () => {
    for (const line of [
      "    idProperty: 'mapid',",
      "    nameProperty: 'name',",
      "    idColumn: 'local_area_code',",
      '    year: 2016,',
      "  province: 'BC',",
      "  timeZone: 'America/Vancouver',",
      "        population: 'population',",
      "        recentImmigrants: 'immigrants_2011_2016',",
      "      phoneField: 'tags.phone',",
      "      websiteField: 'tags.website',",
      "      sourceName: 'OpenStreetMap contributors',",
    ])
      expect(text.split('\n'), line).toContain(line);
    expect(text).toContain('// Unique in every area; 22 of 22 areas have a census row with the same value in');
    expect(text).toContain(
      '// Coordinates are [longitude, latitude] as GeoJSON requires: 100 % of the points lie within',
    );
    expect(text).toContain(`import { defineSiteConfig } from '${SCHEMA}';`);
  });

  it('marks what only the LIP knows as TODO, and lists them with their lines', () => {
    const keys = todosIn(text).map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'name',
        'shortName',
        'region',
        'siteUrl',
        'year',
        'sourceName',
        'boundary',
        'contactEmail',
        'attributions',
      ]),
    );
    const region = todosIn(text).find((t) => t.key === 'region');
    expect(text.split('\n')[(region?.line ?? 0) - 1]).toBe("  region: 'TODO: region',");
  });

  it('writes a rule-table skeleton with the kinds of records and suggested categories; case variants count once', () => {
    const rules = renderRules(vancouver).trim().split('\n');
    expect(rules[0]).toBe(
      'layer_file,match_field,match_type,match_value,category,subcategory,include_by_default,notes',
    );
    expect(rules[1]).toBe(
      'osm-amenities-vancouver.geojson,amenity,equals,pharmacy,pharmacy,,yes,93 records; category suggested by new-lip from the value: check it',
    );
    expect(rules.some((r) => r.includes(',Pharmacy,'))).toBe(false);
    expect(rules.filter((r) => r.includes(',library,library,'))).toHaveLength(1);
    expect(rules).toHaveLength(15);
  });

  it('a city with CSV and HSDS layers: the written config loads, validates and builds data as it is', async () => {
    const dir = join(tmp, 'city-b');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    for (const f of ['zones.geojson', 'indicators.csv', 'services.csv', 'hsds.json'])
      copyFileSync(join(FIXTURES, 'city-b', f), join(dir, f));
    const configText = renderConfig(cityB);
    writeFileSync(join(dir, 'site.config.ts'), configText);
    writeFileSync(join(dir, 'rules.csv'), renderRules(cityB));
    expect(configText.split('\n')).toEqual(
      expect.arrayContaining([
        "      latField: 'y',",
        "      lonField: 'x',",
        "      emailField: 'mail',",
        "    idProperty: 'zone',",
        "    idColumn: 'zone_code',",
      ]),
    );
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const result = runPipeline(config, readerFor(dir));
    expect(result.report.totals).toMatchObject({ areas: 4 });
    expect(result.services.length).toBeGreaterThan(0);
    const steps = nextSteps({
      plan: cityB,
      configFile: 'data/city-b/site.config.ts',
      configText,
      rulesFile: 'data/city-b/rules.csv',
      outcome: { ok: true, report: result.report },
    });
    expect(steps[0]).toMatch(/^Replace the \d+ TODOs in data\/city-b\/site\.config\.ts: name \(line \d+\), shortName/);
    expect(steps).toContain(
      '1 area of 4 has no census row (B-04): their figures will show as unknown. Add the rows, or check that zone_code and zone hold the same ids.',
    );
    expect(steps.at(-2)).toBe(
      'Run the data step again until it ends without errors: npm run data -- --config data/city-b/site.config.ts',
    );
  });
});

describe('what to fix next', () => {
  it('puts the data step’s fatal errors first, then the kinds of records no rule covers', () => {
    const steps = nextSteps({
      plan: vancouver,
      configFile: 'data/vancouver/site.config.ts',
      configText: renderConfig(vancouver),
      rulesFile: 'data/vancouver/rules.csv',
      outcome: {
        ok: false,
        issues: [
          {
            severity: 'error',
            file: 'rules.csv',
            row: 3,
            field: 'category',
            reason: 'unknown category "banking" (not in src/lib/categories.ts)',
            action: 'skipped',
          },
        ],
      },
    });
    expect(steps[0]).toBe(
      'The data step stopped. Fix this problem first:\n     - ERROR rules.csv:row 3 category: unknown category "banking" (not in src/lib/categories.ts) (skipped)',
    );
    expect(steps.find((s) => s.startsWith('data/vancouver/rules.csv:'))).toMatch(
      /^data\/vancouver\/rules\.csv: no rule gives a category to amenity = social_facility \(9\) in osm-amenities-vancouver\.geojson \(9 records\)\./,
    );
    expect(numbered(['a', 'b'])).toBe(' 1. a\n 2. b');
  });

  it('says when the census file is a profile to transpose', () => {
    const plan = planScaffold(
      input('vancouver', 'V', {
        areas: 'local-area-boundary.geojson',
        census: 'CensusLocalAreaProfiles2016.csv',
        services: ['osm-amenities-vancouver.geojson'],
      }),
    );
    const config = renderConfig(plan);
    expect(config).toContain("    encoding: 'windows-1252',");
    expect(config).toContain(
      '// TODO: this file has one column per area (Arbutus-Ridge, Downtown, Dunbar-Southlands…): a',
    );
    const steps = nextSteps({
      plan,
      configFile: 'c.ts',
      configText: config,
      rulesFile: 'r.csv',
      outcome: { ok: false, issues: [] },
    });
    expect(
      steps.some((s) =>
        s.startsWith(
          'CensusLocalAreaProfiles2016.csv has one column per area (Arbutus-Ridge, Downtown, Dunbar-Southlands …): it is a census profile.',
        ),
      ),
    ).toBe(true);
  });
});

describe('npm run new-lip', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/new-lip.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  const out = join(tmp, 'cli');
  const files = [
    '--areas',
    join(FIXTURES, 'city-b/zones.geojson'),
    '--census',
    join(FIXTURES, 'city-b/indicators.csv'),
    '--services',
    join(FIXTURES, 'city-b/services.csv'),
  ];

  it('inspects, writes the config and rules, runs the data step and numbers what to do next', () => {
    const r = run('--name', 'City B LIP', ...files, '--out', out, '--data-out', join(tmp, 'generated'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('areas: zones.geojson — GEOJSON, utf-8, LF line ends, 4 records, 4 Polygon');
    expect(r.stdout).toContain('areas ↔ census: zone = zone_code, 3 of 4 areas have a row');
    expect(r.stdout).toMatch(/TOTAL services: read 5, published 4, reported 1/);
    expect(r.stdout).toContain(
      'data/services.csv: 1 record left out because of coordinates, e.g. ERROR data/services.csv:row 6 [S5] coordinates: lon 46.095, lat -64.805 looks swapped',
    );
    expect(r.stdout).toMatch(/What to do next:\n 1\. Replace the \d+ TODOs in /);
    for (const f of ['site.config.ts', 'rules.csv', 'data/zones.geojson', 'data/indicators.csv', 'data/services.csv'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const config = readFileSync(join(out, 'site.config.ts'), 'utf8');
    expect(config).toContain("    file: 'data/zones.geojson',");
    // Census Profile counts through the preset; one whose denominator the file lacks is a plain count.
    expect(config).toContain("import { censusProfileIndicators } from '");
    expect(config).toContain(
      "        neitherOfficialLanguage: 'no_en_fr',\n        officialLanguageTotal: 'lang_base',\n      }),",
    );
    expect(config).toContain('The file has no privateHouseholdPopulation column,');
    expect(config).toContain("      refugees: { column: 'refugee_adm', label: 'indicator.refugees' },");
    expect(existsSync(join(tmp, 'generated', 'services.json'))).toBe(true);
  });

  it('does not overwrite a config without --force, and names a missing file', () => {
    const again = run('--name', 'City B LIP', ...files, '--out', out, '--data-out', join(tmp, 'generated'));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      'site.config.ts exists already; use --force to write it again (your edits to it would be lost)',
    );
    const missing = run(
      '--name',
      'X',
      '--areas',
      'nowhere.geojson',
      '--census',
      'c.csv',
      '--services',
      's.csv',
      '--out',
      join(tmp, 'x'),
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('new-lip: areas file nowhere.geojson: not found');
    expect(run('--areas', 'a').stderr).toContain('new-lip: --name is required');
  });
});
