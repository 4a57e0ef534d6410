import { expect, test } from '@playwright/test';
import { phonePage } from './lib/phone.ts';

/** Phone-first layout (issue 13, item 6): a 390 px screen. */
test.describe('on a phone', () => {
  test('the navigation folds behind “Menu”, without JavaScript too', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Fact sheets' })).toBeHidden();
    await nav.getByText('Menu').click();
    await expect(nav.getByRole('link', { name: 'Fact sheets' })).toBeVisible();
    await context.close();
  });

  test('the home page offers a postal-code box that opens the finder nearest first', async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    await page.goto('/en/');
    await page.getByRole('textbox', { name: 'Your postal code' }).fill('M5V 3L9');
    await page.getByRole('searchbox', { name: 'What do you need?' }).fill('doctor');
    await page.getByRole('search', { name: 'Find services' }).getByRole('button', { name: 'Find services' }).click();
    await expect(page).toHaveURL(/\/en\/services\/\?q=doctor&near=M5V\+3L9/);
    await expect(page.getByRole('status').filter({ hasText: 'Nearest first, from M5V 3L9' })).toBeVisible();
    // The results start within the first two screens.
    const top = await page
      .locator('.results-heading')
      .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(2 * 844);
    await context.close();
  });

  test('top needs are one tap, and category rows are links', async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    await page.goto('/fr/');
    await page.getByRole('link', { name: 'Médecin de famille ou clinique sans rendez-vous' }).click();
    await expect(page).toHaveURL(/\/fr\/services\/need\/doctor\/$/);
    await expect(page.locator('.need-note')).toBeVisible();
    await page.goto('/en/');
    await page.getByRole('table').getByRole('link', { name: 'Libraries' }).click();
    await expect(page).toHaveURL(/\/en\/services\/category\/library\/$/);
    await context.close();
  });
});

test('on a wide screen the navigation links show without opening the menu', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/en/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Fact sheets' })).toBeVisible();
  await expect(nav.getByText('Menu')).toBeHidden();
});
