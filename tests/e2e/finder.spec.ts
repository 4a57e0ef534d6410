import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { phonePage } from './lib/phone.ts';

const results = (page: Page) => page.locator('service-finder .results > li');
const count = async (page: Page) =>
  Number((await page.locator('.results-heading').textContent())?.replace(/[^\d]/g, ''));

test.describe('service finder', () => {
  test('a French reader finds settlement services near a Toronto postal code and opens one', async ({ page }) => {
    await page.goto('/fr/services/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
    await page.getByRole('checkbox', { name: /Aide à l’établissement/ }).check();
    await page.getByRole('textbox', { name: 'Code postal' }).fill('M5V 3L9');
    await page.getByRole('button', { name: 'Afficher les services' }).click();
    await expect(page).toHaveURL(/category=settlement/);
    await expect(page).toHaveURL(/near=M5V\+3L9/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Les plus proches d’abord, à partir de M5V 3L9' }),
    ).toBeVisible();
    const first = results(page).first();
    // French distance formatting: a comma as decimal separator and a non-breaking space before km/m.
    await expect(first).toContainText(/à \d+(,\d)?\s(km|m)/);
    const distances = await results(page).evaluateAll((items) =>
      items.slice(0, 10).map((li) => {
        const text = li.querySelector('strong')?.textContent ?? '';
        const value = Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
        return text.includes('km') ? value * 1000 : value;
      }),
    );
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const name = await first.getByRole('heading').textContent();
    await first.getByRole('heading').getByRole('link').click();
    await expect(page).toHaveURL(/\/fr\/services\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');
  });

  test('typing narrows instantly, case- and accent-insensitively', async ({ page }) => {
    await page.goto('/en/services/');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    const all = await count(page);
    await page.getByRole('searchbox', { name: 'What do you need?' }).fill('LIBRARY');
    await expect.poll(() => count(page)).toBeLessThan(all);
    const libraries = await count(page);
    expect(libraries).toBeGreaterThanOrEqual(100);
    await page.getByRole('searchbox', { name: 'What do you need?' }).fill('doctor');
    await expect(results(page).first().getByRole('listitem').filter({ hasText: 'Health care' }).first()).toBeVisible();
    await page.getByRole('searchbox', { name: 'What do you need?' }).fill('ecole');
    await expect.poll(() => count(page)).toBeGreaterThan(0);
    await expect(results(page).first()).toContainText(/[ÉE]COLE/i);
  });

  test('filtering by a language of service narrows the list to services that offer it', async ({ page }) => {
    await page.goto('/en/services/');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    const all = await count(page);
    await page.getByText('More filters').click();
    await page.getByRole('combobox', { name: 'Language of service' }).selectOption({ label: 'French' });
    await expect(page).toHaveURL(/language=fr/);
    await expect.poll(() => count(page)).toBeLessThan(all);
    expect(await count(page)).toBeGreaterThan(0);
    await expect(page.getByText(/Known for \d+ of [\d,]+ services/).first()).toBeVisible();
  });

  test('a shared URL restores the same results, and the back button works', async ({ page }) => {
    await page.goto('/en/services/?q=health&category=health&near=M1K');
    await expect(page.getByRole('searchbox', { name: 'What do you need?' })).toHaveValue('health');
    await expect(page.getByRole('checkbox', { name: /Health care/ })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Postal code' })).toHaveValue('M1K');
    const restored = await results(page).evaluateAll((items) =>
      items.slice(0, 5).map((li) => li.querySelector('h3')?.textContent),
    );
    expect(restored.length).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Libraries/ }).check();
    await expect(page).toHaveURL(/category=library/);
    await page.goBack();
    await expect(page).not.toHaveURL(/category=library/);
    await expect(page.getByRole('checkbox', { name: /Libraries/ })).not.toBeChecked();
    const again = await results(page).evaluateAll((items) =>
      items.slice(0, 5).map((li) => li.querySelector('h3')?.textContent),
    );
    expect(again).toEqual(restored);
  });

  test('an unknown postal code and a denied location say what to do instead', async ({ page, context }) => {
    await page.goto('/en/services/?near=X0A');
    await expect(page.getByText(/We do not know where X0A is/)).toBeVisible();
    await page.goto('/en/services/?near=12345');
    await expect(page.getByText('“12345” is not a Canadian postal code. It looks like A1A 1A1.')).toBeVisible();
    await context.clearPermissions();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page.getByText(/did not share your location|could not be found/)).toBeVisible();
  });

  test('near me uses the browser location without sending it anywhere', async ({ browser }) => {
    const context = await browser.newContext({
      geolocation: { latitude: 43.6532, longitude: -79.3832 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/en/services/');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page).toHaveURL(/near=43\.653%2C-79\.383/);
    await expect(page.getByRole('status').filter({ hasText: 'Nearest first, from your location' })).toBeVisible();
    // The position only changes the page's own URL (history.pushState): no request carries it.
    expect(requests.filter((u) => u.includes('43.65'))).toEqual([]);
    for (const url of requests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    await context.close();
  });

  test('choosing a neighbourhood sorts by distance from it', async ({ page }) => {
    await page.goto('/en/services/');
    await page.getByRole('combobox', { name: 'Or choose a neighbourhood' }).selectOption({ label: 'Agincourt North' });
    await expect(page.getByRole('status').filter({ hasText: 'Nearest first, from Agincourt North' })).toBeVisible();
  });

  test('a keyboard-only user searches, reaches a result and saves it', async ({ page }) => {
    await page.goto('/en/services/');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    await page.getByRole('searchbox', { name: 'What do you need?' }).focus();
    await page.keyboard.type('Albion');
    await page.keyboard.press('Enter');
    await expect(page.locator('.results-heading')).toBeFocused();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('href', /\/en\/services\/.*albion/);
    // Tab to the result's save button and press it.
    for (let i = 0; i < 6 && !(await focused.evaluate((el) => el.classList.contains('save'))); i += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('link', { name: 'My list (1)' })).toBeVisible();
  });

  test('the shortlist prints as one clean page and can be shared as a link', async ({ page }) => {
    await page.goto('/en/services/?q=library');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    const saves = page.getByRole('button', { name: /^Save .* to my list$/ });
    await saves.nth(0).click();
    await saves.nth(1).click();
    await page.getByRole('link', { name: 'My list (2)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My list');
    await expect(page.locator('service-shortlist li')).toHaveCount(2);
    const link = await page.getByRole('textbox', { name: 'Link to this list' }).inputValue();
    expect(link).toMatch(/\/en\/services\/shortlist\/\?s=[a-z0-9-]+,[a-z0-9-]+$/);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print this list' })).toBeHidden();
    const pdf = await page.pdf({ format: 'Letter' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    // Someone opening the shared link sees the same two services.
    const other = await page.context().browser()!.newContext();
    const shared = await other.newPage();
    await shared.goto(link);
    await expect(shared.locator('service-shortlist li')).toHaveCount(2);
    await expect(shared.getByText('This list was shared with you.')).toBeVisible();
    await other.close();
    // Its strings come through the typed message spec: labels, the remove button, the empty list.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('service-shortlist li').first()).toContainText('Address: ');
    const remove = page.getByRole('button', { name: /^Remove .+ from my list$/ });
    await expect(remove).toHaveCount(2);
    await remove.first().click();
    await remove.first().click();
    await expect(page.locator('service-shortlist .status')).toHaveText(/^Your list is empty\./);
  });

  test('the map draws the same services as the list and selecting a point highlights the list entry', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/services/?category=library');
    await expect(page.locator('.results-heading')).toHaveText('100 services found');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    await expect(page.locator('.map canvas')).toBeVisible();
    await expect(page.getByText('Legend')).toBeVisible();
    // Focusing a list entry selects it (and would move the map there on the map view).
    await results(page).first().getByRole('link').first().focus();
    await expect(results(page).first()).toHaveClass(/selected/);
  });

  test('on a phone the map page shows a picture first and loads the interactive map when asked', async ({
    browser,
  }) => {
    const { context, page, mapRequests } = await phonePage(browser);
    await page.goto('/en/map/?category=library');
    await expect(page.locator('.results-heading')).toHaveText('100 services found');
    const start = page.getByRole('button', { name: 'Show the interactive map' });
    await expect(start).toBeVisible();
    await expect(page.getByRole('img', { name: /^Map picture \(City of Toronto\)/ })).toBeVisible();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(mapRequests).toEqual([]);

    await start.press('Enter');
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    expect(mapRequests.length).toBeGreaterThan(0);
    await expect(start).toHaveCount(0);
    await expect(page.locator('.map canvas')).toBeFocused();

    // On the finder (list first), choosing the map view is the request: no picture in between.
    await page.goto('/en/services/?category=library');
    await expect(page.locator('.results-heading')).toHaveText('100 services found');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', '100', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Show the interactive map' })).toHaveCount(0);
    await context.close();
  });

  test('on a wide screen with Save-Data the map also waits to be asked', async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }),
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/map/?category=library');
    await expect(page.locator('.results-heading')).toHaveText('100 services found');
    await expect(page.getByRole('button', { name: 'Show the interactive map' })).toBeVisible();
    await expect(page.locator('.map canvas')).toHaveCount(0);
  });

  test('without JavaScript every service is reachable by category, page by page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/services/');
    await expect(page.getByText('Search and filters need JavaScript.')).toBeVisible();
    // The no-script notice links to the need “Libraries” too; this is the category list.
    await page
      .getByRole('region', { name: 'Browse by category' })
      .getByRole('link', { name: 'Libraries', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Libraries: all services');
    await expect(page.locator('main ol > li')).toHaveCount(50);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.locator('main ol > li')).toHaveCount(50);
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
    await page.locator('main ol > li a').first().click();
    await expect(page).toHaveURL(/\/en\/services\/[a-z0-9-]+\/$/);
    await context.close();
  });

  test('axe finds no WCAG 2.2 AA violation on the finder with results', async ({ page }) => {
    await page.goto('/en/services/?q=clinic');
    await expect(page.locator('.results-heading')).toHaveText(/services found/);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
