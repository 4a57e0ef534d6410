import { describe, expect, it } from 'vitest';
import { intlTag, matchLocale, pluralCategories, LOCALES, type Locale } from '../../../src/i18n/locales.ts';
import config from '../../../demo/toronto/site.config.ts';
import { localizedPath, splitLocale, alternates } from '../../../src/i18n/routes.ts';
import {
  STRINGS,
  formatDate,
  formatDistance,
  formatList,
  formatNumber,
  formatPercent,
  hasOwnString,
  languageName,
  pluralTemplates,
  useTranslations,
  type UIKey,
} from '../../../src/i18n/index.ts';
import {
  withFallbacks,
  reviewStatus,
  localizedEntries,
  listWithFallback,
  localizeSiteUrl,
} from '../../../src/i18n/fallback.ts';

describe('locale registry', () => {
  it('gives every locale a BCP 47 tag, a native label and a direction', () => {
    for (const [code, info] of Object.entries(LOCALES)) {
      expect(() => new Intl.Locale(info.lang), code).not.toThrow();
      expect(info.label.length).toBeGreaterThan(1);
      expect(['ltr', 'rtl']).toContain(info.dir);
    }
    expect(LOCALES.ar.dir).toBe('rtl');
    expect(LOCALES.fa.dir).toBe('rtl');
    for (const code of ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta'] as const)
      expect(LOCALES[code].dir).toBe('ltr');
  });

  it('has the ten Toronto locales, all published by the demo configuration', () => {
    expect(Object.keys(LOCALES)).toEqual(['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar']);
    expect(config.locales).toEqual(Object.keys(LOCALES));
    expect(LOCALES['zh-Hant'].label).toBe('繁體中文');
    expect(LOCALES.fa.label).toBe('فارسی');
  });

  it('gives each locale a valid Intl tag with its calendar and digits', () => {
    for (const code of Object.keys(LOCALES) as Locale[]) {
      const options = new Intl.DateTimeFormat(intlTag(code)).resolvedOptions();
      expect(options.calendar, code).toBe('gregory');
      expect(new Intl.NumberFormat(intlTag(code)).resolvedOptions().numberingSystem, code).toBe(
        LOCALES[code].numberingSystem,
      );
    }
  });

  it('knows the plural categories of each language', () => {
    expect(pluralCategories('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralCategories('zh-Hans')).toEqual(['other']);
    expect(pluralCategories('en').sort()).toEqual(['one', 'other']);
  });

  it('matches browser preferences to a published locale', () => {
    expect(matchLocale(['fr-FR', 'en'], ['en', 'fr'])).toBe('fr');
    expect(matchLocale(['de-DE', 'en-GB'], ['en', 'fr'])).toBe('en');
    expect(matchLocale(['zh-TW'], ['en', 'zh-Hans', 'zh-Hant'])).toBe('zh-Hant');
    expect(matchLocale(['zh-CN'], ['en', 'zh-Hans', 'zh-Hant'])).toBe('zh-Hans');
    expect(matchLocale(['de'], ['en', 'fr'])).toBeUndefined();
  });
});

describe('routes', () => {
  it('prefixes every path with its locale and keeps trailing slashes', () => {
    expect(localizedPath('fr')).toBe('/fr/');
    expect(localizedPath('fr', 'data/quality')).toBe('/fr/data/quality/');
    expect(localizedPath('en', '/search/')).toBe('/en/search/');
    expect(localizedPath('en', 'data/report.json')).toBe('/en/data/report.json');
  });

  it('splits a pathname into locale and path so the switcher keeps the reader on the same page', () => {
    expect(splitLocale('/fr/data/quality/')).toEqual({ locale: 'fr', path: 'data/quality/' });
    expect(splitLocale('/other/')).toEqual({ locale: undefined, path: 'other/' });
    expect(alternates('data/', ['en', 'fr']).map((a) => a.href)).toEqual(['/en/data/', '/fr/data/']);
  });
});

describe('UI strings', () => {
  it('translates with plurals and interpolation', () => {
    const t = useTranslations('fr');
    expect(t('nav.services')).toBe('Services');
    expect(t('home.areasCount', { count: 1 })).toBe('1 quartier');
    expect(t('home.areasCount', { count: 158 })).toBe('158 quartiers');
    expect(t('home.servicesCount', { count: 4321 }).replace(/\s/g, ' ')).toBe('4 321 points de service répertoriés');
    expect(useTranslations('en')('home.areasCount', { count: 1 })).toBe('1 neighbourhood');
  });

  it('falls back to English key by key for a key a locale does not have yet', () => {
    const missing = (Object.keys(STRINGS.en) as UIKey[]).find(
      (k) => !hasOwnString('ta', k) && !/_(one|other)$/.test(k),
    );
    if (missing) expect(useTranslations('ta')(missing)).toBe(useTranslations('en')(missing));
    expect(hasOwnString('en', 'nav.about')).toBe(true);
    expect(hasOwnString('en', 'search.results')).toBe(true);
  });

  it('gives client scripts one template per plural category', () => {
    const templates = pluralTemplates('en', 'search.results', { query: '{query}' });
    expect(templates.one).toBe('{count} result for “{query}”');
    expect(templates.other).toBe('{count} results for “{query}”');
    expect(pluralTemplates('fr', 'finder.results')).toEqual({
      one: '{count} service trouvé',
      other: '{count} services trouvés',
    });
  });

  it('formats numbers per locale', () => {
    expect(formatNumber('en', 2761290)).toBe('2,761,290');
    expect(formatNumber('fr', 2761290).replace(/\s/g, ' ')).toBe('2 761 290');
    expect(formatNumber('es', 2761290)).toBe('2.761.290');
    expect(formatNumber('ta', 2761290)).toBe('27,61,290');
    expect(formatNumber('fa', 2761290)).toBe('۲٬۷۶۱٬۲۹۰');
    expect(formatNumber('ar', 2761290)).toBe('2,761,290');
  });

  it('formats dates in the Gregorian calendar, percentages and distances per locale', () => {
    expect(formatDate('en', '2026-03-05')).toBe('March 5, 2026');
    expect(formatDate('fr', '2026-03-05')).toBe('5 mars 2026');
    expect(formatDate('zh-Hans', '2026-03-05')).toBe('2026年3月5日');
    expect(formatDate('fa', '2026-03-05')).toMatch(/۲۰۲۶/);
    expect(formatDate('fa', '2026-03-05')).not.toMatch(/۱۴۰۴/);
    expect(formatPercent('en', 0.237)).toBe('23.7%');
    expect(formatPercent('fr', 0.237).replace(/\s/g, ' ')).toBe('23,7 %');
    expect(formatPercent('fa', 0.5)).toMatch(/۵۰/);
    expect(formatDistance('en', 850)).toBe('850 m');
    expect(formatDistance('en', 2430)).toBe('2.4 km');
    expect(formatDistance('fr', 2430).replace(/\s/g, ' ')).toBe('2,4 km');
  });

  it('names languages of service in the reader language', () => {
    expect(languageName('en', 'zh-Hant')).toBe('Traditional Chinese');
    expect(languageName('fr', 'es')).toBe('espagnol');
    expect(languageName('es', 'ta')).toBe('tamil');
    expect(languageName('ar', 'fa')).toBe('الفارسية');
    expect(languageName('en', 'not a code')).toBe('not a code');
    expect(formatList('en', ['English', 'French', 'Tamil'])).toMatch(/^English, French,? and Tamil$/);
  });
});

describe('honest fallbacks', () => {
  const entries = [{ id: 'en/how-to-use' }, { id: 'fr/how-to-use' }, { id: 'ar/how-to-use' }, { id: 'fr/only-french' }];

  it('builds every page in every locale, with the original text where it is not translated', () => {
    const items = withFallbacks(entries, ['en', 'fr', 'ta', 'ar'], 'en');
    const ta = items.find((i) => i.locale === 'ta' && i.slug === 'how-to-use');
    expect(ta?.contentLocale).toBe('en');
    expect(ta?.entry.id).toBe('en/how-to-use');
    expect(ta?.availableIn).toEqual(['en', 'fr', 'ar']);
    expect(items.find((i) => i.locale === 'ar' && i.slug === 'how-to-use')?.contentLocale).toBe('ar');
    const onlyFr = items.filter((i) => i.slug === 'only-french');
    expect(onlyFr).toHaveLength(4);
    expect(onlyFr.every((i) => i.contentLocale === 'fr')).toBe(true);
    expect(items).toHaveLength(8);
    // Astro lower-cases content ids: `zh-hans/…` is zh-Hans.
    expect(
      withFallbacks([{ id: 'zh-hans/a' }], ['en', 'zh-Hans'], 'en').map((i) => `${i.locale} ${i.contentLocale}`),
    ).toEqual(['en zh-Hans', 'zh-Hans zh-Hans']);
  });

  it('keeps a translation a draft until a reviewer is recorded', () => {
    expect(reviewStatus({}, 'en')).toBe('original');
    expect(reviewStatus({}, 'ar')).toBe('draft');
    expect(reviewStatus({ translationStatus: 'draft' }, 'ar')).toBe('draft');
    expect(reviewStatus({ translationStatus: 'reviewed' }, 'ar')).toBe('draft');
    expect(
      reviewStatus(
        { translationStatus: 'reviewed', reviewedBy: 'Arabic-speaking settlement workers, Thorncliffe' },
        'ar',
      ),
    ).toBe('reviewed');
  });
});

describe('fallbacks of lists and secondary routes', () => {
  const published: Locale[] = ['en', 'fr', 'zh-Hans', 'ar'];
  const entries = [{ id: 'en/a' }, { id: 'en/b' }, { id: 'fr/a' }, { id: 'zh-hans/a' }];

  it('gives each locale every slug, translated or original', () => {
    const ar = localizedEntries(entries, 'ar', published, 'en');
    expect(ar.map((i) => [i.slug, i.contentLocale])).toEqual([
      ['a', 'en'],
      ['b', 'en'],
    ]);
    const zh = localizedEntries(entries, 'zh-Hans', published, 'en');
    expect(zh.map((i) => [i.slug, i.contentLocale])).toEqual([
      ['a', 'zh-Hans'],
      ['b', 'en'],
    ]);
  });

  it('shows a whole list in the default locale where a locale has none of its own', () => {
    expect(listWithFallback(entries, 'fr', published, 'en')).toEqual({
      entries: [{ id: 'fr/a' }],
      contentLocale: 'fr',
      availableIn: ['en', 'fr', 'zh-Hans'],
    });
    const ar = listWithFallback(entries, 'ar', published, 'en');
    expect(ar.contentLocale).toBe('en');
    expect(ar.entries.map((e) => e.id)).toEqual(['en/a', 'en/b']);
  });

  it("points the original's links to this site at the reader's locale", () => {
    const site = 'https://lip.example.org';
    expect(localizeSiteUrl('https://lip.example.org/en/events/', site, 'en', 'ar')).toBe(
      'https://lip.example.org/ar/events/',
    );
    expect(localizeSiteUrl('/en/fact-sheets/#x', site, 'en', 'zh-Hans')).toBe('/zh-Hans/fact-sheets/#x');
    expect(localizeSiteUrl('https://example.org/en/events/', site, 'en', 'ar')).toBe('https://example.org/en/events/');
    expect(localizeSiteUrl('https://lip.example.org/en/events/', site, 'en', 'en')).toBe(
      'https://lip.example.org/en/events/',
    );
  });
});

describe('Arabic counted phrases', () => {
  it('use the dual noun alone and the plural after 3 to 10, never "2" before a dual', () => {
    const t = useTranslations('ar');
    expect(t('service.staleYears', { count: 2 })).toContain('أكثر من سنتين');
    expect(t('service.staleYears', { count: 2 })).not.toMatch(/\d/);
    expect(t('service.staleYears', { count: 3 })).toContain('أكثر من 3 سنوات');
    expect(t('service.staleYears', { count: 1 })).toContain('أكثر من سنة');
    expect(t('service.staleDays', { count: 2 })).toContain('أكثر من يومين');
  });
});
