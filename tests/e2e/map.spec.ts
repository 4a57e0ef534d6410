/**
 * A map people can read without any third party:
 * - a self-hosted PMTiles basemap (the default build has none, so the test configures one by
 *   rewriting the page's map options, and serves a tiny archive built by
 *   tests/e2e/lib/pmtiles-fixture.ts with HTTP range responses, as a static host would): the
 *   basemap is drawn and no request leaves the site's origin;
 * - without a basemap, neighbourhood names: a tooltip under the pointer and the map centre's
 *   neighbourhood under the map;
 * - clusters show their count and are in the legend;
 * - on a phone the attribution starts collapsed.
 */
import { expect, test, type Page } from '@playwright/test';
import { cityFixture } from './lib/pmtiles-fixture.ts';
import { phonePage } from './lib/phone.ts';

const ARCHIVE = cityFixture([-79.7, 43.55, -79.05, 43.9]);

/** Serves `path` with a PMTiles basemap at `/test-basemap/city.pmtiles` (byte ranges, like a static host). */
async function withPmtilesBasemap(page: Page, path: string): Promise<string[]> {
  const ranges: string[] = [];
  await page.route(`**${path}*`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '&quot;basemap&quot;:null',
      '&quot;basemap&quot;:{&quot;pmtiles&quot;:&quot;/test-basemap/city.pmtiles&quot;,&quot;flavor&quot;:&quot;light&quot;,&quot;attribution&quot;:&quot;Test basemap © OpenStreetMap contributors&quot;}',
    );
    expect(html).toContain('city.pmtiles');
    await route.fulfill({ response, body: html });
  });
  await page.route('**/test-basemap/city.pmtiles', (route) => {
    const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
    if (!range)
      return route.fulfill({ status: 200, body: Buffer.from(ARCHIVE), contentType: 'application/octet-stream' });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), ARCHIVE.length - 1);
    ranges.push(`${start}-${end}`);
    return route.fulfill({
      status: 206,
      body: Buffer.from(ARCHIVE.subarray(start, end + 1)),
      headers: {
        'Content-Range': `bytes ${start}-${end}/${ARCHIVE.length}`,
        'Content-Type': 'application/octet-stream',
        'Accept-Ranges': 'bytes',
      },
    });
  });
  return ranges;
}

test.describe('a readable map without third parties', () => {
  test('a self-hosted PMTiles basemap is drawn, and every request stays on the site', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/en/');
    const ranges = await withPmtilesBasemap(page, '/en/services/');
    await page.goto('/en/services/?category=library');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    // Land, lake, park and roads of the fixture are on screen.
    await expect
      .poll(async () => Number(await page.locator('.map').getAttribute('data-basemap-features')), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(4);
    expect(ranges.length).toBeGreaterThan(1);
    await expect(page.getByText('The background map could not be loaded')).toHaveCount(0);
    // Six attribution lines would cover the map: they start collapsed, and the "i" button opens them.
    await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toBeHidden();
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toContainText(
      'Test basemap © OpenStreetMap contributors',
    );
    const origin = new URL(page.url()).origin;
    const elsewhere = requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(elsewhere).toEqual([]);
  });

  test('without a basemap, neighbourhoods are named under the pointer and at the map centre', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/en/services/?category=library');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    await expect(page.locator('.map-place')).toHaveText(/^Map centre: \S/, { timeout: 20_000 });
    const box = await page.locator('.map canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.4);
    await page.mouse.move(box.x + box.width * 0.46, box.y + box.height * 0.41);
    await expect(page.locator('.area-tooltip')).toHaveText(/\S/, { timeout: 10_000 });
    // Panning with the keyboard names the new centre.
    const before = await page.locator('.map-place').textContent();
    await page.locator('.map canvas').focus();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.locator('.map-place')).not.toHaveText(before ?? '', { timeout: 20_000 });
  });

  test('clusters show how many services they hold, and the legend explains them', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/en/services/?category=library');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    const counts = page.locator('.cluster-count');
    await expect(counts.first()).toBeVisible({ timeout: 20_000 });
    const numbers = (await counts.allTextContents()).map(Number);
    expect(numbers.every((n) => Number.isInteger(n) && n >= 2)).toBe(true);
    await expect(page.locator('.legend')).toContainText('A group of nearby services; the number says how many.');
  });

  test('on a phone the attribution starts collapsed; Persian counts use the page’s digits', async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    await page.goto('/fa/services/?category=library');
    await page.locator('.view-toggle [data-view=map]').click();
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toHaveClass(/maplibregl-compact/);
    await expect(attribution).not.toHaveClass(/maplibregl-compact-show/);
    await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toBeHidden();
    // Its button opens it.
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toBeVisible();
    await expect(page.locator('.cluster-count').first()).toHaveText(/^[۰-۹]+$/, { timeout: 20_000 });
    await context.close();
  });
});
