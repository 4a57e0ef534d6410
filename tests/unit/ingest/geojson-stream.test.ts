/**
 * GeoJSON service layers are read one feature at a time (src/lib/ingest/json-stream.ts). As a
 * property over seeded random FeatureCollections cut into chunks of random sizes: the reader
 * gives exactly the features `JSON.parse` gives; on seeded random damage it stops exactly when
 * `JSON.parse` refuses the text (or the text is no object with a features array). In the
 * pipeline, a damaged layer gets the same fatal message as when it was read whole.
 */
import { describe, expect, it } from 'vitest';
import { DuplicateFeaturesError, FeatureStream, JsonStreamError } from '../../../src/lib/ingest/json-stream.ts';
import { readGeoJsonLayer, streamGeoJsonLayer } from '../../../src/lib/ingest/readers.ts';
import type { RawRecord } from '../../../src/lib/ingest/record.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import type { SiteConfig } from '../../../src/lib/schema/config.ts';
import { configWith, layerFor, read } from './damaged-helpers.ts';

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const space = (rand: Rand): string => pick(rand, ['', '', ' ', '\n', '\r\n\t ', '  ']);

/** A random JSON value of limited depth, as text with random whitespace. */
function value(rand: Rand, depth: number): string {
  const r = rand();
  if (depth <= 0 || r < 0.4) {
    return pick(rand, [
      'null',
      'true',
      'false',
      '0',
      '-12.5e3',
      '12345678901234567890',
      '1e999',
      '"plain"',
      '"a \\"quoted\\" ] } value"',
      '"\\\\"',
      '"Québec 東京 \\u00e9"',
      '"{[,:]}"',
      '""',
    ]);
  }
  if (r < 0.7) {
    const items = Array.from(
      { length: Math.floor(rand() * 4) },
      () => `${space(rand)}${value(rand, depth - 1)}${space(rand)}`,
    );
    return `[${items.join(',')}]`;
  }
  const keys = Array.from(
    { length: Math.floor(rand() * 4) },
    (_, k) => `${space(rand)}"k${k}\\"x"${space(rand)}:${space(rand)}${value(rand, depth - 1)}${space(rand)}`,
  );
  return `{${keys.join(',')}}`;
}

function feature(rand: Rand, i: number): string {
  const coords = `[${(-79.4 + rand() / 10).toFixed(6)},${space(rand)}${(43.7 + rand() / 10).toFixed(6)}]`;
  return `{"type":"Feature",${space(rand)}"properties":{"ref":"R${i}","title":"Place ${i}","extra":${value(rand, 3)}},"geometry":{"type":"Point","coordinates":${coords}}}`;
}

/** A FeatureCollection with members before and after `features` and random whitespace. */
function collection(rand: Rand): string {
  const features = Array.from(
    { length: Math.floor(rand() * 6) },
    (_, i) => `${space(rand)}${feature(rand, i)}${space(rand)}`,
  );
  const members = [
    `"type"${space(rand)}:${space(rand)}"FeatureCollection"`,
    `"features":${space(rand)}[${features.join(',')}${space(rand)}]`,
    `"name":${value(rand, 2)}`,
    `"crs":${value(rand, 3)}`,
  ];
  for (let i = members.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [members[i], members[j]] = [members[j] as string, members[i] as string];
  }
  return `${rand() < 0.2 ? '\ufeff' : ''}${space(rand)}{${space(rand)}${members.join(`${space(rand)},${space(rand)}`)}${space(rand)}}${space(rand)}`;
}

/** Cuts a text into chunks of random sizes (1 to 40 characters). */
function chunks(rand: Rand, text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    const size = 1 + Math.floor(rand() * 40);
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

type Streamed = { ok: true; features: unknown[]; type: unknown } | { ok: false };

function streamed(parts: readonly string[]): Streamed {
  const features: unknown[] = [];
  const stream = new FeatureStream((text) => features.push(JSON.parse(text)));
  try {
    for (const part of parts) stream.push(part);
    const info = stream.end();
    return info.hasFeatures ? { ok: true, features, type: info.type } : { ok: false };
  } catch (e) {
    if (e instanceof JsonStreamError || e instanceof SyntaxError) return { ok: false };
    throw e;
  }
}

/** What JSON.parse makes of the whole text, in the same terms. */
function whole(text: string): Streamed {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false };
  const { features, type } = data as { features?: unknown; type?: unknown };
  return Array.isArray(features) ? { ok: true, features, type } : { ok: false };
}

describe('GeoJSON read one feature at a time', () => {
  it('gives exactly the features JSON.parse gives, in chunks of any size (500 seeded collections)', () => {
    const rand = seededRandom(2026);
    for (let n = 0; n < 500; n++) {
      const text = collection(rand);
      const expected = whole(text);
      expect(expected.ok).toBe(true);
      expect(streamed(chunks(rand, text)), text).toEqual(expected);
      expect(streamed([text]), text).toEqual(expected);
    }
  });

  it('stops exactly when JSON.parse refuses the damaged text (2,000 seeded damages)', () => {
    const rand = seededRandom(15);
    let refused = 0;
    for (let n = 0; n < 2000; n++) {
      const text = collection(rand);
      const at = Math.floor(rand() * text.length);
      const damage = rand();
      const damaged =
        damage < 0.4
          ? text.slice(0, at) + text.slice(at + 1)
          : damage < 0.8
            ? text.slice(0, at) + pick(rand, ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', ' ']) + text.slice(at)
            : text.slice(0, at);
      const expected = whole(damaged);
      if (!expected.ok) refused += 1;
      expect(streamed(chunks(rand, damaged)), damaged).toEqual(expected);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('refuses a second features member, which JSON.parse would silently drop', () => {
    const stream = new FeatureStream(() => undefined);
    expect(() => stream.push('{"type":"FeatureCollection","features":[],"features":[]}')).toThrow(
      DuplicateFeaturesError,
    );
  });

  it('a service layer reads the same records streamed as whole, numbers kept as text where a double would change them', () => {
    const layer = layerFor('geojson-numbers.geojson');
    const text = textOf(layer.file);
    const records: RawRecord[] = [];
    streamGeoJsonLayer(
      chunks(seededRandom(3), text),
      () => text,
      layer,
      (r) => records.push(r),
    );
    expect(records).toEqual(readGeoJsonLayer(text, layer));
  });

  it('a damaged GeoJSON layer stops the build with the message of reading it whole', async () => {
    const layer = layerFor('geojson-numbers.geojson');
    const good = textOf(layer.file);
    for (const damaged of [
      good.slice(0, good.length - 8),
      good.replace('"Feature"', '"Feature",,'),
      '[]',
      '{"type":"Feature"}',
      `${good}x`,
    ]) {
      const config = await configWith([layer]);
      const outcome = runWith(config, layer.file, damaged);
      let expected: string;
      try {
        readGeoJsonLayer(damaged, layer);
        expected = 'no error';
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(outcome).not.toBe('no error');
      expect(outcome).toBe(expected);
    }
  });
});

/** A fixture file's text. */
function textOf(file: string): string {
  const content = read(file);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/** Runs the pipeline with `file` replaced by `text`; the fatal problems as one message. */
function runWith(config: SiteConfig, file: string, text: string): string {
  try {
    runPipeline(config, (f) => (f === file ? text : read(f)));
    return 'no error';
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    return e.issues.map((i) => `${i.field}: ${i.reason}`).join('; ');
  }
}
