/**
 * Byte budgets of the built site. Bytes are deterministic, so unlike timings they are tested;
 * `npm run bench` reports the same figures with timings in docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { gzipSize, ownScriptGzip, pageScripts } from '../../scripts/lib/page-weight.ts';

const dist = process.env.DIST ?? 'dist';

test.describe('byte budgets', () => {
  test('our own JavaScript on the finder and map pages is at most 30 kB gzip, MapLibre excluded', () => {
    for (const page of ['en/services/index.html', 'fr/map/index.html']) {
      expect(ownScriptGzip(dist, page), page).toBeLessThanOrEqual(30 * 1024);
      // MapLibre is never loaded with the page, only on demand.
      expect(pageScripts(dist, page).filter((s) => s.excluded && !s.lazy), page).toEqual([]);
    }
  });

  test('the search index costs at most 40 bytes gzip per service', () => {
    const index = readFileSync(join(dist, 'data', 'finder.json'));
    const rows = (JSON.parse(index.toString('utf8')) as { rows: [string][] }).rows;
    const services = new Set(rows.map((r) => r[0])).size;
    expect(services).toBeGreaterThan(1000);
    expect(gzipSize(index) / services).toBeLessThanOrEqual(40);
  });

  test('content pages ship no JavaScript of their own beyond the search box', () => {
    for (const page of ['en/index.html', 'fr/data/quality/index.html', 'en/accessibility/index.html']) {
      expect(pageScripts(dist, page), page).toEqual([]);
    }
  });
});
