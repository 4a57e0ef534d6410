/**
 * Offline and low bandwidth: once a reader has opened the site, the finder, the service pages
 * they opened, their shortlist and search keep working without a connection, with an offline
 * notice; the light finder's first view stays under 100 kB.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page and has stored the locale's offline pages. */
async function waitForOffline(page: Page, pages: number): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(async () => page.evaluate(async () => (await (await caches.open('nsm-pages')).keys()).length), {
      // The worker stores the finder's data files too: on a busy 2-core CI machine that took over 30 s.
      timeout: 60_000,
    })
    .toBeGreaterThanOrEqual(pages);
}

test.describe('offline', () => {
  test('the finder, an opened service page, the shortlist and search work without a connection', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/en/services/?q=library');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    await page
      .getByRole('button', { name: /^Save .* to my list$/ })
      .first()
      .click();
    await expect(page.getByRole('link', { name: 'My list (1)' })).toBeVisible();
    // Finder, lite, shortlist, search, home and the two data files.
    await waitForOffline(page, 7);
    const service = page.locator('.results a[href^="/en/services/"]').first();
    const serviceName = (await service.textContent())?.trim() ?? '';
    const serviceHref = (await service.getAttribute('href')) ?? '';
    await service.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(serviceName);
    await page.goto('/en/search/?q=library');
    await expect(page.locator('site-search .results li').first()).toBeVisible();

    await context.setOffline(true);
    await page.goto('/en/services/?q=clinic');
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    await page.goto('/en/search/?q=library');
    await expect(page.locator('site-search .results li').first()).toBeVisible();
    await page.goto(serviceHref);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(serviceName);
    await page.goto('/en/services/shortlist/');
    await expect(page.locator('service-shortlist li')).toHaveCount(1);
    // A page never opened: a short notice in the page's language with a way to the finder.
    const response = await page.goto('/en/news/');
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('link', { name: 'Find services' })).toBeVisible();
    await context.setOffline(false);
  });

  test('after "Save search for offline use", any query works without a connection', async ({ page, context }) => {
    test.setTimeout(180_000);
    await page.goto('/fr/search/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const offline = page.getByRole('region', { name: 'Rechercher sans connexion' });
    const save = offline.getByRole('button', { name: 'Enregistrer la recherche pour l’utiliser hors ligne' });
    await expect(save).toBeEnabled();
    await save.click();
    await expect(offline.getByRole('status')).toContainText('La recherche est enregistrée sur cet appareil', {
      timeout: 150_000,
    });
    const axe = await new AxeBuilder({ page })
      .include('offline-search')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    const stored = await page.evaluate(async () => (await (await caches.open('nsm-search')).keys()).length);
    const listed = ((await (await page.request.get('/pagefind/offline/fr-ca.json')).json()) as { files: string[] })
      .files.length;
    expect(stored).toBeGreaterThanOrEqual(listed);

    await context.setOffline(true);
    // Queries never run before this point: every word of the index is there.
    for (const query of ['pharmacie', 'bibliothèque']) {
      await page.goto(`/fr/search/?q=${encodeURIComponent(query)}`);
      await expect(page.locator('site-search .results li').first()).toBeVisible();
      await expect(page.locator('site-search .results li a').first()).toHaveAttribute('href', /^\/fr\//);
    }
    await context.setOffline(false);
    // The page remembers that search is saved.
    await page.reload();
    await expect(offline.getByRole('status')).toContainText('La recherche est enregistrée sur cet appareil');
  });

  test('the offline notice says so in the reader’s language, right to left in Arabic', async ({ page, context }) => {
    await page.goto('/ar/services/lite/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    const status = page.locator('offline-status [role=status]');
    await expect(status).not.toBeEmpty();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await context.setOffline(false);
    await expect(status).toBeEmpty();
  });
});

test.describe('low bandwidth', () => {
  test('the finder links to its light version, whose first view is under 100 kB', async ({ page }) => {
    await page.goto('/en/services/');
    await page.getByRole('link', { name: /light version/i }).click();
    await expect(page).toHaveURL(/\/en\/services\/lite\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // A first view: nothing in the HTTP cache or the service worker yet.
    const fresh = await page
      .context()
      .browser()!
      .newContext({ baseURL: new URL(page.url()).origin, serviceWorkers: 'block' });
    const first = await fresh.newPage();
    await first.goto('/fr/services/lite/', { waitUntil: 'load' });
    // The static server sends files uncompressed, so these are raw bytes: above what a real host sends.
    const bytes = await first.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce(
        (sum, e) =>
          sum + ((e as PerformanceResourceTiming).transferSize || (e as PerformanceResourceTiming).encodedBodySize),
        0,
      ),
    );
    await fresh.close();
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(100 * 1024);
    await expect(page.locator('.browse a').first()).toHaveAttribute('href', /^\/en\/services\/category\/[a-z_]+\/$/);
  });
});
