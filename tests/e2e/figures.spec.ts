/**
 * Every published figure of every fact sheet and of the dashboard, recomputed from the raw files
 * (tests/e2e/lib/recompute.ts: the 2021 neighbourhood profile as published, the city totals file
 * for 2016, the generated service list) and compared with the built CSVs and pages. A
 * difference fails the test, naming the sheet, the section, the item and both values.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse } from 'yaml';
import {
  areaNames,
  DENOMINATOR,
  languageRanking,
  locationsByCategory,
  parseCsv,
  readCityTotals,
  readRawCensus,
  share,
  total,
  type RawCensus,
} from './lib/recompute.ts';

const root = new URL('../../', import.meta.url);
const en = JSON.parse(readFileSync(new URL('src/i18n/strings/en.json', root), 'utf8')) as Record<string, string>;
const t = (key: string) => {
  const v = en[key];
  if (v === undefined) throw new Error(`no English string ${key}`);
  return v;
};

type Block = { type: 'key-figures'; indicators: string[] } | { type: 'bar-chart'; data: string; limit?: number };
interface Sheet {
  slug: string;
  scope: string;
  blocks: Block[];
}

function sheets(): Sheet[] {
  const dir = new URL('demo/toronto/content/fact-sheets/en/', root);
  return readdirSync(dir).map((file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const fm = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as { scope?: string; blocks: Block[] };
    return { slug: file.replace(/\.md$/, ''), scope: fm.scope ?? 'city', blocks: fm.blocks };
  });
}

/** One published number: where it is and its value (null = written as unknown). */
interface Expected {
  section: string;
  item: string;
  series: string;
  value: number | null;
}

const TITLES: Record<string, string> = {
  'home-languages': 'chart.title.homeLanguages',
  'newcomer-profile': 'chart.title.newcomerProfile',
  'official-languages': 'chart.title.officialLanguages',
  'services-by-category': 'chart.title.servicesByCategory',
  'services-per-1000-newcomers': 'chart.title.servicesPer1000',
  'areas-most-recent-immigrants': 'chart.title.areasMostRecent',
  'change-2016-2021': 'chart.title.change',
};
const SHARE_ROWS: Record<string, string[]> = {
  'newcomer-profile': ['immigrants', 'recentImmigrants', 'nonPermanentResidents', 'refugees', 'notCanadianCitizens'],
  'official-languages': ['neitherOfficialLanguage', 'frenchOnly', 'englishAndFrench'],
};
const CHANGE_ROWS = [
  ['pct_immigrants', 'immigrants'],
  ['pct_recent_immigrants', 'recentImmigrants'],
  ['pct_non_permanent_residents', 'nonPermanentResidents'],
  ['pct_kol_neither', 'neitherOfficialLanguage'],
] as const;

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/**
 * The numbers a sheet must publish for a scope (all areas, or one), in the order of the CSV.
 * Rankings whose cut-off falls on a tie are compared as sets (see `compare`).
 */
function expectedRows(raw: RawCensus, blocks: readonly Block[], areaId?: string): Expected[] {
  const ids = areaId === undefined ? raw.ids : [areaId];
  const out: Expected[] = [];
  const { byCategory: locations, locations: locationCount } = locationsByCategory(areaId);
  for (const block of blocks) {
    if (block.type === 'key-figures') {
      for (const id of block.indicators) {
        const label = t(`indicator.${id}`);
        if (id === 'serviceLocations') {
          out.push({ section: t('factSheet.keyFigures'), item: label, series: '', value: locationCount });
          continue;
        }
        out.push({
          section: t('factSheet.keyFigures'),
          item: label,
          series: '',
          value: total(raw.values.get(id) ?? new Map(), ids),
        });
        if (DENOMINATOR[id])
          out.push({
            section: t('factSheet.keyFigures'),
            item: label,
            series: t('chart.series.share'),
            value: pct(share(raw, id, ids)),
          });
      }
      continue;
    }
    const section = t(TITLES[block.data] ?? '?');
    const limit = block.limit ?? 10;
    switch (block.data) {
      case 'home-languages':
        // The profile keeps five languages per neighbourhood; the city ranks every single language.
        for (const l of languageRanking(raw, ids, areaId === undefined ? limit : Math.min(limit, 5)))
          out.push({ section, item: l.name, series: '', value: l.count });
        break;
      case 'newcomer-profile':
      case 'official-languages':
        for (const id of SHARE_ROWS[block.data] ?? [])
          out.push({ section, item: t(`indicator.${id}`), series: '', value: pct(share(raw, id, ids)) });
        break;
      case 'services-by-category':
        for (const [c, n] of [...locations].sort((a, b) => b[1] - a[1]).slice(0, limit))
          out.push({ section, item: t(`category.${c}`), series: '', value: n });
        break;
      case 'services-per-1000-newcomers': {
        const recent = total(raw.values.get('recentImmigrants') ?? new Map(), ids);
        const rate = (n: number) => (recent && recent > 0 ? Math.round((n / recent) * 1000 * 100) / 100 : null);
        for (const [c, n] of [...locations].sort((a, b) => b[1] - a[1]).slice(0, limit))
          out.push({ section, item: t(`category.${c}`), series: '', value: rate(n) });
        break;
      }
      case 'areas-most-recent-immigrants':
        [...(raw.values.get('recentImmigrants') ?? new Map<string, number | null>())]
          .filter((e): e is [string, number] => e[1] !== null)
          .map(([id, v]) => ({ name: names.get(id) ?? id, v }))
          .sort((a, b) => b.v - a.v || a.name.localeCompare(b.name))
          .slice(0, limit)
          .forEach((a) => out.push({ section, item: a.name, series: '', value: a.v }));
        break;
      case 'change-2016-2021':
        for (const [row, id] of CHANGE_ROWS) {
          // 2016 comes from the city totals file (no raw 2016 profile here); 2021 from the raw profile.
          out.push({ section, item: t(`indicator.${id}`), series: '2016', value: totals.get(row)?.get(2016) ?? null });
          out.push({ section, item: t(`indicator.${id}`), series: '2021', value: pct(share(raw, id, ids)) });
        }
        break;
    }
  }
  return out;
}

const key = (r: { section: string; item: string; series: string }) => `${r.section} | ${r.item} | ${r.series}`;

/** Compares a published CSV with the recomputed numbers: same rows, same values. */
function compare(where: string, csv: string, expected: readonly Expected[]): void {
  const published = parseCsv(csv).map((r) => ({
    section: r['section'] ?? '',
    item: r['item'] ?? '',
    series: r['series'] ?? '',
    value: r['value'] === '' ? null : Number(r['value']),
  }));
  const want = new Map(expected.map((e) => [key(e), e.value]));
  const got = new Map(published.map((p) => [key(p), p.value]));
  const problems: string[] = [];
  for (const [k, v] of want) {
    if (!got.has(k)) problems.push(`missing: ${k} (expected ${v})`);
    else if (v === null ? got.get(k) !== null : Math.abs((got.get(k) ?? Number.NaN) - v) > 0.0051)
      problems.push(`${k}: published ${got.get(k)}, recomputed ${v}`);
  }
  for (const k of got.keys()) if (!want.has(k)) problems.push(`not expected: ${k} = ${got.get(k)}`);
  expect(problems, `${where}\n${problems.join('\n')}`).toEqual([]);
}

const raw = readRawCensus();
const names = areaNames();
const totals = readCityTotals();

async function text(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

test.describe('every published figure, recomputed from the raw census files', () => {
  for (const sheet of sheets().filter((s) => s.scope === 'city')) {
    test(`city fact sheet "${sheet.slug}": CSV and key figures`, async ({ request, page }) => {
      const expected = expectedRows(raw, sheet.blocks);
      compare(sheet.slug, await text(request, `/en/fact-sheets/${sheet.slug}.csv`), expected);
      // The page shows the same key figures as its CSV.
      await page.goto(`/en/fact-sheets/${sheet.slug}/`);
      for (const block of sheet.blocks) {
        if (block.type !== 'key-figures') continue;
        for (const id of block.indicators) {
          const want = expected.find(
            (e) => e.item === t(`indicator.${id}`) && e.series === '' && e.section === t('factSheet.keyFigures'),
          );
          await expect(page.locator(`li[data-indicator="${id}"]`)).toHaveAttribute(
            'data-value',
            String(want?.value ?? ''),
          );
        }
      }
    });
  }

  test('every neighbourhood fact sheet: CSV', async ({ request }) => {
    test.setTimeout(300_000);
    const template = sheets().find((s) => s.scope === 'area-template');
    expect(template).toBeDefined();
    const index = await text(request, '/en/fact-sheets/');
    const links = [...index.matchAll(/href="(\/en\/fact-sheets\/neighbourhoods\/[^"]+\/)"/g)].map(
      (m) => m[1] as string,
    );
    expect(links).toHaveLength(raw.ids.length);
    const idByName = new Map([...names].map(([id, name]) => [name, id]));
    for (const link of links) {
      const html = await text(request, link);
      const csvHref = /href="([^"]+\.csv)" download/.exec(html)?.[1];
      const name = /<h1[^>]*>([^<]+): neighbourhood fact sheet<\/h1>/
        .exec(html)?.[1]
        ?.replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'");
      expect(csvHref, link).toBeDefined();
      const id = idByName.get(name ?? '');
      expect(id, `${link}: area "${name}"`).toBeDefined();
      compare(link, await text(request, csvHref as string), expectedRows(raw, template?.blocks ?? [], id));
    }
  });

  test('dashboard indicators: CSV and the refugees card says what its share is of', async ({ request, page }) => {
    const csv = parseCsv(await text(request, '/en/dashboard/indicators.csv'));
    // indicator id → [numerator, denominator] as raw-profile indicators (2021) and city-total rows (2016).
    const SPECS: Record<string, [string, string | null, string, string | null]> = {
      privateHouseholdPopulation: ['privateHouseholdPopulation', null, 'pop_private_hh', null],
      immigrants: ['immigrants', 'privateHouseholdPopulation', 'immigrants', 'pop_private_hh'],
      recentImmigrants: ['recentImmigrants', 'privateHouseholdPopulation', 'recent_immigrants', 'pop_private_hh'],
      nonPermanentResidents: [
        'nonPermanentResidents',
        'privateHouseholdPopulation',
        'non_permanent_residents',
        'pop_private_hh',
      ],
      notCanadianCitizens: [
        'notCanadianCitizens',
        'privateHouseholdPopulation',
        'not_canadian_citizens',
        'pop_private_hh',
      ],
      refugees: ['refugees', 'admissionTotal', 'adm_refugees', 'adm_total'],
      visibleMinority: ['visibleMinority', 'privateHouseholdPopulation', 'visible_minority', 'pop_private_hh'],
      neitherOfficialLanguage: ['neitherOfficialLanguage', 'officialLanguageTotal', 'kol_neither', 'kol_total'],
      homeLanguageNonOfficial: ['homeLanguageNonOfficial', null, 'home_lang_non_official_single', null],
    };
    const sum = (id: string) => total(raw.values.get(id) ?? new Map(), raw.ids);
    const problems: string[] = [];
    expect(csv.map((r) => r['indicator_id'])).toEqual(Object.keys(SPECS).flatMap((id) => [id, id]));
    for (const r of csv) {
      const [num, den, row2016, den2016] = SPECS[r['indicator_id'] ?? ''] ?? ['', null, '', null];
      const year = Number(r['year']);
      const value = year === 2021 ? sum(num) : (totals.get(row2016)?.get(2016) ?? null);
      const denominator =
        den === null ? null : year === 2021 ? sum(den) : (totals.get(den2016 ?? '')?.get(2016) ?? null);
      const shareValue = value !== null && denominator ? Math.round((value / denominator) * 10000) / 100 : null;
      if (Number(r['value']) !== value)
        problems.push(`${r['indicator_id']} ${year}: published ${r['value']}, recomputed ${value}`);
      const published = r['share_percent'] === '' ? null : Number(r['share_percent']);
      if (shareValue === null ? published !== null : Math.abs((published ?? Number.NaN) - shareValue) > 0.0051)
        problems.push(`${r['indicator_id']} ${year} share: published ${published}, recomputed ${shareValue}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);

    await page.goto('/en/dashboard/');
    const refugees = page.locator('#ind-refugees');
    const refShare = Math.round(((sum('refugees') ?? 0) / (sum('admissionTotal') ?? 1)) * 1000) / 10;
    await expect(refugees).toContainText(
      `${refShare.toFixed(1)}% of immigrants admitted since 1980 (not of all residents) (2021)`,
    );
    const immShare = Math.round(((sum('immigrants') ?? 0) / (sum('privateHouseholdPopulation') ?? 1)) * 1000) / 10;
    await expect(page.locator('#ind-immigrants')).toContainText(
      `${immShare.toFixed(1)}% of residents in private households (2021)`,
    );
  });
});
