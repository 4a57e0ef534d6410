/**
 * A new LIP's journey, as the README's adoption section tells it, with a real second city
 * (Vancouver, tests/fixtures/vancouver): from its raw files, `npm run new-lip` writes a config
 * and a rule table; the LIP makes the edits recorded in new-lip-edits.json (names, sources,
 * licences, three rules), runs the data step and builds. Nothing else changes: no code, no
 * other file. The built site has the city's pages and no text of the Toronto demo.
 * Runs in a scratch copy of the project, so this tree's src/generated and dist stay as they are.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { copyProject } from '../../scripts/lib/project-copy.ts';
import { applyEdits, readEdits } from './lib/recorded-edits.ts';

const FIXTURE = 'tests/fixtures/vancouver';
const CONFIG = `${FIXTURE}/site.config.ts`;

test.describe.configure({ mode: 'serial' });

test.describe('a new LIP: from its own files to a built site with new-lip', () => {
  test.setTimeout(600_000);
  const tmp = mkdtempSync(join(tmpdir(), 'nsm-adopt-'));
  const copy = join(tmp, 'project');
  const site = join(tmp, 'site');
  const node = process.execPath;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
    spawnSync(args[0] === 'npx' ? 'npx' : node, args[0] === 'npx' ? args.slice(1) : args, {
      cwd: copy,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  const show = (r: SpawnSyncReturns<string>) => `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`;
  let newLip: SpawnSyncReturns<string>;

  test.beforeAll(() => {
    copyProject(process.cwd(), copy);
    // The LIP starts from its raw files only.
    rmSync(join(copy, CONFIG));
    rmSync(join(copy, FIXTURE, 'rules.csv'));
  });
  test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('new-lip inspects the files, writes config and rules, runs the data step, says what next', () => {
    const edits = readEdits(join(FIXTURE, 'new-lip-edits.json'));
    newLip = run(['scripts/new-lip.ts', ...edits.command]);
    expect(newLip.status, show(newLip)).toBe(0);
    expect(newLip.stdout).toContain(
      'services: osm-amenities-vancouver.geojson — GEOJSON, utf-8, LF line ends, 290 records, 290 Point',
    );
    expect(newLip.stdout).toContain('tags["addr:street"]');
    expect(newLip.stdout).toContain('areas ↔ census: mapid = local_area_code, 22 of 22 areas have a row');
    expect(newLip.stdout).toContain('osm-amenities-vancouver.geojson: coordinates lon-lat');
    expect(newLip.stdout).toMatch(
      /What to do next:\n 1\. Replace the 11 TODOs in tests\/fixtures\/vancouver\/site\.config\.ts: name \(line \d+\)/,
    );
    expect(newLip.stdout).toMatch(
      /\n 2\. tests\/fixtures\/vancouver\/rules\.csv: no rule gives a category to amenity = social_facility \(9\)/,
    );
  });

  test('the recorded edits to config and rule table give the committed Vancouver fixture', () => {
    const edits = readEdits(join(FIXTURE, 'new-lip-edits.json'));
    for (const [file, list] of Object.entries(edits.files)) {
      const path = join(copy, FIXTURE, file);
      writeFileSync(path, applyEdits(readFileSync(path, 'utf8'), list, file));
      expect(readFileSync(path, 'utf8'), file).toBe(readFileSync(join(FIXTURE, file), 'utf8'));
    }
  });

  test('the data step and the build succeed, with the city’s pages', () => {
    const data = run(['scripts/build-data.ts'], { SITE_CONFIG: CONFIG });
    expect(data.status, show(data)).toBe(0);
    expect(data.stdout).toContain('→ 277 services in 22 areas');
    const build = run(['npx', 'astro', 'build', '--outDir', site], { SITE_CONFIG: CONFIG });
    expect(build.status, show(build)).toBe(0);
    const services = JSON.parse(readFileSync(join(copy, 'src/generated/services.json'), 'utf8')) as {
      slug: string;
      name: string;
      locations: { address: { line1?: string } }[];
    }[];
    const centre = services.find((s) => s.name === 'Korean Community Centre');
    for (const page of [
      'en/index.html',
      'fr/index.html',
      `en/services/${centre?.slug}/index.html`,
      'en/map/index.html',
      'en/fact-sheets/neighbourhoods/kensington-cedar-cottage/index.html',
      'fr/gaps/index.html',
      'en/data/quality/index.html',
    ]) {
      expect(existsSync(join(site, page)), page).toBe(true);
    }
    const servicePage = readFileSync(join(site, 'en', 'services', centre?.slug ?? '', 'index.html'), 'utf8');
    expect(servicePage).toContain('1320 East Hastings Street');
    expect(servicePage).toContain('604-255-3739');
    expect(servicePage).toContain('Grandview-Woodland');
    // The starter's neighbourhood fact sheet, copied by new-lip, shows the city's census figures.
    expect(
      readFileSync(join(site, 'en/fact-sheets/neighbourhoods/kensington-cedar-cottage/index.html'), 'utf8'),
    ).toContain('49,325');
    // OpenStreetMap records often have no street address: the page says so instead of leaving a gap.
    const noStreet = services.find((s) => s.locations[0] !== undefined && s.locations[0].address.line1 === undefined);
    expect(noStreet, 'a Vancouver record without a street address').toBeDefined();
    expect(readFileSync(join(site, 'en', 'services', noStreet?.slug ?? '', 'index.html'), 'utf8')).toContain(
      'Street address not given in the source data',
    );
    // Vancouver declares no city totals (census.cityTotals): the dashboard says change is not shown
    // and has no heading without content under it.
    const dashboard = readFileSync(join(site, 'en/dashboard/index.html'), 'utf8');
    expect(dashboard).toContain('This site has no city totals for two census years');
    expect(dashboard).not.toMatch(/<\/h[23]>\s*(<\/section>|<h[23][\s>])/);
    const pages = readdirSync(join(site, 'en', 'services')).length;
    expect(pages).toBeGreaterThan(277);
  });

  test('in a browser, the no-street line and the dashboard without totals read well in en and fr', async ({ page }) => {
    // The built files answer every request of a made-up origin: no server, no port to share.
    const origin = 'http://vancouver.test';
    await page.route(`${origin}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      const file = join(site, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
      return existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: 'Not found' });
    });
    const services = JSON.parse(readFileSync(join(copy, 'src/generated/services.json'), 'utf8')) as {
      slug: string;
      locations: { address: { line1?: string } }[];
    }[];
    const noStreet = services.find((s) => s.locations[0] !== undefined && s.locations[0].address.line1 === undefined);
    const strings = (locale: string) =>
      JSON.parse(readFileSync(`src/i18n/strings/${locale}.json`, 'utf8')) as Record<string, string>;
    /** Visible headings that are empty or have no text under them before the next heading of their level or their section's end. */
    const bareHeadings = () =>
      page.locator('main').evaluate((main) => {
        const level = (h: Element) => Number(h.tagName[1]);
        const heads = [...main.querySelectorAll<HTMLElement>('h1, h2, h3, h4')].filter((h) => h.checkVisibility());
        return heads
          .filter((h, i) => {
            const box = h.parentElement?.closest('section, article') ?? main;
            const next = heads.slice(i + 1).find((n) => level(n) <= level(h) && box.contains(n));
            const under = document.createRange();
            under.setStartAfter(h);
            if (next) under.setEndBefore(next);
            else under.setEnd(box, box.childNodes.length);
            return h.innerText.trim() === '' || under.toString().trim() === '';
          })
          .map((h) => `${h.tagName} “${h.innerText}”`);
      });
    const axe = async () =>
      (
        await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    for (const locale of ['en', 'fr']) {
      const t = strings(locale);
      await page.goto(`${origin}/${locale}/services/${noStreet?.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      await expect(page.getByText(t['service.addressUnknown'] ?? '?', { exact: true })).toBeVisible();
      expect(await bareHeadings(), `${locale} service page`).toEqual([]);
      expect(await axe(), `${locale} service page`).toEqual([]);

      await page.goto(`${origin}/${locale}/dashboard/`);
      await expect(page.getByText(t['dashboard.noTotals'] ?? '?', { exact: true })).toBeVisible();
      expect(await bareHeadings(), `${locale} dashboard`).toEqual([]);
      expect(await axe(), `${locale} dashboard`).toEqual([]);
    }
  });

  test('the leftover check with the Toronto markers finds no Toronto text in the build', () => {
    const check = run(['scripts/check-leftovers.ts', site]);
    expect(check.status, show(check)).toBe(0);
    expect(check.stdout).toMatch(/No leftover demo text/i);
  });
});
