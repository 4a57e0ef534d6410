import { expect, test } from '@playwright/test';
import { checkHsdsServicePage } from '../../src/lib/ingest/hsds-schema.ts';

/**
 * The Open Referral HSDS downloads of the built site: the JSON API page validates against the
 * official HSDS 3.0 schema, the API root names the version, and every table the data package
 * lists is there with the specification's columns. The data page lists and explains them.
 */
test('HSDS downloads: the API page validates, the package has every table', async ({ request }) => {
  const page = await (await request.get('/data/services.hsds.json')).json();
  expect(page.total_items).toBe(page.contents.length);
  expect(page).toMatchObject({ total_pages: 1, page_number: 1, first_page: true, last_page: true, empty: false });
  expect(checkHsdsServicePage(page).slice(0, 5)).toEqual([]);

  const root = await (await request.get('/data/hsds.json')).json();
  expect(root).toMatchObject({ version: '3.0', profile: expect.stringMatching(/^https:\/\//) });

  const pkg = await (await request.get('/data/hsds/datapackage.json')).json();
  expect(pkg.profile).toBe('tabular-data-package');
  for (const resource of pkg.resources as { path: string; schema: { fields: { name: string }[] } }[]) {
    const response = await request.get(`/data/hsds/${resource.path}`);
    expect(response.status(), resource.path).toBe(200);
    const header = (await response.text()).split('\r\n')[0];
    expect(header, resource.path).toBe(resource.schema.fields.map((f) => f.name).join(','));
  }
  const services = (await (await request.get('/data/hsds/services.csv')).text()).trim().split('\r\n');
  expect(services.length - 1).toBe(page.total_items);
});

test('the data page lists both HSDS downloads and explains them', async ({ page }) => {
  await page.goto('/en/data/');
  await expect(page.getByRole('link', { name: 'Services (Open Referral HSDS 3.0)' })).toHaveAttribute(
    'href',
    '/data/services.hsds.json',
  );
  await expect(page.getByRole('link', { name: 'Services (Open Referral HSDS 3.0, CSV tables)' })).toHaveAttribute(
    'href',
    '/data/hsds/datapackage.json',
  );
  await expect(page.getByRole('heading', { name: 'Services in the Open Referral format (HSDS 3.0)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Which HSDS version and profile the files follow' })).toHaveAttribute(
    'href',
    '/data/hsds.json',
  );
});
