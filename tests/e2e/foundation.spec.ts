import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe('home page', () => {
  test('English home shows real figures from the data', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find services and facts for newcomers');
    await expect(page.getByText(/^[\d,]+ service locations listed$/)).toBeVisible();
    await expect(page.getByText('158 neighbourhoods')).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('rowheader', { name: 'Libraries' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of [
      'Services',
      'Map',
      'Service gaps',
      'Fact sheets',
      'E-updates',
      'Stories',
      'News and events',
      'Resources',
      'About',
    ]) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
  });

  test('French home is in French with French number formatting', async ({ page }) => {
    await page.goto('/fr/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Trouver des services et des faits pour les personnes nouvellement arrivées',
    );
    await expect(page.getByText('158 quartiers')).toBeVisible();
    await expect(page.getByText(/^\d{1,3}(\s\d{3})* points de service répertoriés$/)).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'À propos' }),
    ).toBeVisible();
  });

  test('has hreflang alternates for every published language', async ({ page }) => {
    await page.goto('/en/data/');
    const hreflangs = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`),
      );
    const published = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'];
    const tags: Record<string, string> = { en: 'en-CA', fr: 'fr-CA' };
    expect(hreflangs).toEqual([...published.map((l) => `${tags[l] ?? l} /${l}/data/`), 'x-default /en/data/']);
  });
});

test.describe('language', () => {
  test('the switcher keeps the reader on the same page', async ({ page }) => {
    await page.goto('/en/data/quality/');
    await page.getByText('Language: English').click();
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(/\/fr\/data\/quality\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport sur la qualité des données');
  });

  test('the root page offers every language without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/en/');
    await expect(page.getByRole('link', { name: /Français/ })).toHaveAttribute('href', '/fr/');
    await context.close();
  });

  test('the root page picks the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr\/$/);
    await context.close();
  });
});

test.describe('search', () => {
  test('finds a page in the reader language from the header search box', async ({ page }) => {
    await page.goto('/en/');
    await page.getByRole('searchbox', { name: 'Search this site' }).fill('accessibility');
    await page.getByRole('button', { name: 'Search' }).first().click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=accessibility/);
    await expect(page.locator('site-search').getByRole('status')).toHaveText(/\d+ results? for “accessibility”/);
    const first = page.getByRole('main').getByRole('listitem').getByRole('link').first();
    await expect(first).toBeVisible();
    await first.click();
    await expect(page).toHaveURL(/\/en\//);
  });

  test('French search returns French pages only', async ({ page }) => {
    await page.goto('/fr/search/?q=accessibilit%C3%A9');
    await expect(page.locator('site-search').getByRole('status')).toHaveText(/résultats? pour « accessibilité »/);
    const hrefs = await page.locator('site-search ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/fr\//);
  });
});

test.describe('data quality', () => {
  test('every input file balances: read = published + set aside', async ({ page }) => {
    await page.goto('/en/data/quality/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data quality report');
    const rows = page.getByRole('table').first().locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i += 1) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      const [read, published, reported] = cells.slice(0, 3).map((c) => Number(c.replace(/[^\d]/g, '')));
      expect(read, `row ${i}`).toBe((published ?? 0) + (reported ?? 0));
      expect(cells[4]).toBe('Yes');
    }
    // The total row adds the service files only: the area and census rows are not service records.
    const num = (t: string) => Number(t.replace(/[^\d]/g, ''));
    let serviceRead = 0;
    for (let i = 0; i < count; i += 1) {
      const file = (await rows.nth(i).locator('th').textContent()) ?? '';
      if (!/\/(areas|census)\//.test(file))
        serviceRead += num((await rows.nth(i).locator('td').first().textContent()) ?? '');
    }
    const total = page.getByRole('table').first().locator('tfoot tr');
    await expect(total.locator('th')).toHaveText('Total of the service files');
    expect(num((await total.locator('td').first().textContent()) ?? '')).toBe(serviceRead);
  });

  test('a file page lists each problem with where it is and why', async ({ page }) => {
    await page.goto('/en/data/quality/');
    const withIssues = page.getByRole('link', { name: /^\d[\d,]* problems? in / }).first();
    await withIssues.click();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Reason' })).toBeVisible();
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(/^(line|feature) \d+|whole file$/);
  });
});

test.describe('accessibility', () => {
  for (const path of ['/en/', '/fr/', '/en/data/quality/', '/fr/search/?q=qualit%C3%A9', '/en/services/']) {
    test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});

test.describe('robots.txt', () => {
  test('allows crawling and names the sitemap, which exists', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/plain');
    const body = await res.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(body)?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
    expect((await request.get(new URL(sitemap ?? '').pathname)).status()).toBe(200);
  });
});
