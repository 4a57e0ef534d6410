import { join } from 'node:path';
import { describe, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { FIXTURES, readerFor } from '../ingest/helpers.ts';
import { expectGolden } from './golden.ts';

/** The data-quality report of each fixture city: every count and every issue, in order. */
describe('pipeline report of the fixture cities (golden)', () => {
  for (const city of ['city-b', 'xss-city']) {
    it(city, async () => {
      const dir = join(FIXTURES, city);
      const result = runPipeline(await loadSiteConfig(join(dir, 'site.config.ts')), readerFor(dir));
      expectGolden(`pipeline/${city}.report.json`, `${JSON.stringify(result.report, null, 2)}\n`);
    });
  }
});
