import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { zonedTimeToUtc } from '../../src/lib/content/time.ts';
import { areaSheetPath, areaSlug } from '../../src/lib/slug.ts';

/** The data the site was built from (written by `npm run data`). */
const areas = JSON.parse(readFileSync(new URL('../../src/generated/areas.json', import.meta.url), 'utf8')) as {
  id: string;
  name: string;
  indicators: Record<string, number | null>;
}[];
const TZ = 'America/Toronto';
const en = (n: number) => new Intl.NumberFormat('en-CA').format(n);

test.describe('fact sheets', () => {
  test('a city fact sheet shows the numbers of the data, with chart, table and sources', async ({ page }) => {
    await page.goto('/en/fact-sheets/newcomers-at-a-glance/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Newcomers at a glance');
    const immigrants = areas.reduce((n, a) => n + (a.indicators['immigrants'] ?? 0), 0);
    const figure = page.locator('li[data-indicator="immigrants"]');
    await expect(figure).toHaveAttribute('data-value', String(immigrants));
    await expect(figure.locator('.value')).toHaveText(en(immigrants));
    const chart = page.getByRole('img', { name: /Newcomers as a share of residents/ });
    await expect(chart).toBeVisible();
    await page.getByText('Show the data table').first().click();
    await expect(page.getByRole('table').first()).toBeVisible();
    await expect(page.locator('.sources').first()).toContainText(/Sources?:\s+Statistics Canada[\s\S]*2021/);
  });

  test('a neighbourhood fact sheet shows its own census numbers, and unknown as not available', async ({ page }) => {
    const area = areas.find((a) => a.id === '1') ?? areas[0];
    if (!area) throw new Error('no areas');
    await page.goto(`/en/${areaSheetPath(area)}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(area.name);
    for (const id of ['population', 'immigrants', 'recentImmigrants']) {
      const value = area.indicators[id];
      await expect(page.locator(`li[data-indicator="${id}"] .value`)).toHaveText(
        value === null || value === undefined ? 'not available' : en(value),
      );
    }
    const csv = await (await page.request.get(`/en/fact-sheets/neighbourhoods/${areaSlug(area)}.csv`)).text();
    expect(csv).toContain(`Immigrants,,${area.indicators['immigrants']},count`);
  });

  test('a neighbourhood fact sheet exists for every area at a readable address, in English and French', async ({
    request,
  }) => {
    expect(areas.length).toBe(158);
    for (const area of areas) {
      expect(areaSlug(area), area.name).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const locale of ['en', 'fr']) {
        const res = await request.get(`/${locale}/${areaSheetPath(area)}`);
        expect(res.status(), `${locale} ${area.id}`).toBe(200);
      }
    }
  });

  test('the old numeric address of a neighbourhood sheet redirects to its readable one', async ({ page, request }) => {
    const area = areas.find((a) => a.id === '83') ?? areas[0];
    if (!area) throw new Error('no areas');
    const html = await (await request.get(`/en/fact-sheets/neighbourhoods/${area.id}/`)).text();
    const target = `/en/${areaSheetPath(area)}`;
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${target}">`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${target}">`));
    expect(html).toContain(`<a href="${target}">`);
    await page.goto(`/en/fact-sheets/neighbourhoods/${area.id}/`);
    // The meta refresh navigates once the redirect page has loaded.
    await page.waitForURL(new RegExp(`${target}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(area.name);
    // Redirect pages are not in the sitemap.
    const index = await (await request.get('/sitemap-index.xml')).text();
    let sitemap = '';
    for (const m of index.matchAll(/<loc>([^<]+)<\/loc>/g))
      sitemap += await (await request.get(new URL(m[1] ?? '').pathname)).text();
    expect(sitemap).not.toContain(`/fact-sheets/neighbourhoods/${area.id}/<`);
    expect(sitemap).toContain(`${target}<`);
  });

  test('the fact sheet index links every neighbourhood', async ({ page }) => {
    await page.goto('/fr/fact-sheets/');
    await expect(page.locator('a[href^="/fr/fact-sheets/neighbourhoods/"]')).toHaveCount(areas.length);
  });
});

test('a resident without a photo gets a decorative drawing, not a letter avatar', async ({ page }) => {
  await page.goto('/en/stories/amira/');
  const drawings = page.locator('svg.portrait');
  expect(await drawings.count()).toBeGreaterThan(0);
  for (const d of await drawings.all()) {
    await expect(d).toHaveAttribute('aria-hidden', 'true');
    await expect(d.locator('text')).toHaveCount(0);
  }
});

test.describe('e-updates', () => {
  test('the sample e-update links only to categories that have services, and claims the real languages', async ({
    page,
  }) => {
    const services = JSON.parse(
      readFileSync(new URL('../../src/generated/services.json', import.meta.url), 'utf8'),
    ) as { categories: string[] }[];
    const withServices = new Set(services.flatMap((s) => s.categories));
    await page.goto('/en/e-updates/2025-05-june/');
    const links = await page
      .locator('.related a[href*="?category="]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('category')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((c) => !withServices.has(c ?? ''))).toEqual([]);
    await expect(page.getByText('in ten languages')).toBeVisible();
    await expect(page.getByText('Sample content', { exact: false }).first()).toBeVisible();
  });

  test('the email edition has no script and no relative URL', async ({ request }) => {
    for (const locale of ['en', 'fr']) {
      const res = await request.get(`/${locale}/e-updates/2025-05-june/email.html`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html).not.toMatch(/<script/i);
      const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url, url).toMatch(/^(https?:|mailto:)/);
    }
  });

  test('an edition has its fixed sections, the sample label and the subscribe notice', async ({ page }) => {
    await page.goto('/en/e-updates/2025-05-june/');
    await expect(page.getByRole('heading', { name: 'News from the partnership' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Building Community Capacity' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Refugee arrivals' })).toBeVisible();
    await expect(page.getByText('Sample content.', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/Online sign-up is not set up/)).toBeVisible();
  });

  test('RSS and Atom feeds are served per locale', async ({ request }) => {
    const rss = await (await request.get('/fr/e-updates/rss.xml')).text();
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain('Mai–juin 2025');
    const atom = await (await request.get('/en/e-updates/atom.xml')).text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });
});

test.describe('stories', () => {
  test('a poster prints on one page', async ({ page }) => {
    await page.goto('/en/stories/poster/caring-for-others/');
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'Letter', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    const a4 = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(a4.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  });

  test('pairs are shown side by side and link to the stories', async ({ page }) => {
    await page.goto('/en/stories/');
    const pair = page.getByRole('region', { name: 'Both care for people for a living.' });
    await expect(pair.getByRole('link', { name: 'Amira' })).toBeVisible();
    await expect(pair.getByRole('link', { name: 'Gordon' })).toBeVisible();
    await pair.getByRole('link', { name: 'Amira' }).click();
    await expect(page.getByRole('link', { name: 'Albion' })).toHaveAttribute('href', '/en/services/albion-tpl-ab/');
  });
});

test.describe('events', () => {
  test('upcoming and past lists are correct for the build date', async ({ page }) => {
    await page.goto('/en/events/');
    const built = new Date((await page.locator('[data-build-date]').getAttribute('data-build-date')) ?? '');
    expect(Number.isNaN(built.getTime())).toBe(false);
    const ends = async (list: string) =>
      (
        await page
          .locator(`[data-list="${list}"] article[data-end]`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-end') ?? ''))
      ).map((end) => zonedTimeToUtc(end, TZ).getTime());
    const upcoming = await ends('upcoming');
    const past = await ends('past');
    expect(upcoming.length + past.length).toBe(4);
    for (const end of upcoming) expect(end).toBeGreaterThan(built.getTime());
    for (const end of past) expect(end).toBeLessThanOrEqual(built.getTime());
  });

  test('an event links its place to the service page and offers an .ics file', async ({ page, request }) => {
    await page.goto('/en/events/newcomer-info-fair-2025/');
    await expect(page.getByRole('link', { name: 'Albion library branch' })).toHaveAttribute(
      'href',
      '/en/services/albion-tpl-ab/',
    );
    const ics = await (await request.get('/en/events/newcomer-info-fair-2025.ics')).text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20250614T140000Z');
    const feed = await (await request.get('/fr/events/calendar.ics')).text();
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  });
});

test.describe('resources', () => {
  test('filters work without JavaScript (a page per filter)', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/resources/');
    await page.getByRole('navigation', { name: 'Filters' }).getByRole('link', { name: 'Toolkit' }).click();
    await expect(page).toHaveURL(/\/en\/resources\/type\/toolkit\/$/);
    await expect(page.getByRole('heading', { level: 2, name: '1 document' })).toBeVisible();
    // Without the script the disabled selects are not shown next to the links.
    await page.goto('/en/resources/');
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await context.close();
  });

  test('filters work instantly with JavaScript', async ({ page }) => {
    await page.goto('/en/resources/');
    const select = page.getByRole('combobox', { name: 'Year' });
    await expect(select).toBeEnabled();
    await select.selectOption('2024');
    await expect(page.locator('[data-list] > li:visible')).toHaveCount(2);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^2 \/ \d+$/);
    // One set of filters at a time: with the script, the links give way to the selects.
    await expect(page.getByRole('navigation', { name: 'Filters' })).toBeHidden();
    await expect(page.getByRole('group', { name: 'Filter' })).toBeVisible();
  });
});

test.describe('dashboard', () => {
  test('shows census indicators with change over time from the city totals', async ({ page }) => {
    await page.goto('/en/dashboard/');
    const card = page.locator('[data-indicator="recentImmigrants"]');
    await expect(card.getByText('198,030')).toBeVisible();
    await expect(card.getByText(/Change from 2016 to 2021: \+10,080/)).toBeVisible();
    await expect(page.getByRole('img', { name: /Then and now/ })).toBeVisible();
    const csv = await (await page.request.get('/en/dashboard/indicators.csv')).text();
    expect(csv).toMatch(/\r\nrecentImmigrants,[^,]+,demographics,2021,198030,7\.17,comparable,/);
  });

  test('a service rate too small for one decimal reads "fewer than 0.1", never 0.0', async ({ page }) => {
    await page.goto('/en/dashboard/');
    // Ten housing locations for about 2.8 million residents: 0.04 per 10,000.
    const housing = page.locator('.service-theme[data-theme="housing"]');
    await expect(housing).toContainText('Fewer than 0.1 per 10,000 residents.');
    expect((await page.locator('.service-theme').allInnerTexts()).join('\n')).not.toContain('0.0 per 10,000');
    await expect(page.locator('.service-theme[data-theme="health"]')).toContainText(/\d\.\d per 10,000 residents\./);
    await page.goto('/ar/dashboard/');
    await expect(page.locator('.service-theme[data-theme="housing"]')).toContainText(
      'أقل من 0.1 لكل 10,000 من السكان.',
    );
  });
});

test.describe('search metadata', () => {
  test('content pages carry JSON-LD, Open Graph tags and a Pagefind type filter', async ({ page }) => {
    await page.goto('/en/events/employer-breakfast-2027/');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toBe('2027-02-18T13:00:00.000Z');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      'Employer breakfast – hiring newcomers',
    );
    await expect(page.locator('[data-pagefind-filter^="type:"]')).toHaveAttribute('data-pagefind-filter', 'type:Event');
  });
});

test.describe('accessibility', () => {
  const pages = [
    '/en/fact-sheets/',
    '/en/fact-sheets/languages/',
    '/fr/fact-sheets/neighbourhoods/mount-olive-silverstone-jamestown/',
    '/en/e-updates/',
    '/fr/e-updates/2025-03-april/',
    '/en/stories/',
    '/en/stories/amira/',
    '/en/stories/poster/growing-things/',
    '/fr/stories/booklet/',
    '/en/news/',
    '/fr/news/neighbourhood-fact-sheets/',
    '/en/events/',
    '/fr/events/employer-breakfast-2027/',
    '/en/resources/',
    '/fr/resources/topic/health/',
    '/en/about/',
    '/fr/dashboard/',
  ];
  for (const path of pages) {
    test(`axe finds no WCAG A/AA violations on ${path}`, async ({ page }) => {
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
