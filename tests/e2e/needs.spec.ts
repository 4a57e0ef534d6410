import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * The finder understands needs in the reader's words and language (issue 13, item 1): every
 * example of the issue, typed on the English, French, Arabic and Simplified Chinese finders (the
 * English words work on every page, since many newcomers type them), and each need in the page's
 * own language. Expected sub-types and categories are read from each locale's strings, so a label
 * shown in the wrong language fails too.
 */
const LOCALES = ['en', 'fr', 'ar', 'zh-Hans'] as const;
type Locale = (typeof LOCALES)[number] | 'es' | 'zh-Hant';
const strings = (locale: Locale) =>
  JSON.parse(readFileSync(new URL(`../../src/i18n/strings/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
/** One UI string of `locale`; a missing key fails the test. */
function str(locale: Locale, key: string): string {
  const value = strings(locale)[key];
  if (value === undefined) throw new Error(`${locale}.json has no “${key}”`);
  return value;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern matching any of these sub-types' labels in `locale`. */
const subtypeLabels = (locale: Locale, ids: string[]) =>
  new RegExp(ids.map((id) => escape(str(locale, `subtype.${id}`))).join('|'));

const PRIMARY_CARE = [
  'primary_care_walk_in_clinic',
  'primary_care_family_health_team',
  'primary_care_community_health_centre',
  'primary_care_np_clinic',
  'primary_care_indigenous',
];

type Kind =
  /** The first `n` results all carry one of these sub-types. */
  | { subtypes: string[]; n: number }
  /** The first result is in this category. */
  | { category: string }
  /** Nothing listed answers the need: the referral box names it and gives 2-1-1. */
  | { missing: string };

const results = (page: Page) => page.locator('service-finder .results > li');

async function search(page: Page, locale: Locale, q: string) {
  await page.goto(`/${locale}/services/?${new URLSearchParams({ q })}`);
  await expect(page.locator('.results-heading')).not.toBeEmpty();
}

async function expectKind(page: Page, locale: Locale, kind: Kind, what: string) {
  if ('subtypes' in kind) {
    const labels = await results(page).evaluateAll(
      (items, max) => items.slice(0, max).map((li) => li.querySelector('.subtype')?.textContent ?? ''),
      kind.n,
    );
    expect(labels, what).toHaveLength(kind.n);
    const pattern = subtypeLabels(locale, kind.subtypes);
    for (const label of labels) expect(label, what).toMatch(pattern);
    await expect(page.locator('.need-note'), what).toBeVisible();
  } else if ('category' in kind) {
    await expect(results(page).first().locator(`.category-swatch[data-category="${kind.category}"]`), what).toHaveCount(
      1,
    );
    await expect(page.locator('.need-note'), what).toBeVisible();
  } else {
    const help = page.locator('.referrals');
    await expect(help, what).toContainText(str(locale, `need.${kind.missing}`));
    await expect(help.getByRole('link', { name: '2-1-1' }), what).toHaveAttribute('href', 'tel:211');
    await expect(page.locator('.need-note'), what).toBeHidden();
  }
}

const doctor: Kind = { subtypes: PRIMARY_CARE, n: 20 };
const english: Kind = { subtypes: ['LINC_ESL'], n: 30 };
const legal: Kind = { subtypes: ['legal_clinic'], n: 3 };
const settlement: Kind = { category: 'settlement' };
const food: Kind = { missing: 'food' };

/** The English examples, on each of the four finders. */
const ENGLISH_EXAMPLES: [string, Kind][] = [
  ['doctor', doctor],
  ['walk-in clinic', doctor],
  ['english class', english],
  ['LINC', english],
  ['free english', english],
  ['language assessment', english],
  ['food bank', food],
  ['lawyer', legal],
  ['SIN card', settlement],
];

/** The same needs in each page's own language, and the issue's own non-English examples. */
const OWN_WORDS: [Locale, string, Kind][] = [
  ['fr', 'médecin', doctor],
  ['fr', 'cours d’anglais', english],
  ['fr', 'banque alimentaire', food],
  ['fr', 'avocat', legal],
  ['fr', 'NAS', settlement],
  ['ar', 'طبيب', doctor],
  ['ar', 'دروس الإنجليزية', english],
  ['ar', 'بنك الطعام', food],
  ['ar', 'محامي', legal],
  ['ar', 'رقم التأمين الاجتماعي', settlement],
  ['zh-Hans', '医生', doctor],
  ['zh-Hans', '英语课', english],
  ['zh-Hans', '食物银行', food],
  ['zh-Hans', '律师', legal],
  ['zh-Hans', '社会保险号', settlement],
  ['es', 'médico', doctor],
  ['zh-Hant', '英語課', english],
];

test.describe('searching by need', () => {
  for (const [q, kind] of ENGLISH_EXAMPLES) {
    test(`“${q}” gives the right kind of service (or the referral box) in en, fr, ar and zh-Hans`, async ({ page }) => {
      for (const locale of LOCALES) {
        await search(page, locale, q);
        await expectKind(page, locale, kind, `${locale} “${q}”`);
      }
    });
  }

  for (const [locale, q, kind] of OWN_WORDS) {
    test(`${locale} “${q}” gives the right kind of service (or the referral box)`, async ({ page }) => {
      await search(page, locale, q);
      await expectKind(page, locale, kind, `${locale} “${q}”`);
    });
  }

  test('a search that finds nothing is never a silent zero', async ({ page }) => {
    await search(page, 'en', 'zzqx nothing here');
    await expect(page.locator('.results-heading')).toHaveText('0 services found');
    await expect(page.locator('.referrals')).toContainText('Nothing found on this site. These services can help:');
    await expect(page.locator('.referrals').getByRole('link', { name: '9-1-1' })).toBeVisible();
  });
});

/** Without JavaScript: the home page's need links and the finder's own list lead to each need's static page. */
test.describe('needs without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  const pages: [Locale, string, Kind][] = [
    ['en', 'doctor', doctor],
    ['fr', 'language_class', english],
    ['ar', 'legal', legal],
    ['zh-Hans', 'food', food],
  ];
  for (const [locale, need, kind] of pages) {
    test(`${locale}: the home page's “${need}” link lists that need's services, with sub-types`, async ({ page }) => {
      const label = str(locale, `need.${need}`);
      await page.goto(`/${locale}/`);
      await page
        .getByRole('navigation', { name: str(locale, 'home.topNeeds') })
        .getByRole('link', { name: label, exact: true })
        .click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/services/need/${need}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
      await expect(page.locator('.results-section')).toBeVisible();
      // Nothing that needs a script is offered as if it worked: no search form, view buttons or map.
      await expect(page.locator('.finder-form')).toBeHidden();
      await expect(page.locator('.view-toggle')).toBeHidden();
      await expect(page.locator('.map-pane')).toBeHidden();
      await expectKind(page, locale, kind, `${locale} ${need} without JavaScript`);
    });
  }

  test('a search from the home page lands on a finder that offers every need', async ({ page }) => {
    await page.goto('/fr/');
    await page.getByRole('searchbox', { name: str('fr', 'finder.query') }).fill('médecin');
    await page
      .getByRole('search', { name: str('fr', 'home.findServices') })
      .getByRole('button')
      .click();
    await expect(page).toHaveURL(/\/fr\/services\/\?q=/);
    const notice = page.locator('service-finder [data-no-js]');
    await expect(notice).toContainText(str('fr', 'finder.noScriptNeeds'));
    await notice.getByRole('link', { name: str('fr', 'need.doctor') }).click();
    await expect(page).toHaveURL(/\/fr\/services\/need\/doctor\/$/);
    await expectKind(page, 'fr', doctor, 'fr doctor from the finder');
  });

  test('a long list continues on numbered pages', async ({ page }) => {
    await page.goto('/en/services/need/settlement/');
    const total = Number((await page.locator('.results-heading').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(50);
    await expect(results(page)).toHaveCount(50);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\/en\/services\/need\/settlement\/2\/$/);
    await expect(page.locator('.finder-results > li').first()).toBeVisible();
    // A later page links back by position, not by repeating its own heading.
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages).toContainText(/Page 2 of \d+/);
    await pages.getByRole('link', { name: 'Previous page' }).click();
    await expect(page).toHaveURL(/\/en\/services\/need\/settlement\/$/);
  });
});

/** A need lists the same services in every language, so a later page exists in all ten and the switcher reaches it. */
test.describe('later need pages in every language', () => {
  test.use({ javaScriptEnabled: false });
  const ALL = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'];
  const TAGS: Record<string, string> = { en: 'en-CA', fr: 'fr-CA' };

  test('the last page of the longest list has all ten alternates and a working language switcher', async ({ page }) => {
    await page.goto('/en/services/need/school/');
    const total = Number((await page.locator('.results-heading').textContent())?.replace(/\D/g, ''));
    const last = Math.ceil(total / 50);
    expect(last).toBeGreaterThan(1);
    const path = (l: string) => `/${l}/services/need/school/${last}/`;
    await page.goto(path('en'));
    await expect(page.locator('.finder-results > li').first()).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'First page', exact: true }),
    ).toHaveAttribute('href', '/en/services/need/school/');
    const alternates = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`),
      );
    expect(alternates).toEqual([...ALL.map((l) => `${TAGS[l] ?? l} ${path(l)}`), `x-default ${path('en')}`]);
    for (const l of ALL) expect((await page.request.get(path(l))).status(), path(l)).toBe(200);
    // The same services on the same page in every language: the Arabic page lists the English page's.
    const names = () => page.locator('.finder-results > li h3').allTextContents();
    const english = await names();
    await page.locator('.lang-switcher summary').click();
    await page.locator('.lang-switcher').getByRole('link', { name: 'العربية', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path('ar')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(str('ar', 'need.school'));
    expect(await names()).toEqual(english);
    await page.locator('.lang-switcher summary').click();
    await page.locator('.lang-switcher').getByRole('link', { name: '简体中文', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path('zh-Hans')}$`));
    expect(await names()).toEqual(english);
  });
});

test('with JavaScript a need page is the finder, starting from its need', async ({ page }) => {
  await page.goto('/zh-Hans/services/need/language_class/');
  const box = page.getByRole('searchbox', { name: str('zh-Hans', 'finder.query') });
  await expect(box).toHaveValue('英语课');
  await expect(page.locator('.map-pane')).toBeVisible();
  await expect(page.locator('[data-no-js]')).toHaveCount(0);
  await expectKind(page, 'zh-Hans', english, 'zh-Hans need page with JavaScript');
  // Typing searches as on the finder page.
  await box.fill('医生');
  await expect(page).toHaveURL(/q=%E5%8C%BB%E7%94%9F/);
  await expectKind(page, 'zh-Hans', doctor, 'zh-Hans need page, then “医生”');
});
