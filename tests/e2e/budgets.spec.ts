/**
 * Byte budgets of the built site. Bytes are deterministic, so unlike timings they are tested;
 * `npm run bench` reports the same figures with timings in docs/benchmarks.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { gzipSize, ownScriptGzip, pageScripts, pageTransfer } from '../../scripts/lib/page-weight.ts';
import { isLocale } from '../../src/i18n/locales.ts';
import { isRedirectStub } from './lib/html-audit.ts';

const dist = process.env.DIST ?? 'dist';

test.describe('byte budgets', () => {
  test('our own JavaScript on the finder, map and gaps pages is at most 30 kB gzip, MapLibre excluded', () => {
    for (const page of ['en/services/index.html', 'fr/map/index.html', 'en/gaps/index.html', 'ar/gaps/index.html']) {
      expect(ownScriptGzip(dist, page), page).toBeLessThanOrEqual(30 * 1024);
      // MapLibre is never loaded with the page, only on demand.
      expect(
        pageScripts(dist, page).filter((s) => s.excluded && !s.lazy),
        page,
      ).toEqual([]);
    }
  });

  test('the search index costs at most 40 bytes gzip per service', () => {
    const index = readFileSync(join(dist, 'data', 'finder.json'));
    const rows = (JSON.parse(index.toString('utf8')) as { rows: [string][] }).rows;
    const services = new Set(rows.map((r) => r[0])).size;
    expect(services).toBeGreaterThan(1000);
    expect(gzipSize(index) / services).toBeLessThanOrEqual(40);
  });

  test('content pages ship no JavaScript of their own beyond the site shell’s few kB', () => {
    // The shell's scripts (offline notice and service worker registration) are the same on
    // every page; content pages add nothing to them.
    const shell = pageScripts(dist, 'en/about/index.html');
    expect(
      shell.reduce((n, s) => n + s.gzip, 0),
      'shell scripts, gzip',
    ).toBeLessThanOrEqual(3 * 1024);
    const pages = [
      'en/index.html',
      'fr/data/quality/index.html',
      'en/about/index.html',
      'ar/about/index.html',
      ...contentPages('en'),
      ...contentPages('ar'),
    ];
    for (const page of pages) {
      expect(
        pageScripts(dist, page).map((s) => s.file),
        page,
      ).toEqual(shell.map((s) => s.file));
    }
  });

  test('a fact sheet transfers under 60 kB and the home page under 100 kB, fonts excluded', () => {
    for (const locale of locales()) {
      for (const sheet of firstPages(
        locale,
        /^fact-sheets\/(?!neighbourhoods\/)[^/]+\/$/,
        /^fact-sheets\/neighbourhoods\/[^/]+\/$/,
      )) {
        const weight = pageTransfer(dist, sheet);
        expect(weight.total, `${sheet}: ${JSON.stringify(weight)}`).toBeLessThan(60 * 1024);
      }
      const home = pageTransfer(dist, `${locale}/index.html`);
      expect(home.total, `${locale} home: ${JSON.stringify(home)}`).toBeLessThan(100 * 1024);
      const lite = pageTransfer(dist, `${locale}/services/lite/index.html`);
      expect(lite.total, `${locale} light finder: ${JSON.stringify(lite)}`).toBeLessThan(100 * 1024);
    }
  });
});

/** Locales of the built site (its top-level locale folders with an index page; not `admin/`). */
function locales(): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isLocale(e.name) && existsSync(join(dist, e.name, 'index.html')))
    .map((e) => e.name);
}

/** The built page files of a locale whose locale-free path matches each pattern: the first of each (redirect stubs are not pages). */
function firstPages(locale: string, ...patterns: RegExp[]): string[] {
  const files = readdirSync(join(dist, locale), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.split(sep).join('/'))
    .filter(
      (f) =>
        !(
          /^fact-sheets\/neighbourhoods\/\d+\/index\.html$/.test(f) &&
          isRedirectStub(readFileSync(join(dist, locale, f), 'utf8'))
        ),
    )
    .sort();
  return patterns
    .map((p) => files.find((f) => p.test(f.slice(0, -'index.html'.length))))
    .filter((f): f is string => f !== undefined)
    .map((f) => `${locale}/${f}`);
}

/** One fact sheet, neighbourhood sheet, e-update, story, news item and event of a locale. */
function contentPages(locale: string): string[] {
  return firstPages(
    locale,
    /^fact-sheets\/(?!neighbourhoods\/)[^/]+\/$/,
    /^fact-sheets\/neighbourhoods\/[^/]+\/$/,
    /^e-updates\/(?!archive\/)[^/]+\/$/,
    /^stories\/(?!poster\/|booklet\/)[^/]+\/$/,
    /^news\/[^/]+\/$/,
    /^events\/[^/]+\/$/,
  );
}
