/**
 * The Toronto demo's place facts reach the pages from its config, not from the UI strings: the
 * region's "in" form per language (`regionIn`), the finder's example postal code
 * (`postalCodeExample`) and the neighbourhood classification labels (`areas.classificationLabels`).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { areaSheetPath } from '../../src/lib/slug.ts';

const areas = JSON.parse(readFileSync(new URL('../../src/generated/areas.json', import.meta.url), 'utf8')) as {
  id: string;
  name: string;
  classification?: string;
}[];

test('sentences name the region in each language’s own "in" form', async ({ page }) => {
  for (const [locale, text] of [
    ['en', 'help newcomers settle in the City of Toronto.'],
    ['fr', 'à s’établir dans la Ville de Toronto.'],
    ['es', 'a establecerse en la Ciudad de Toronto.'],
    ['ta', 'டொராண்டோ நகரத்தில் புதிதாக வந்தவர்கள் குடியமர'],
    ['ar', 'على الاستقرار في مدينة تورنتو.'],
  ] as const) {
    await page.goto(`/${locale}/`);
    await expect(page.locator('main .lead').first(), locale).toContainText(text);
  }
});

test('the postal-code hint gives the config’s example', async ({ page }) => {
  await page.goto('/fr/');
  await expect(page.locator('#home-near-hint')).toHaveText(
    'Par exemple M5V 3L9, ou seulement M5V. Il reste sur votre appareil.',
  );
});

test('a neighbourhood sheet is subtitled with the config’s classification label', async ({ page }) => {
  const nia = areas.find((a) => a.classification === 'NIA');
  expect(nia).toBeDefined();
  await page.goto(`/fr/${areaSheetPath(nia!)}`);
  await expect(page.getByText('Quartier d’amélioration', { exact: true })).toBeVisible();
});

test('the gaps map credits the sources the config names', async ({ page }) => {
  await page.goto('/fr/gaps/');
  const map = JSON.parse((await page.locator('gap-explorer').getAttribute('data-map')) ?? '{}') as {
    attribution?: string[];
  };
  expect(map.attribution).toEqual([
    'Limites : City of Toronto, Social Development, Finance & Administration',
    'Recensement : Statistics Canada, 2021 Census of Population; City of Toronto Neighbourhood Profiles',
  ]);
});
