/**
 * Graceful faults: the site keeps working, and says so, when a part fails.
 * - the basemap style or its tiles fail (the default build has no basemap, so the test gives the
 *   finder one by rewriting its configuration in the page; style and tiles are served, or
 *   failed, by the test);
 * - the search index fails to load;
 * - the browser's location is denied or times out;
 * - JavaScript is off: every service, fact sheet and content page is reachable by links.
 * (A corrupt data file at build time is tested in tests/unit/ingest/corrupt-build.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tags } from './lib/html-audit.ts';

const dist = process.env.DIST ?? 'dist';

/** Serves the finder with a basemap configured at `/test-basemap/style.json` (same origin, so the CSP allows it). */
async function finderWithBasemap(page: Page, style: 'fails' | 'tiles-fail') {
  await page.route('**/en/services/?*', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '&quot;basemap&quot;:null',
      '&quot;basemap&quot;:{&quot;styleUrl&quot;:&quot;/test-basemap/style.json&quot;,&quot;attribution&quot;:&quot;Test basemap&quot;}',
    );
    await route.fulfill({ response, body: html });
  });
  await page.route('**/test-basemap/style.json', (route) =>
    style === 'fails'
      ? route.fulfill({ status: 503, body: 'unavailable' })
      : route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            version: 8,
            sources: {
              basemap: {
                type: 'raster',
                tiles: [`${new URL(page.url() || 'http://127.0.0.1').origin}/test-basemap/tiles/{z}/{x}/{y}.png`],
                tileSize: 256,
              },
            },
            layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
          }),
        }),
  );
  await page.route('**/test-basemap/tiles/**', (route) => route.abort('connectionrefused'));
}

test.describe('graceful faults', () => {
  for (const kind of ['fails', 'tiles-fail'] as const) {
    test(`basemap ${kind === 'fails' ? 'style' : 'tiles'} cannot load: services and list still work, a message says so`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/en/');
      await finderWithBasemap(page, kind);
      await page.goto('/en/services/?category=library');
      await expect(page.locator('.results-heading')).toHaveText('100 services found');
      await expect(
        page.getByText('The background map could not be loaded; services and neighbourhoods are still shown.'),
      ).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
      await page.getByRole('searchbox', { name: 'What do you need?' }).fill('Albion');
      await expect(page.locator('.results-heading')).toHaveText(/^\d+ services? found$/);
      await expect(page.locator('service-finder')).not.toHaveAttribute('data-map-features', '100');
    });
  }

  test('the search index cannot load: a message and links to browse instead', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort('failed'));
    await page.goto('/en/search/?q=library');
    await expect(page.locator('site-search').getByRole('status')).toHaveText(
      'Search could not be loaded. You can still browse every page from the menu.',
    );
    await page.getByRole('link', { name: 'Browse services by category' }).click();
    await expect(page).toHaveURL(/\/en\/services\/$/);
  });

  for (const [code, message] of [
    [1, 'Your browser did not share your location.'],
    [3, 'Your location could not be found.'],
  ] as const) {
    test(`near me: location ${code === 1 ? 'denied' : 'timed out'} says what to do instead`, async ({ page }) => {
      await page.addInitScript((errorCode: number) => {
        const error = { code: errorCode, message: 'test', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };
        Object.defineProperty(navigator, 'geolocation', {
          value: {
            getCurrentPosition: (_ok: unknown, fail: (e: typeof error) => void) => setTimeout(() => fail(error), 10),
          },
        });
      }, code);
      await page.goto('/en/services/');
      await expect(page.locator('.results-heading')).toHaveText(/services found/);
      await page.getByRole('button', { name: 'Use my location' }).click();
      await expect(page.getByText(new RegExp(`^${message}`))).toBeVisible();
      // The list still works without a location.
      await expect(page.locator('.results > li').first()).toBeVisible();
    });
  }
});

test.describe('without JavaScript', () => {
  test('every service, fact sheet and content page is reachable by links from the home page', async ({ request }) => {
    test.setTimeout(300_000);
    const services = JSON.parse(readFileSync('src/generated/services.json', 'utf8')) as { slug: string }[];
    const seen = new Set<string>();
    const queue = ['/en/'];
    const servicePages = new Set<string>();
    seen.add('/en/');
    // A breadth-first walk over the HTML as served (no script runs): every link a reader without
    // JavaScript could follow. Service pages are reached but not expanded (their links lead back).
    while (queue.length > 0) {
      const batch = queue.splice(0, 16);
      await Promise.all(
        batch.map(async (path) => {
          const response = await request.get(path);
          expect(response.status(), path).toBe(200);
          if (!(response.headers()['content-type'] ?? '').includes('text/html')) return;
          for (const a of tags(await response.text(), ['a'])) {
            const href = a.attrs.get('href');
            if (!href) continue;
            const url = new URL(href, `http://x${path}`);
            if (url.host !== 'x' || !url.pathname.startsWith('/en/') || !url.pathname.endsWith('/')) continue;
            const next = url.pathname;
            if (seen.has(next)) continue;
            seen.add(next);
            const service = /^\/en\/services\/([a-z0-9-]+)\/$/.exec(next);
            if (service && !['shortlist', 'category'].includes(service[1]!)) servicePages.add(service[1]!);
            else queue.push(next);
          }
        }),
      );
    }
    const missing = services.map((s) => s.slug).filter((slug) => !servicePages.has(slug));
    expect(missing.slice(0, 10), `${missing.length} services unreachable`).toEqual([]);
    // Every content page of the built site (English) is reachable too.
    const expected = [
      'fact-sheets',
      'e-updates',
      'stories',
      'news',
      'events',
      'resources',
      'about',
      'dashboard',
      'data',
    ].flatMap((section) =>
      existsSync(`${dist}/en/${section}/index.html`)
        ? [`/en/${section}/`, ...pageDirs(`${dist}/en/${section}`).map((d) => `/en/${section}/${d}/`)]
        : [],
    );
    const unreachable = expected.filter((p) => !seen.has(p));
    expect(unreachable).toEqual([]);
  });

  test('a reader without JavaScript goes from the home page to a service through the menu and a category', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services', exact: true }).click();
    await page.getByRole('link', { name: 'Health care', exact: true }).click();
    await page.locator('main ol > li a').first().click();
    await expect(page).toHaveURL(/\/en\/services\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/en/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Fact sheets', exact: true })
      .click();
    await page.getByRole('main').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });
});

/** Sub-folders of a built section that hold a page (the section's own entries, one level down). */
function pageDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(`${dir}/${e.name}/index.html`))
    .map((e) => e.name);
}
