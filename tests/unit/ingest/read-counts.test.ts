/**
 * The pipeline's promise, as a property: for every input file, the number of records counted
 * from the file itself equals `read`, and `read = published + reported`. Checked on every
 * fixture city, every damaged file in tests/fixtures/bad/, and on seeded random damage to City
 * B's CSV (stray quotes, lost quotes, mixed line endings, dropped delimiters). A run may stop with
 * a formatted fatal error, never with anything else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline, type ReadFile } from '../../../src/lib/ingest/pipeline.ts';
import type { SiteConfig } from '../../../src/lib/schema/config.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { configWith, layerFor } from './damaged-helpers.ts';
import { FIXTURES, readerFor } from './helpers.ts';

/**
 * Records in a CSV text (comma-separated), counted by a character-by-character state machine
 * written independently of the pipeline's reader, with RFC 4180's rules and the pipeline's
 * documented recovery: a damaged row ends at the end of its line; a quote never closed makes
 * one row and counting resumes on the next line. Blank lines are not rows. Minus the header.
 */
export function countCsvRecords(input: string): number {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let records = 0;
  let start = 0;
  while (start < text.length) {
    type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterQuote' | 'skipLine';
    let state: State = 'fieldStart';
    let blank = true;
    let i = start;
    let ended = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' && state !== 'quoted') {
        ended = true;
        break;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n') blank = false;
      if (state === 'skipLine') continue;
      if (state === 'fieldStart') state = c === '"' ? 'quoted' : c === ',' || c === ' ' ? 'fieldStart' : 'unquoted';
      else if (state === 'unquoted') state = c === '"' ? 'skipLine' : c === ',' ? 'fieldStart' : 'unquoted';
      else if (state === 'quoted') state = c === '"' ? 'quoteInQuoted' : 'quoted';
      else if (state === 'quoteInQuoted')
        state = c === '"' ? 'quoted' : c === ',' ? 'fieldStart' : c === ' ' ? 'afterQuote' : 'skipLine';
      else if (state === 'afterQuote') state = c === ',' ? 'fieldStart' : c === ' ' ? 'afterQuote' : 'skipLine';
    }
    if (!blank) records++;
    if (ended || state !== 'quoted') start = i + 1;
    else {
      // Quote never closed: one row, counted from the line after its first.
      const nextLine = text.indexOf('\n', start);
      start = nextLine < 0 ? text.length : nextLine + 1;
    }
  }
  return Math.max(0, records - 1);
}

/** Records in a file, counted from the file: CSV rows, GeoJSON features, HSDS services. */
function countRecords(path: string, text: string): number {
  if (path.endsWith('.csv')) return countCsvRecords(text);
  const data = JSON.parse(text) as unknown;
  if (Array.isArray(data)) return data.length;
  const o = data as { features?: unknown[]; services?: unknown[]; contents?: unknown[] };
  return (o.features ?? o.services ?? o.contents ?? []).length;
}

/** Runs the pipeline; checks the property on every file it read. Returns false when it stopped. */
function checkRun(config: SiteConfig, read: ReadFile, text: (file: string) => string): boolean {
  let result;
  try {
    result = runPipeline(config, read);
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineError);
    return false;
  }
  for (const f of result.report.files) {
    const layer = config.serviceLayers.find((l) => l.file === f.file);
    if (f.layer !== 'census' && layer === undefined) continue; // areas: all-or-nothing, fatal otherwise
    expect.soft({ file: f.file, read: f.read }).toEqual({ file: f.file, read: countRecords(f.file, text(f.file)) });
    expect.soft({ file: f.file, sum: f.published + f.reported }).toEqual({ file: f.file, sum: f.read });
  }
  return true;
}

const fixtureText = (dir: string) => (file: string) => readFileSync(join(dir, file), 'utf8');

describe('read counted from the file = published + reported', () => {
  it('in every fixture city (Toronto: toronto.test.ts)', async () => {
    for (const [dir, configFile] of [
      [join(FIXTURES, 'city-b'), 'site.config.ts'],
      [join(FIXTURES, 'xss-city'), 'site.config.ts'],
    ] as const) {
      const config = await loadSiteConfig(join(dir, configFile));
      expect(checkRun(config, readerFor(dir), fixtureText(dir))).toBe(true);
    }
  });

  it('for every damaged service file in tests/fixtures/bad', async () => {
    const dir = join(FIXTURES, 'bad');
    const files = readdirSync(dir).filter((f) => /^(csv-|geojson-|services-)/.test(f));
    expect(files.length).toBeGreaterThan(10);
    let completed = 0;
    for (const file of files) {
      const layers = file.startsWith('csv-cross')
        ? [layerFor(file, {}, 'x')]
        : [layerFor(file, file === 'csv-values.csv' ? { capacityField: 'spaces' } : {})];
      if (checkRun(await configWith(layers), readerFor(FIXTURES), fixtureText(FIXTURES))) completed += 1;
    }
    expect(completed).toBeGreaterThan(8);
  });

  it('with the HSDS fixtures', async () => {
    for (const file of readdirSync(join(FIXTURES, 'bad')).filter((f) => f.startsWith('hsds-'))) {
      const layer = {
        id: 'h',
        file: `bad/${file}`,
        format: 'hsds',
        attributes: [],
        sourceName: 'f',
        licence: 'f',
      } as const;
      expect(checkRun(await configWith([layer as never]), readerFor(FIXTURES), fixtureText(FIXTURES))).toBe(true);
    }
  });

  it('under seeded random damage to a CSV layer', async () => {
    const dir = join(FIXTURES, 'city-b');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'));
    const csvLayer = config.serviceLayers.find((l) => l.format === 'csv');
    if (csvLayer === undefined) throw new Error('City B has a CSV layer');
    const original = readFileSync(join(dir, csvLayer.file), 'utf8');
    const damages = ['"', '"', '\r', '\r\n', '\n', '', ',', '""'];
    let completed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = seededRandom(seed);
      let text = original;
      const edits = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rand() * text.length);
        const what = damages[Math.floor(rand() * damages.length)] ?? '';
        // '' deletes one character; anything else is inserted.
        text = what === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + what + text.slice(at);
      }
      const read: ReadFile = (f) => (f === csvLayer.file ? text : readerFor(dir)(f));
      const textOf = (f: string) => (f === csvLayer.file ? text : readFileSync(join(dir, f), 'utf8'));
      if (checkRun(config, read, textOf)) completed += 1;
    }
    // Most damage is per row; a damaged header or a lost column name stops the run.
    expect(completed).toBeGreaterThan(30);
  });
});
