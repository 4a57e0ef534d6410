/**
 * Mistakes that leave the data valid but almost surely wrong: a layer publishing no service, a
 * rule for a file no layer reads, a rule matching no record. Warnings for `npm run data`, fatal
 * with `--strict` (what `npm run build` runs), each naming the folder, the rule or the layer. A
 * path leading outside the config's folder is always fatal.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline, type PipelineOptions } from '../../../src/lib/ingest/pipeline.ts';
import { readFilesIn } from '../../../src/lib/ingest/read-file.ts';
import { FileError } from '../../../src/lib/ingest/readers.ts';
import type { SiteConfigInput } from '../../../src/lib/schema/config.ts';
import { badBaseConfig, FIXTURES, readerFor, ROOT } from './helpers.ts';

const read = readerFor(FIXTURES);
const OPTIONS: PipelineOptions = { configDir: 'tests/fixtures' };

async function run(overrides: Partial<SiteConfigInput>, options: PipelineOptions = OPTIONS) {
  return runPipeline(await badBaseConfig(overrides), read, options);
}

async function fatal(
  overrides: Partial<SiteConfigInput>,
  options: PipelineOptions = { ...OPTIONS, strict: true },
): Promise<string[]> {
  try {
    await run(overrides, options);
  } catch (e) {
    if (e instanceof PipelineError)
      return e.issues.map((i) => `${i.file}${i.row !== undefined ? `:${i.row}` : ''} ${i.field}: ${i.reason}`);
    throw e;
  }
  throw new Error('the pipeline did not stop');
}

const WRONG_FOLDER_RULE =
  '"bad/services-bad.csv" is looked for in the rule table\'s folder tests/fixtures/bad/, as "bad/bad/services-bad.csv", which no service layer reads (layers read: bad/services-bad.csv); rule ignored';
const WRONG_FOLDER_LAYER =
  'layer "bad" publishes no service: no rule of bad/rules-wrong-folder.csv names this file (its layer_file paths are relative to the rule table\'s folder tests/fixtures/bad/)';

describe('a rule table written relative to the wrong folder', () => {
  it('is two warnings without --strict, naming the folder looked in', async () => {
    const result = await run({ rules: { file: 'bad/rules-wrong-folder.csv' } });
    expect(result.services).toEqual([]);
    expect(result.checks.map((i) => `${i.file} ${i.field}: ${i.reason}`)).toEqual([
      `bad/rules-wrong-folder.csv layer_file: ${WRONG_FOLDER_RULE}`,
      `bad/services-bad.csv *: ${WRONG_FOLDER_LAYER}`,
    ]);
  });

  it('stops the build with --strict', async () => {
    expect(await fatal({ rules: { file: 'bad/rules-wrong-folder.csv' } })).toEqual([
      `bad/rules-wrong-folder.csv:2 layer_file: ${WRONG_FOLDER_RULE} (fatal with --strict)`,
    ]);
  });
});

describe('rules matching no record', () => {
  it('are reported with the rule, the layer and the records read; may_match_none: yes is not', async () => {
    const result = await run({ rules: { file: 'bad/rules-unmatched.csv' } });
    expect(result.checks.map((i) => `${i.file}:${i.row} ${i.field}: ${i.reason}`)).toEqual([
      'bad/rules-unmatched.csv:3 title: rule on line 3 (title regex_i "Library" → library, yes) matches no record of layer "bad" (bad/services-bad.csv, 12 records read)',
    ]);
    expect(await fatal({ rules: { file: 'bad/rules-unmatched.csv' } })).toEqual([
      'bad/rules-unmatched.csv:3 title: rule on line 3 (title regex_i "Library" → library, yes) matches no record of layer "bad" (bad/services-bad.csv, 12 records read) (fatal with --strict)',
    ]);
  });

  it('a layer whose records are all left out says why, with the first reason', async () => {
    const cfg = await badBaseConfig();
    const layer = cfg.serviceLayers[0];
    if (!layer) throw new Error('fixture');
    const stop = (() => {
      try {
        runPipeline(
          { ...cfg, map: { ...cfg.map, bounds: [-64.83, 46.1, -64.79, 46.11] }, serviceLayers: [layer] },
          read,
          { ...OPTIONS, strict: true },
        );
      } catch (e) {
        return (e as PipelineError).issues.map((i) => i.reason);
      }
      return [];
    })();
    expect(stop).toEqual([
      'layer "bad" publishes no service: all 12 records read were left out (0 excluded or given no category by the rules, 12 with errors); the first: row 2 coordinates: lon -64.815, lat 46.085 lies outside the region bounds [-64.83, 46.1, -64.79, 46.11] (fatal with --strict)',
    ]);
  });
});

describe('paths outside the config folder', () => {
  it('a layer_file leading out of the config folder always stops the build', async () => {
    expect(await fatal({ rules: { file: 'bad/rules-outside.csv' } }, OPTIONS)).toEqual([
      'bad/rules-outside.csv:3 layer_file: "../../outside.csv" leads outside the config\'s folder (it is relative to the rule table\'s folder tests/fixtures/bad/)',
    ]);
  });

  it('a declared input that is missing stops the build, naming the folder looked in (census.cityTotals)', async () => {
    const cityB = await badBaseConfig();
    expect(await fatal({ census: { ...cityB.census, cityTotals: 'bad/no-city-totals.csv' } }, OPTIONS)).toEqual([
      'bad/no-city-totals.csv *: file not found (looked in tests/fixtures/bad/)',
    ]);
  });

  it('a config path cannot hold ".." or be absolute', async () => {
    await expect(badBaseConfig({ boundary: '../outline.geojson' })).rejects.toThrow(
      'boundary: must not leave the config folder (no "..")',
    );
    await expect(badBaseConfig({ boundary: '/etc/outline.geojson' })).rejects.toThrow(
      'boundary: must be a path relative to the config folder',
    );
  });

  const work = mkdtempSync(join(tmpdir(), 'nsm-outside-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a symbolic link out of the config folder is refused', () => {
    mkdirSync(join(work, 'config'));
    writeFileSync(join(work, 'secret.csv'), 'x\n');
    writeFileSync(join(work, 'config', 'inside.csv'), 'y\n');
    symlinkSync(join(work, 'secret.csv'), join(work, 'config', 'link.csv'));
    const readIn = readFilesIn(join(work, 'config'));
    expect(readIn('inside.csv')).toBeInstanceOf(Uint8Array);
    expect(() => readIn('link.csv')).toThrow(FileError);
    expect(() => readIn('link.csv')).toThrow(
      `this path leads outside the config's folder ${join(work, 'config')} (to ${join(work, 'secret.csv')}, through a symbolic link); copy the file into the folder`,
    );
  });
});

describe('the data step on the command line', () => {
  const work = mkdtempSync(join(tmpdir(), 'nsm-strict-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints the warnings and exits 0; with --strict it exits 1 and writes nothing', () => {
    // City B with its CSV layer's rules written relative to the wrong folder.
    const dir = join(work, 'city');
    cpSync(join(FIXTURES, 'city-b'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'site.config.ts'),
      `export { default } from ${JSON.stringify(pathToFileURL(join(FIXTURES, 'city-b', 'site.config.ts')).href)};\n`,
    );
    writeFileSync(
      join(dir, 'rules.csv'),
      readFileSync(join(dir, 'rules.csv'), 'utf8').replaceAll('\nservices.csv,', '\ncity-b/services.csv,'),
    );
    const data = (...flags: string[]) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'scripts/build-data.ts'),
          '--config',
          join(dir, 'site.config.ts'),
          '--out',
          join(work, 'gen'),
          ...flags,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const lenient = data();
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(
      /^WARNING rules\.csv:row 2 layer_file: "city-b\/services\.csv" is looked for in the rule table's folder \S+\/city\/, as "city-b\/services\.csv", which no service layer reads \(layers read: services\.csv, hsds\.json\); rule ignored \(skipped\)$/m,
    );
    expect(lenient.stdout).toMatch(
      /^WARNING services\.csv \*: layer "csv" publishes no service: no rule of rules\.csv names this file \(its layer_file paths are relative to the rule table's folder \S+\/city\/\) \(skipped\)$/m,
    );
    expect(lenient.stdout).toContain('5 warning(s) above stop `npm run build` (its data step runs with --strict).');
    rmSync(join(work, 'gen'), { recursive: true });
    const strict = data('--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('(fatal with --strict) (skipped)');
    expect(strict.stderr).toContain('Data build failed: 4 fatal problem(s); nothing was written.');
    expect(() => readdirSync(join(work, 'gen'))).toThrow();
  });
});
