import { expect, test, type Page } from '@playwright/test';

/** The finder understands needs in the reader's words and language (issue 13, item 1). */
const results = (page: Page) => page.locator('service-finder .results > li');

async function search(page: Page, locale: string, q: string) {
  await page.goto(`/${locale}/services/?${new URLSearchParams({ q })}`);
  await expect(page.locator('.results-heading')).not.toBeEmpty();
}

/** The sub-type chips of the first `n` results. */
const subtypes = (page: Page, n: number) => results(page).evaluateAll((items, max) => items.slice(0, max).map((li) => li.querySelector('.subtype')?.textContent ?? ''), n);

test.describe('searching by need', () => {
  const doctor: [string, string, RegExp][] = [
    ['en', 'doctor', /Walk-in clinic|Family health team|Community health centre|Nurse practitioner clinic/],
    ['en', 'walk-in clinic', /Walk-in clinic|Family health team|Community health centre|Nurse practitioner clinic/],
    ['fr', 'médecin', /Clinique sans rendez-vous|Équipe de santé familiale|Centre de santé communautaire|infirmier praticien/],
    ['ar', 'طبيب', /عيادة بدون موعد|فريق صحة الأسرة|مركز صحي مجتمعي|عيادة ممرض ممارس/],
    ['zh-Hans', '医生', /免预约诊所|家庭健康团队|社区健康中心|执业护士诊所/],
  ];
  for (const [locale, q, kind] of doctor) {
    test(`${locale} “${q}”: family doctors and walk-in clinics first, with their sub-type`, async ({ page }) => {
      await search(page, locale, q);
      const first = await subtypes(page, 20);
      expect(first).toHaveLength(20);
      for (const label of first) expect(label).toMatch(kind);
      await expect(page.locator('.need-note')).toBeVisible();
    });
  }

  const english: [string, string, RegExp][] = [
    ['en', 'english class', /LINC or ESL classes/],
    ['en', 'LINC', /LINC or ESL classes/],
    ['en', 'free english', /LINC or ESL classes/],
    ['fr', 'cours d’anglais', /CLIC\/LINC/],
    ['ar', 'دروس الإنجليزية', /دروس LINC أو ESL/],
    ['zh-Hans', '英语课', /LINC或ESL英语课/],
    ['zh-Hant', '英語課', /LINC或ESL英語課/],
  ];
  for (const [locale, q, kind] of english) {
    test(`${locale} “${q}”: LINC and ESL classes, not library literacy branches`, async ({ page }) => {
      await search(page, locale, q);
      const first = await subtypes(page, 30);
      expect(first).toHaveLength(30);
      for (const label of first) expect(label).toMatch(kind);
    });
  }

  test('“food bank”: nothing listed, so the page says so and points to 2-1-1', async ({ page }) => {
    await search(page, 'en', 'food bank');
    const help = page.locator('.referrals');
    await expect(help).toContainText('No service for “Food” is listed on this site');
    await expect(help.getByRole('link', { name: '2-1-1' })).toHaveAttribute('href', 'tel:211');
    await expect(page.locator('.need-note')).toBeHidden();
  });

  test('a French reader searching « banque alimentaire » gets the same help in French', async ({ page }) => {
    await search(page, 'fr', 'banque alimentaire');
    await expect(page.locator('.referrals')).toContainText('Aucun service pour « Alimentation » ne figure sur ce site');
    await expect(page.locator('.referrals').getByRole('link', { name: '2-1-1' })).toBeVisible();
  });

  test('“lawyer” and “SIN card” land on legal clinics and settlement services', async ({ page }) => {
    await search(page, 'en', 'lawyer');
    for (const label of await subtypes(page, 3)) expect(label).toMatch(/Legal clinic/);
    await search(page, 'en', 'SIN card');
    await expect(results(page).first().getByRole('listitem').filter({ hasText: 'Settlement help' })).toBeVisible();
  });

  test('a search that finds nothing is never a silent zero', async ({ page }) => {
    await search(page, 'en', 'zzqx nothing here');
    await expect(page.locator('.results-heading')).toHaveText('0 services found');
    await expect(page.locator('.referrals')).toContainText('Nothing found on this site. These services can help:');
    await expect(page.locator('.referrals').getByRole('link', { name: '9-1-1' })).toBeVisible();
  });
});
