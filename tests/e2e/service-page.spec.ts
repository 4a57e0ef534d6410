import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Services are picked from the generated data, so the tests follow the data, not fixed slugs. */
interface ServiceRecord {
  id: string;
  slug: string;
  name: string;
  categories: string[];
  capacity?: number;
  phones?: { number: string }[];
  languages?: string[];
  locations: { address: { line1: string } }[];
}
const services = JSON.parse(readFileSync('src/generated/services.json', 'utf8')) as ServiceRecord[];
const pick = (ok: (s: ServiceRecord) => boolean, what: string) => {
  const found = services.find(ok);
  if (!found) throw new Error(`no ${what} in src/generated/services.json`);
  return found;
};
const library = pick((s) => s.categories.includes('library') && (s.phones?.length ?? 0) > 0, 'library with a phone');
const childCare = pick(
  (s) => s.categories.includes('child_family') && s.capacity !== undefined && (s.phones?.length ?? 0) > 0,
  'child-care centre with capacity and a phone',
);
const noLanguages = pick((s) => s.languages === undefined, 'service without languages');
/** A 2018 settlement listing: no phone, old data. */
const settlement = pick(
  (s) => s.id.startsWith('sett-') && !s.phones && !s.name.includes(','),
  'settlement record without a phone or organisation',
);

const url = (locale: string, s: ServiceRecord) => `/${locale}/services/${s.slug}/`;

async function jsonLd(page: Page): Promise<Record<string, unknown>> {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  return JSON.parse(text ?? '') as Record<string, unknown>;
}

test.describe('service page', () => {
  test('English library page shows the facts, links and map', async ({ page }) => {
    await page.goto(url('en', library));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(library.name);
    const phone = page.getByRole('link', { name: library.phones?.[0]?.number ?? '' });
    await expect(phone).toHaveAttribute('href', /^tel:\+1-\d{3}-\d{3}-\d{4}/);
    await expect(page.getByRole('link', { name: 'Libraries', exact: true })).toHaveAttribute(
      'href',
      '/en/services/category/library/',
    );
    await expect(page.getByRole('link', { name: 'Back to the service finder' })).toHaveAttribute(
      'href',
      '/en/services/',
    );
    const map = page.getByRole('img', { name: /^Map of .+ showing the service at / });
    await expect(map).toBeVisible();
    await expect(map).toHaveAccessibleName(new RegExp(library.locations[0]?.address.line1.split(',')[0] ?? ''));
    await expect(page.getByRole('link', { name: 'Get directions (Google Maps)' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    await expect(page.getByRole('link', { name: 'Report a correction' })).toHaveAttribute('href', /service/);
    await expect(page.locator('p', { hasText: 'Service id:' })).toContainText(library.id);
    // Pagefind: the page is a service, filterable by category and neighbourhood.
    await expect(page.locator('article[data-pagefind-filter^="type:"]')).toHaveAttribute(
      'data-pagefind-filter',
      'type:Service',
    );
    await expect(page.locator('[data-pagefind-filter="category"]').first()).toHaveText('Libraries');
    await expect(page.locator('[data-pagefind-filter="neighbourhood"]')).toHaveCount(1);
  });

  test('the JSON-LD parses and names the service', async ({ page }) => {
    await page.goto(url('en', library));
    const data = await jsonLd(page);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Service');
    expect(data.name).toBe(library.name);
    expect(data.serviceType).toContain('Libraries');
    expect(data.availableChannel).toMatchObject({ '@type': 'ServiceChannel', serviceLocation: { '@type': 'Place' } });
  });

  test('a French child-care page has French labels and a tel: link', async ({ page }) => {
    await page.goto(url('fr', childCare));
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
    await expect(page.getByRole('heading', { level: 2, name: 'Adresse et coordonnées' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Heures d’ouverture' })).toBeVisible();
    await expect(page.getByText('Langues de service', { exact: true })).toBeVisible();
    await expect(page.getByText('Places autorisées : poupons')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour à la recherche de services' })).toHaveAttribute(
      'href',
      '/fr/services/',
    );
    await expect(page.getByRole('link', { name: 'Garde d’enfants et famille' })).toHaveAttribute(
      'href',
      '/fr/services/category/child_family/',
    );
    await expect(page.getByRole('link', { name: childCare.phones?.[0]?.number ?? '' })).toHaveAttribute(
      'href',
      /^tel:\+1-/,
    );
    expect((await jsonLd(page)).serviceType).toContain('Garde d’enfants et famille');
  });

  test('unknown languages and hours are said plainly', async ({ page }) => {
    await page.goto(url('en', noLanguages));
    const languages = page.locator('dt', { hasText: 'Languages of service' }).locator('xpath=following-sibling::dd[1]');
    await expect(languages).toHaveText('Not known — ask the service.');
    await expect(page.getByText('Opening hours: not known — call the service before you go.')).toBeVisible();
  });

  test('without JavaScript the page shows everything', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('en', childCare));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(childCare.name);
    for (const name of [
      'Location and contact',
      'Opening hours',
      'Who it is for, cost and languages',
      'More from the source',
      'Map',
      'Source and last check',
    ]) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: childCare.phones?.[0]?.number ?? '' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Map of / })).toBeVisible();
    await expect(page.getByText('Licensed spaces: infant')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Report a correction' })).toBeVisible();
    // The shortlist button waits for the shortlist script: hidden and disabled without it.
    await expect(
      page.locator(`shortlist-button[data-slug="${childCare.slug}"] button[data-shortlist-add]`),
    ).toBeDisabled();
    await context.close();
  });

  test('with JavaScript, “Save to my list” saves the service and the list link counts it', async ({ page }) => {
    await page.goto(url('en', childCare));
    const save = page.getByRole('button', { name: 'Save to my list' });
    await expect(save).toBeEnabled();
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await save.click();
    const saved = page.getByRole('button', { name: 'Saved to my list ✓' });
    await expect(saved).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('shortlist') ?? '[]'))).toEqual([childCare.slug]);
    await page.goto('/en/services/shortlist/');
    await expect(page.locator('service-shortlist li')).toHaveCount(1);
    await expect(page.locator('service-shortlist')).toContainText(childCare.name);
    // Pressed again on the service page, it removes the service.
    await page.goto(url('en', childCare));
    await page.getByRole('button', { name: 'Saved to my list ✓' }).click();
    await expect(page.getByRole('button', { name: 'Save to my list' })).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => localStorage.getItem('shortlist'))).toBe('[]');
  });

  test('old data is flagged at the top; a missing phone points to 2-1-1', async ({ page }) => {
    await page.goto(url('en', settlement));
    const stale = page.locator('.notice.stale');
    await expect(stale).toContainText(/more than \d+ years? old/);
    // The warning comes before the facts, right under the page heading.
    const [warningTop, contactTop] = await Promise.all([
      stale.evaluate((el) => el.getBoundingClientRect().top),
      page
        .getByRole('heading', { level: 2, name: 'Location and contact' })
        .evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(warningTop).toBeLessThan(contactTop);
    await expect(
      page.getByText('No phone number is listed. This line can help you reach the service or one like it:'),
    ).toBeVisible();
    await expect(page.locator('.referrals').getByRole('link', { name: '2-1-1' })).toHaveAttribute('href', 'tel:211');
  });

  test('the print layout hides navigation and buttons', async ({ page }) => {
    await page.goto(url('en', library));
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Back to the service finder' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Get directions (Google Maps)' })).toBeHidden();
    await expect(page.locator('shortlist-button')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Map of / })).toBeVisible();
    // Links print their address.
    const website = page
      .locator('a[href^="http"]')
      .filter({ hasText: /tpl\.ca/ })
      .first();
    const after = await website.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://');
  });

  for (const locale of ['en', 'fr']) {
    test(`has no detectable accessibility violation (${locale})`, async ({ page }) => {
      await page.goto(url(locale, locale === 'en' ? library : childCare));
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});
