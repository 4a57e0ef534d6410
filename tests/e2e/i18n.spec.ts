import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The ten published locales: route code, `lang`, `dir`. */
const LOCALES = [
  ['en', 'en-CA', 'ltr'],
  ['fr', 'fr-CA', 'ltr'],
  ['zh-Hans', 'zh-Hans', 'ltr'],
  ['zh-Hant', 'zh-Hant', 'ltr'],
  ['es', 'es', 'ltr'],
  ['pt', 'pt', 'ltr'],
  ['tl', 'tl', 'ltr'],
  ['ta', 'ta', 'ltr'],
  ['fa', 'fa', 'rtl'],
  ['ar', 'ar', 'rtl'],
] as const;

test.describe('every locale', () => {
  for (const [code, lang, dir] of LOCALES) {
    test(`${code} home page has lang="${lang}" dir="${dir}" and no WCAG 2.2 AA violation`, async ({ page }) => {
      await page.goto(`/${code}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('search').first()).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});

test.describe('language switcher', () => {
  test('moves between the same page in two locales by native name, with the keyboard', async ({ page }) => {
    await page.goto('/en/how-to-use/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to use this site');
    const switcher = page.locator('.lang-switcher summary');
    await switcher.focus();
    await page.keyboard.press('Enter');
    const arabic = page.locator('.lang-switcher').getByRole('link', { name: 'العربية', exact: true });
    await expect(arabic).toHaveAttribute('hreflang', 'ar');
    await arabic.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ar\/how-to-use\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('كيف تستخدم هذا الموقع');
    await page.locator('.lang-switcher summary').click();
    await page.locator('.lang-switcher').getByRole('link', { name: '简体中文', exact: true }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/how-to-use\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  });

  test('says which languages a page is not translated into', async ({ page }) => {
    await page.goto('/en/help-translate/');
    await page.locator('.lang-switcher summary').click();
    const tamil = page.locator('.lang-switcher').getByRole('link', { name: /^தமிழ் \(not translated yet\)$/ });
    await expect(tamil).toHaveAttribute('href', '/ta/help-translate/');
    await expect(page.locator('.lang-switcher').getByRole('link', { name: 'Français', exact: true })).toBeVisible();
  });
});

test.describe('right to left', () => {
  test('an Arabic page lays out its navigation from the right', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/ar/');
    const links = page.getByRole('navigation').first().getByRole('link');
    const first = await links.nth(0).boundingBox();
    const second = await links.nth(1).boundingBox();
    const nav = await page.getByRole('navigation').first().boundingBox();
    expect(first && second && nav).toBeTruthy();
    // The first link is at the right edge and the second to its left.
    expect(first!.x).toBeGreaterThan(second!.x);
    expect(nav!.x + nav!.width - (first!.x + first!.width)).toBeLessThan(nav!.width / 4);
    // The brand sits on the right, the tools on the left.
    const brand = await page.locator('.brand').boundingBox();
    const tools = await page.locator('.tools').boundingBox();
    expect(brand!.x).toBeGreaterThan(tools!.x);
  });
});

test.describe('untranslated pages', () => {
  test('are served in the locale route with a notice and the original language marked', async ({ page }) => {
    await page.goto('/ta/help-translate/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ta');
    const notice = page.locator('.not-translated');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('இன்னும்');
    await expect(notice.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/help-translate/');
    await expect(notice.getByRole('link', { name: 'Français' })).toHaveAttribute('href', '/fr/help-translate/');
    const content = page.locator('.fallback-content');
    await expect(content).toHaveAttribute('lang', 'en-CA');
    await expect(content.getByRole('heading', { level: 1 })).toHaveText('Help translate this site');
    // Kept out of search engines, pointed at the original, no false hreflang.
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/en\/help-translate\/$/);
    await expect(page.locator('link[rel=alternate][hreflang]')).toHaveCount(0);
  });

  test('a translated page has hreflang alternates for every language and x-default', async ({ page }) => {
    await page.goto('/fa/how-to-use/');
    const hreflangs = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
    expect(hreflangs).toEqual([...LOCALES.map(([, lang]) => lang), 'x-default']);
    await expect(page.locator('.not-translated')).toHaveCount(0);
    await expect(page.getByText('Draft', { exact: false }).or(page.locator('.draft-note'))).toBeVisible();
  });
});

test.describe('translation status', () => {
  test('lists every language with its share of strings and pages', async ({ page }) => {
    await page.goto('/en/translation-status/');
    const rows = page.getByRole('table').first().locator('tbody tr');
    await expect(rows).toHaveCount(10);
    await expect(rows.first().locator('td').first()).toHaveText('100%');
    await expect(page.getByRole('rowheader', { name: 'العربية' })).toBeVisible();
    await expect(page.locator('tr[data-locale=ar] td').nth(2)).toHaveText('Draft, needs community review');
  });
});

test.describe('search in each language', () => {
  const hrefs = (page: import('@playwright/test').Page) =>
    page.locator('site-search ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

  for (const [code, query] of [
    ['fr', 'accessibilité'],
    ['fr', 'accessibilite'],
    ['zh-Hans', '隐私'],
    ['zh-Hant', '私隱'],
    ['ar', 'الخصوصية'],
    ['fa', 'دسترس‌پذیری'],
    ['ta', 'தனியுரிமை'],
    ['es', 'ubicación'],
    ['es', 'ubicacion'],
  ] as const) {
    test(`${code}: “${query}” finds pages in ${code}`, async ({ page }) => {
      await page.goto(`/${code}/search/?q=${encodeURIComponent(query)}`);
      await expect(page.locator('site-search ol a').first()).toBeVisible();
      const found = await hrefs(page);
      for (const href of found) expect(href).toMatch(new RegExp(`^/${code}/`));
    });
  }

  test('results can be filtered by content type', async ({ page }) => {
    await page.goto(`/en/search/?q=${encodeURIComponent('library')}&type=Service`);
    await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('Service');
    await expect(page.locator('site-search ol a').first()).toBeVisible();
    const found = await hrefs(page);
    for (const href of found) expect(href).toMatch(/^\/en\/services\//);
  });
});
