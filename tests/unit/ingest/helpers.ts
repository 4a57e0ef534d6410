import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSiteConfig } from '../../../src/lib/ingest/config.ts';
import type { ReadFile } from '../../../src/lib/ingest/pipeline.ts';
import { readFilesIn } from '../../../src/lib/ingest/read-file.ts';
import type { SiteConfig, SiteConfigInput } from '../../../src/lib/schema/config.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

/** Reads files relative to `dir`, like build-data does relative to the config folder. */
export function readerFor(dir: string): ReadFile {
  return readFilesIn(dir);
}

/** Files relative to `dir` as UTF-8 text ('' when missing), for tests that read a file themselves. */
export function textReaderFor(dir: string): (file: string) => string {
  const read = readFilesIn(dir);
  return (file) => {
    const content = read(file);
    return typeof content === 'string' ? content : content === undefined ? '' : new TextDecoder().decode(content);
  };
}

/** Validates a config object or fails the test with the messages. */
export function validConfig(input: unknown): SiteConfig {
  const result = parseSiteConfig(input, 'test config');
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.field}: ${i.reason}`).join('\n'));
  return result.config;
}

/** City B's config with its paths moved under tests/fixtures (for the bad-input cases). */
export async function badBaseConfig(overrides: Partial<SiteConfigInput> = {}): Promise<SiteConfig> {
  const cityB = (await import('../../fixtures/city-b/site.config.ts')).default;
  return validConfig({
    ...cityB,
    areas: { ...cityB.areas, file: 'city-b/zones.geojson' },
    census: { ...cityB.census, file: 'city-b/indicators.csv' },
    rules: { file: 'bad/rules.csv' },
    boundary: 'city-b/outline.geojson',
    serviceLayers: [
      {
        id: 'bad',
        file: 'bad/services-bad.csv',
        format: 'csv',
        idField: 'ref',
        nameField: 'title',
        address: { line1: 'street' },
        websiteField: 'web',
        emailField: 'mail',
        latField: 'lat',
        lonField: 'lon',
        sourceName: 'fixture',
        licence: 'fixture',
      },
    ],
    ...overrides,
  });
}
