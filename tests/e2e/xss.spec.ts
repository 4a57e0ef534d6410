/**
 * Untrusted data cannot inject script. Runs only against the site built from
 * tests/fixtures/xss-city (its names, descriptions, addresses, phones, URLs and licences carry
 * `<img onerror>`, `<script>`, `</script>`, quote-breaking and `javascript:` payloads):
 *   XSS_DIST=/tmp/xss-site DIST=/tmp/xss-site npx playwright test tests/e2e/xss.spec.ts
 * `npm test` (scripts/test.ts) builds that site in a temporary copy of the project and runs this.
 * On every page: no dialog opens, no payload flag is set, no element from a payload exists, no
 * `javascript:` link, and the payload text is shown as text.
 */
import { expect, test, type Page } from '@playwright/test';

test.skip(!process.env['XSS_DIST'], 'needs the xss-city fixture site (XSS_DIST)');

const IMG = 'Zzxss Img <img src=x onerror="window.__xss=1;alert(1)">';
const CLINIC = 'Zzxss Clinic <img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = 'Zzxss Script <script>window.__xss=2;alert(2)</script>';
const QUOTE = 'Zzxss Quote " onmouseover="window.__xss=3" data-x="';
const END = 'Zzxss EndScript </script><script>window.__xss=5;alert(5)</script>';

const dialogs: string[] = [];

test.beforeEach(({ page }) => {
  dialogs.length = 0;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

/** Nothing from a payload ran or became markup. */
async function expectInert(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onmouseover], [onfocus], [data-x]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^=" javascript:" i]')).toHaveCount(0);
  // Scripts in the page are only the site's own files and JSON-LD data.
  const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').count();
  expect(inline).toBe(0);
}

test.describe('untrusted data shows as text', () => {
  test('finder list and map popup', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/services/?q=zzxss');
    await expect(page.locator('.results-heading')).toHaveText('7 services found');
    for (const name of [IMG, CLINIC, SCRIPT, QUOTE, END]) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await expectInert(page);
    // Centre the map on the clinic (its own point), then click it: the popup shows name and address as text.
    await page.goto('/en/services/?q=zzxss&near=46.0955%2C-64.8052');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '7', { timeout: 20_000 });
    const canvas = page.locator('.map canvas');
    await expect(canvas).toBeVisible();
    const popup = page.locator('.maplibregl-popup');
    for (let i = 0; i < 10 && (await popup.count()) === 0; i += 1) {
      await page.waitForTimeout(500);
      const box = (await canvas.boundingBox())!;
      await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    }
    await expect(popup).toContainText(CLINIC);
    await expect(popup).toContainText('9 Harbour <img src=x onerror="window.__xss=1;alert(1)">');
    await expectInert(page);
  });

  test('service pages, with their JSON-LD', async ({ page }) => {
    for (const name of [CLINIC, END, QUOTE, IMG]) {
      await page.goto('/en/services/?q=zzxss');
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expectInert(page);
      const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(jsonLd.length).toBeGreaterThan(0);
      const names = jsonLd.map((text) => JSON.stringify(JSON.parse(text)));
      expect(names.some((n) => n.includes(JSON.stringify(name).slice(1, -1)))).toBe(true);
    }
    // The clinic's description, organization, phone and schedule note carry payloads too.
    await page.goto('/en/services/?q=zzxss');
    await page.getByRole('link', { name: CLINIC, exact: true }).click();
    await expect(page.getByText('Description <script>window.__xss=2;alert(2)</script> and', { exact: false })).toBeVisible();
    await expect(page.getByText('Org </script><script>window.__xss=5;alert(5)</script>').first()).toBeVisible();
    await expectInert(page);
  });

  test('search results', async ({ page }) => {
    await page.goto('/en/search/?q=zzxss');
    await expect(page.locator('site-search').getByRole('status')).toHaveText(/\d+ results? for “zzxss”/, { timeout: 15_000 });
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('main')).toContainText('<img src=x onerror=');
    await expectInert(page);
  });

  test('home, data sources, quality report and gaps pages', async ({ page }) => {
    for (const path of ['/en/', '/en/data/', '/en/data/quality/', '/en/gaps/', '/fr/services/category/settlement/']) {
      await page.goto(path);
      await expectInert(page);
    }
    await page.goto('/en/data/');
    await expect(page.getByText('Fixture licence "><img src=x onerror=alert(14)>').first()).toBeVisible();
    await expect(page.getByText('Fixture data, not real. <img src=x onerror=alert(15)>').first()).toBeVisible();
  });
});
