import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { phonePage } from './lib/phone.ts';
import { recompute, type PublishedInput } from './lib/recompute-gaps.ts';

/** Waits until `<gap-explorer>` has drawn the map with the current results. */
async function mapReady(page: Page): Promise<void> {
  await expect(page.locator('gap-explorer')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

/** Properties of the area polygons MapLibre actually drew, by area id. */
async function drawnAreas(page: Page): Promise<Record<string, { normalized: number | null; underServed: boolean }>> {
  return page.evaluate(() => {
    const explorer = document.querySelector('gap-explorer') as HTMLElement & {
      map: { queryRenderedFeatures: (o: object) => { properties: Record<string, unknown> }[] };
    };
    const out: Record<string, { normalized: number | null; underServed: boolean }> = {};
    for (const f of explorer.map.queryRenderedFeatures({ layers: ['area-fill'] })) {
      out[String(f.properties['id'])] = {
        normalized: (f.properties['normalized'] as number | null) ?? null,
        underServed: f.properties['underServed'] === true,
      };
    }
    return out;
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

test.describe('service gaps', () => {
  test('without JavaScript the ranked lists, tables, downloads and methodology are there', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/gaps/');
    await expect(page.getByRole('heading', { level: 1, name: 'Service gaps' })).toBeVisible();
    const settlement = page.getByRole('region', { name: 'Settlement help' });
    await expect(settlement.getByRole('heading', { name: 'Most under-served neighbourhoods' })).toBeVisible();
    expect(await settlement.locator('table[data-ranked] tbody tr').count()).toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Results as CSV (spreadsheet)' })).toHaveAttribute(
      'href',
      '/data/gaps.csv',
    );
    // The gaps page stays light: every area's figures are on each category's table page.
    expect(await page.locator('table tbody tr').count()).toBeLessThan(100);
    await settlement.getByRole('link', { name: /All 158 neighbourhoods/ }).click();
    await expect(page).toHaveURL(/\/en\/gaps\/settlement\/$/);
    const table = page.getByRole('table', { name: 'Access to Settlement help by neighbourhood' });
    await expect(table.locator('tbody tr')).toHaveCount(158);
    await page.goBack();
    await page.getByRole('link', { name: /^All 158 neighbourhoods \(table\)/ }).click();
    await expect(
      page.getByRole('table', { name: /Newcomer residence by neighbourhood/ }).locator('tbody tr'),
    ).toHaveCount(158);
    await page.goBack();
    await page.getByRole('link', { name: 'methodology' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the service-gap scores are calculated');
    await expect(page.getByRole('table').getByRole('rowheader', { name: 'Language classes' })).toBeVisible();
    await context.close();
  });

  test('the map draws the same scores as the table, and the what-if recomputes them', async ({ page, context }) => {
    await page.goto('/en/gaps/');
    await page.locator('gap-explorer').scrollIntoViewIfNeeded();
    await mapReady(page);
    await expect(page.getByRole('combobox', { name: 'Service category' })).toBeEnabled();

    const section = page.locator('section[data-gaps-category="settlement"]');
    const drawn = await drawnAreas(page);
    expect(Object.keys(drawn).length).toBeGreaterThan(100);
    const tablePage = await context.newPage();
    await tablePage.goto('/en/gaps/settlement/');
    const table = await tablePage.locator('table[data-full] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.areaId!,
        area: (tr as HTMLElement).dataset.area!,
        normalized: tr.querySelector<HTMLElement>('[data-col=normalized]')!.dataset.value!,
        under: tr.querySelector<HTMLElement>('[data-col=under]')!.dataset.value === '1',
      })),
    );
    let compared = 0;
    for (const row of table) {
      const d = drawn[row.id];
      if (!d) continue;
      compared++;
      expect(d.underServed, row.id).toBe(row.under);
      if (row.normalized === '') expect(d.normalized, row.id).toBeNull();
      else expect(d.normalized!, row.id).toBeCloseTo(Number(row.normalized), 9);
    }
    expect(compared).toBeGreaterThan(100);

    // The most under-served area has no settlement service in reach; propose one there.
    const top = section.locator('table[data-ranked] tbody tr').first();
    const areaIndex = await top.getAttribute('data-area');
    const areaName = (await top.getByRole('rowheader').textContent())!.trim();
    const before = table.find((row) => row.area === areaIndex)?.normalized;
    expect(before).toBeDefined();
    const changes = section.getByRole('table', { name: 'Neighbourhoods the proposed site changes' });
    await expect(changes).toBeHidden();

    await page.getByRole('combobox', { name: 'Neighbourhood', exact: true }).selectOption({ label: areaName });
    await page.getByRole('spinbutton', { name: 'Capacity of the proposed site' }).fill('3');
    await page.getByRole('button', { name: 'Add a proposed site in this neighbourhood' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Proposed Settlement help site added' })).toBeVisible();
    await expect(page.locator('gap-explorer')).toHaveAttribute('data-proposal', 'yes');
    await mapReady(page);
    // The proposed area leads the table of changed areas: nearest service 0 km, a new score.
    const changedRow = changes.locator(`tbody tr[data-area="${areaIndex}"]`);
    await expect(changes.locator('tbody tr').first()).toHaveAttribute('data-area', areaIndex!);
    await expect(changedRow.locator('[data-col=nearest]')).toHaveText('0.0 km');
    await expect(changedRow.locator('[data-col=nearest-before]')).not.toHaveText('0.0 km');
    const after = await changedRow.locator('[data-col=normalized]').getAttribute('data-value');
    expect(after).not.toBe(before);
    await expect(section.getByText('These figures include the proposed site from the what-if tool.')).toBeVisible();
    await expect(section.locator('table[data-ranked] tbody tr').first()).not.toHaveAttribute('data-area', areaIndex!);
    const drawnAfter = await drawnAreas(page);
    const id = await changedRow.getAttribute('data-area-id');
    expect(drawnAfter[id!]?.normalized).toBeCloseTo(Number(after), 9);
    const proposed = await page.evaluate(() => {
      const explorer = document.querySelector('gap-explorer') as HTMLElement & {
        map: { queryRenderedFeatures: (o: object) => unknown[] };
      };
      return explorer.map.queryRenderedFeatures({ layers: ['proposed-site'] }).length;
    });
    expect(proposed).toBe(1);

    await page.getByRole('button', { name: 'Remove the proposed site' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Proposed site removed');
    await expect(changes).toBeHidden();
    await expect(section.locator('table[data-ranked] tbody tr').first()).toHaveAttribute('data-area', areaIndex!);
    await expect
      .poll(async () => (await drawnAreas(page))[id!]?.normalized ?? null)
      .toBe(drawn[id!]?.normalized ?? null);
  });

  test('on a phone the map waits for the reader; the what-if works before it', async ({ browser }) => {
    const { context, page, mapRequests } = await phonePage(browser);
    await page.goto('/en/gaps/');
    await page.locator('gap-explorer').scrollIntoViewIfNeeded();
    await expect(page.locator('gap-explorer')).toHaveAttribute('data-state', 'analysis', { timeout: 30_000 });
    const start = page.getByRole('button', { name: 'Show the interactive map' });
    await expect(start).toBeVisible();
    await expect(page.getByRole('img', { name: /^Map picture \(City of Toronto\)/ })).toBeVisible();
    expect(mapRequests).toEqual([]);

    const section = page.locator('section[data-gaps-category="settlement"]');
    const topName = (await section
      .locator('table[data-ranked] tbody tr')
      .first()
      .getByRole('rowheader')
      .textContent())!.trim();
    await page.getByRole('combobox', { name: 'Neighbourhood', exact: true }).selectOption({ label: topName });
    await page.getByRole('button', { name: 'Add a proposed site in this neighbourhood' }).click();
    await expect(
      section
        .getByRole('table', { name: 'Neighbourhoods the proposed site changes' })
        .getByRole('rowheader', { name: topName }),
    ).toBeVisible();
    expect(mapRequests).toEqual([]);

    await start.click();
    await mapReady(page);
    expect(mapRequests.length).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Show the interactive map' })).toHaveCount(0);
    await expect(page.locator('gap-explorer')).toHaveAttribute('data-proposal', 'yes');
    await context.close();
  });

  test('the area panel says plainly that service languages are not known', async ({ page }) => {
    await page.goto('/en/gaps/');
    await page.locator('gap-explorer').scrollIntoViewIfNeeded();
    await mapReady(page);
    await page
      .getByRole('combobox', { name: 'Neighbourhood', exact: true })
      .selectOption({ label: 'West Humber-Clairville' });
    await page.getByRole('button', { name: 'Show neighbourhood details' }).click();
    const panel = page.getByRole('region', { name: 'West Humber-Clairville' });
    await expect(panel.getByRole('heading', { name: 'Top languages spoken at home' })).toBeVisible();
    await expect(panel.getByText('Punjabi (Panjabi)')).toBeVisible();
    await expect(panel.getByRole('rowheader', { name: 'Libraries' })).toBeVisible();
    await expect(panel.getByText(/does not say which languages these services are offered in/)).toBeVisible();
  });

  test('tables sort by a column', async ({ page }) => {
    await page.goto('/en/gaps/library/');
    const section = page.getByRole('main');
    const header = section.locator('table[data-full]').getByRole('columnheader', { name: /^Nearest service/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const values = await section
      .locator('table[data-full] tbody [data-col=nearest]')
      .evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  test('downloads are valid CSV and GeoJSON with the parameters used', async ({ request }) => {
    const csv = await request.get('/data/gaps.csv');
    expect(csv.ok()).toBe(true);
    const rows = parseCsv(await csv.text());
    const header = rows[0]!;
    expect(header).toEqual(
      expect.arrayContaining([
        'category',
        'area_id',
        'normalized_score',
        'method',
        'max_cost',
        'cost_unit',
        'weight',
        'travel_cost',
      ]),
    );
    const body = rows.slice(1);
    expect(body.length % 158).toBe(0);
    expect(body.length / 158).toBeGreaterThanOrEqual(6);
    for (const r of body) expect(r).toHaveLength(header.length);
    const demand = body.map((r) => r[header.indexOf('demand')]!);
    // Small counts are never exact.
    for (const d of demand) if (/^\d+$/.test(d)) expect(Number(d)).toBeGreaterThanOrEqual(10);
    // Every row says which travel cost was used: here the default, straight-line metres.
    for (const r of body)
      expect([r[header.indexOf('cost_unit')], r[header.indexOf('travel_cost')]]).toEqual([
        'm',
        expect.stringMatching(/^straight-line distance/),
      ]);

    const geo = await request.get('/data/gaps.geojson');
    const json = (await geo.json()) as {
      type: string;
      parameters: {
        travelCost: string;
        costUnit: string;
        categories: { id: string; method: string; maxCost: number }[];
      };
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(json.type).toBe('FeatureCollection');
    expect(json.features).toHaveLength(158);
    expect(json.parameters.categories.map((c) => c.id)).toContain('language_training');
    expect(json.parameters).toMatchObject({
      travelCost: expect.stringMatching(/^straight-line distance/),
      costUnit: 'm',
    });
    expect(Object.keys(json.features[0]!.properties)).toContain('settlement.normalized');
    expect(['Polygon', 'MultiPolygon']).toContain(json.features[0]!.geometry.type);
  });

  test('ranked by people affected, with coverage, robustness and fact-sheet links; thin data is not judged', async ({
    page,
  }) => {
    await page.goto('/en/gaps/');
    const settlement = page.getByRole('region', { name: 'Settlement help' });
    await expect(settlement.locator('[data-coverage]')).toContainText(/234 listings at \d+ distinct places/);
    const people = await settlement.locator('table[data-ranked] tbody td[data-col=people]').allTextContents();
    const values = people.map((t) => Number(t.replace(/[^\d]/g, '')));
    expect(values.length).toBeGreaterThan(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const robust = await settlement.locator('table[data-ranked] tbody td[data-col=robust]').allTextContents();
    for (const r of robust) expect(['holds under all variations', 'depends on the assumptions']).toContain(r);
    const first = settlement.locator('table[data-ranked] tbody th a').first();
    await expect(first).toHaveAttribute('href', /^\/en\/fact-sheets\/neighbourhoods\/\d+\/$/);
    for (const name of ['Language classes', 'Employment']) {
      const region = page.getByRole('region', { name });
      await expect(region.locator('[data-not-judged]')).toContainText('Not enough data to judge gaps.');
      await expect(region.locator('table[data-ranked]')).toHaveCount(0);
    }
    // The other order and one plain sentence per flagged area are on the category page.
    await settlement.getByRole('link', { name: 'See the same neighbourhoods ranked by access per person.' }).click();
    await expect(page).toHaveURL(/\/en\/gaps\/settlement\/#by-score$/);
    const sentences = page.locator('[data-flagged] li');
    expect(await sentences.count()).toBe(await page.locator('table[data-by-score] tbody tr').count());
    await expect(sentences.first()).toContainText(/Recent immigrants.*: [\d,]+; (nearest service|no service within)/);
  });

  test('on a 390 px screen nothing scrolls sideways; wide tables scroll in their own box', async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    for (const path of [
      '/en/gaps/',
      '/en/gaps/settlement/',
      '/en/gaps/residence/',
      '/en/gaps/methodology/',
      '/ar/gaps/',
    ]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await page.goto('/en/gaps/settlement/');
    const box = page.locator('.table-scroll:has(table[data-full])');
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    const name = page.locator('table[data-full] tbody th').first();
    expect(await name.evaluate((th) => getComputedStyle(th).position)).toBe('sticky');
    await context.close();
  });

  test('the map names a neighbourhood on hover and when chosen from the list', async ({ page }) => {
    await page.goto('/en/gaps/');
    await page.locator('gap-explorer').scrollIntoViewIfNeeded();
    await mapReady(page);
    const area = page.locator('select[name=area]');
    await area.selectOption({ index: 5 });
    const chosen = (await area.locator('option:checked').textContent())!.trim();
    await page.getByRole('button', { name: 'Show neighbourhood details' }).click();
    await expect(page.locator('.maplibregl-popup.area-name')).toHaveText(chosen);
    const canvas = page.locator('gap-explorer canvas');
    const b = (await canvas.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.move(b.x + b.width / 2 + 5, b.y + b.height / 2 + 5);
    await expect(page.locator('.maplibregl-popup.area-name')).toHaveText(/\S/);
  });

  test('every gaps page says which travel cost the scores use', async ({ page }) => {
    for (const path of ['/en/gaps/', '/en/gaps/settlement/', '/en/gaps/methodology/']) {
      await page.goto(path);
      await expect(page.locator('[data-cost]'), path).toHaveText(
        'Travel costs: straight-line distance (not travel by street or transit), in kilometres.',
      );
    }
    await page.goto('/fr/gaps/');
    await expect(page.locator('[data-cost]')).toHaveText(/^Coûts de déplacement : distance à vol d’oiseau/);
    // Without a cost table the what-if tool is on, and no notice says otherwise.
    await expect(page.locator('[data-what-if-off]')).toHaveCount(0);
  });

  test('every published score, flag and variation follows from the downloads alone', async ({ request }) => {
    test.setTimeout(300_000); // tens of millions of distances, recomputed with plain loops
    const input = (await (await request.get('/data/gaps-input.json')).json()) as PublishedInput;
    const [header, ...rows] = parseCsv(await (await request.get('/data/gaps.csv')).text());
    const [vHeader, ...vRows] = parseCsv(await (await request.get('/data/gaps-variations.csv')).text());
    const col = (h: string[], name: string) => h.indexOf(name);
    const num = (s: string) => (s === '' ? NaN : Number(s));
    const close = (a: number, b: number) =>
      Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    // Published rows and every variation, grouped by category and variation.
    const groups = new Map<string, string[][]>();
    for (const r of vRows) {
      const key = `${r[col(vHeader!, 'category')]!}|${r[col(vHeader!, 'variation')]!}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    expect(groups.size).toBeGreaterThanOrEqual(input.params.categories.length * 5);
    const flaggedEverywhere = new Map<string, boolean>();
    for (const [key, g] of groups) {
      const [category, variation] = key.split('|') as [string, string];
      const first = g[0]!;
      const mine = recompute(input, category, {
        method: first[col(vHeader!, 'method')]!,
        maxCost: Number(first[col(vHeader!, 'max_cost')]),
        weight: first[col(vHeader!, 'weight')]!,
        areaPoints: first[col(vHeader!, 'demand_points')] === 'area point',
      });
      g.forEach((r, a) => {
        expect(r[col(vHeader!, 'area_id')]).toBe(input.areas.id[a]);
        expect(close(num(r[col(vHeader!, 'score')]!), mine.score[a]!), `${key} ${input.areas.id[a]!} score`).toBe(true);
        expect(close(num(r[col(vHeader!, 'normalized_score')]!), mine.normalized[a]!), `${key} normalized`).toBe(true);
        expect(r[col(vHeader!, 'under_served')]).toBe(String(mine.underServed[a]));
        const k = `${category}|${input.areas.id[a]!}`;
        if (variation !== 'published')
          flaggedEverywhere.set(k, (flaggedEverywhere.get(k) ?? true) && mine.underServed[a]!);
      });
    }
    // gaps.csv agrees with the published variation, and each flag's robustness with the variations.
    let flags = 0;
    for (const r of rows) {
      const key = `${r[col(header!, 'category')]!}|published`;
      const a = input.areas.id.indexOf(r[col(header!, 'area_id')]!);
      const published = groups.get(key)![a]!;
      expect(r[col(header!, 'score')]).toBe(published[col(vHeader!, 'score')]);
      expect(r[col(header!, 'normalized_score')]).toBe(published[col(vHeader!, 'normalized_score')]);
      expect(r[col(header!, 'under_served')]).toBe(published[col(vHeader!, 'under_served')]);
      if (r[col(header!, 'under_served')] === 'true') {
        flags++;
        const holds = flaggedEverywhere.get(`${r[col(header!, 'category')]!}|${r[col(header!, 'area_id')]!}`);
        expect(r[col(header!, 'flag_holds_under_all_variations')]).toBe(String(holds));
      }
    }
    expect(flags).toBeGreaterThan(0);
  });

  test('no exact count from 1 to 9 is in the gaps downloads or tables', async ({ request, page }) => {
    test.setTimeout(120_000); // three large pages and three downloads
    const small = (v: unknown) => typeof v === 'number' && v >= 1 && v <= 9;
    const input = (await (await request.get('/data/gaps-input.json')).json()) as {
      params: { smallCountThreshold: number; suppression: string };
      areas: {
        indicators: Record<string, (number | null)[]>;
        suppressed: Record<string, number[]>;
        homeLanguages: ([string, number] | [string, null] | [string, null, 'suppressed'])[][];
      };
    };
    const counts = [
      ...Object.values(input.areas.indicators).flat(),
      ...input.areas.homeLanguages.flat().map((l) => l[1]),
    ];
    expect(counts.length).toBeGreaterThan(1000);
    // Below the threshold (0 included) a count is null, never a number, and the file says why.
    expect(counts.filter((v) => typeof v === 'number' && v < input.params.smallCountThreshold)).toEqual([]);
    expect(input.params.suppression).toMatch(/published as null and listed in areas\.suppressed/);
    let suppressed = 0;
    for (const [id, list] of Object.entries(input.areas.suppressed)) {
      for (const a of list) expect(input.areas.indicators[id]![a], `${id} of area ${String(a)}`).toBeNull();
      suppressed += list.length;
    }
    expect(suppressed).toBeGreaterThan(0);
    for (const l of input.areas.homeLanguages.flat())
      if (l[2] !== undefined) expect(l).toEqual([l[0], null, 'suppressed']);
    const [header, ...rows] = parseCsv(await (await request.get('/data/gaps.csv')).text());
    for (const name of ['demand', 'people_affected']) {
      for (const r of rows) expect(r[header!.indexOf(name)]).toMatch(/^(|<10|[1-9]\d+|\d{3,})$/);
    }
    const geo = (await (await request.get('/data/gaps.geojson')).json()) as {
      features: { properties: Record<string, unknown> }[];
    };
    for (const f of geo.features)
      for (const [k, v] of Object.entries(f.properties))
        if (k.endsWith('.demand') || k.endsWith('.people_affected')) expect(small(v)).toBe(false);
    // The tables: every count cell reads "fewer than 10", "not known" or a number of at least 10.
    for (const path of ['/en/gaps/', '/en/gaps/settlement/', '/en/gaps/residence/']) {
      await page.goto(path);
      const cells = await page.locator('td.num').allTextContents();
      const bare = cells.map((c) => c.trim()).filter((c) => /^\d$/.test(c));
      // Only the rank column may hold a single digit.
      const ranks = await page.locator('table tbody tr td.num:first-child').allTextContents();
      expect(bare.length).toBeLessThanOrEqual(ranks.filter((c) => /^\d$/.test(c.trim())).length);
    }
  });

  for (const path of [
    '/en/gaps/',
    '/fr/gaps/',
    '/en/gaps/methodology/',
    '/ar/gaps/settlement/',
    '/fa/gaps/residence/',
  ]) {
    test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
      await page.goto(path);
      if (path.endsWith('/gaps/')) {
        await page.locator('gap-explorer').scrollIntoViewIfNeeded();
        await mapReady(page);
        await page.locator('select[name=area]').selectOption({ index: 3 });
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});
