/**
 * Accessibility sweep: axe (WCAG 2.2 AA tags) with zero violations on one page of every page
 * type (scripts/lib/page-types.ts) in every locale of the built sitemap, right-to-left
 * included, plus the language chooser, the 404 page and a seeded random sample of other pages.
 * The seed is AXE_SEED (playwright.config.ts sets a random one when it is unset, so every worker
 * draws the same sample); it is printed and in the test titles: `AXE_SEED=<n> npx playwright
 * test a11y-sweep` repeats a run. AXE_SAMPLE sets the sample size (default 24).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES, pageType, sitemapPaths, splitPagePath } from '../../scripts/lib/page-types.ts';
import { sample, seedFrom } from '../../scripts/lib/random.ts';

const dist = process.env.DIST ?? 'dist';
const read = (name: string) => (existsSync(join(dist, name)) ? readFileSync(join(dist, name), 'utf8') : undefined);
const paths =
  existsSync(join(dist, 'sitemap-0.xml')) || existsSync(join(dist, 'sitemap-index.xml')) ? sitemapPaths(read) : [];
const locales = [...new Set(paths.map((p) => p.split('/')[1] ?? '').filter((s) => s !== '' && !s.includes('.')))];
const seed = seedFrom(process.env.AXE_SEED);
const sampleSize = Number(process.env.AXE_SAMPLE ?? 24);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One page per type in a locale: the same page as in the first locale when it exists there. */
function representatives(locale: string): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const path of paths) {
    const split = splitPagePath(path, locales);
    if (split.locale !== locale) continue;
    const type = pageType(split.path);
    if (!chosen.has(type)) chosen.set(type, path);
  }
  return chosen;
}

const firstLocale = locales[0] ?? 'en';
const reference = representatives(firstLocale);
const perLocale = new Map(
  locales.map((locale) => {
    const own = representatives(locale);
    const pages = new Map<string, string>();
    for (const [type, path] of reference) {
      const same = `/${locale}/${splitPagePath(path, locales).path}`;
      pages.set(type, paths.includes(same) ? same : (own.get(type) ?? same));
    }
    for (const [type, path] of own) if (!pages.has(type)) pages.set(type, path);
    return [locale, pages] as const;
  }),
);
const covered = new Set([...perLocale.values()].flatMap((m) => [...m.values()]));
const sampled = sample(
  paths.filter((p) => !covered.has(p)),
  sampleSize,
  seed,
);

async function violations(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(url.includes('404') ? 500 : 400);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${url}: ${v.id} (${v.impact ?? ''}) ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

test.describe.configure({ mode: 'parallel' });
test.describe('accessibility sweep', () => {
  test.beforeAll(() => {
    console.log(
      `a11y sweep: ${locales.length} locales × ${reference.size} page types, sample of ${sampled.length} with AXE_SEED=${seed}`,
    );
  });

  test('the page-type table knows every built page', () => {
    expect(paths.length, `no sitemap in ${dist}: build first`).toBeGreaterThan(0);
    const unknown = paths.filter(
      (p) => splitPagePath(p, locales).locale && pageType(splitPagePath(p, locales).path) === 'other',
    );
    expect(unknown.slice(0, 10)).toEqual([]);
    expect(PAGE_TYPES.length).toBeGreaterThan(20);
  });

  for (const locale of locales) {
    test(`every page type in ${locale} has no WCAG 2.2 AA violation`, async ({ page }) => {
      test.setTimeout(240_000);
      const found: string[] = [];
      for (const [, url] of perLocale.get(locale) ?? []) found.push(...(await violations(page, url)));
      expect(found).toEqual([]);
    });
  }

  test('the language chooser and the 404 page have no WCAG 2.2 AA violation', async ({ page }) => {
    const found = [...(await violations(page, '/')), ...(await violations(page, '/404.html'))];
    expect(found).toEqual([]);
  });

  const halves = [sampled.filter((_, i) => i % 2 === 0), sampled.filter((_, i) => i % 2 === 1)];
  halves.forEach((half, i) => {
    test(`seeded sample ${i + 1}/2 (AXE_SEED=${seed}) has no WCAG 2.2 AA violation`, async ({ page }) => {
      test.setTimeout(240_000);
      console.log(`a11y sample ${i + 1}/2, AXE_SEED=${seed}: ${half.join(' ')}`);
      const found: string[] = [];
      for (const url of half) found.push(...(await violations(page, url)));
      expect(found).toEqual([]);
    });
  });
});
