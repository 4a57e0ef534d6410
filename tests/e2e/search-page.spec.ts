/**
 * The site search offers only what it can find, and its result excerpts are the page's own
 * text: controls and "not known" placeholders are left out of the Pagefind index.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const services = JSON.parse(readFileSync(new URL('../../src/generated/services.json', import.meta.url), 'utf8')) as {
  slug: string;
  description?: string;
  categories: string[];
}[];
const en = JSON.parse(readFileSync(new URL('../../src/i18n/strings/en.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

test('the category filter offers only categories that have services', async ({ page }) => {
  await page.goto('/en/search/');
  const offered = (await page.getByLabel('Category').locator('option').allTextContents()).slice(1);
  const withServices = new Set(services.flatMap((s) => s.categories).map((c) => en[`category.${c}`]));
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.filter((label) => !withServices.has(label))).toEqual([]);
  expect(offered).toHaveLength(withServices.size);
});

test('page controls and "not known" texts are left out of search excerpts', async ({ page }) => {
  const plain = services.find((s) => !s.description);
  if (!plain) throw new Error('no service without a description');
  await page.goto(`/en/services/${plain.slug}/`);
  for (const text of [en['service.backToFinder'], en['service.shortlistAdd'], en['service.descriptionUnknown']]) {
    const outside = await page.evaluate((needle) => {
      const main = document.querySelector('[data-pagefind-body]');
      const walker = document.createTreeWalker(main ?? document.body, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent?.includes(needle ?? '') && !n.parentElement?.closest('[data-pagefind-ignore]')) count += 1;
      }
      return count;
    }, text);
    expect(outside, `"${text}" is indexed`).toBe(0);
  }
});
