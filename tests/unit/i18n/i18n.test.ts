import { describe, expect, it } from 'vitest';
import { matchLocale, LOCALES } from '../../../src/i18n/locales.ts';
import { localizedPath, splitLocale, alternates } from '../../../src/i18n/routes.ts';
import { STRINGS, formatNumber, pluralTemplates, useTranslations } from '../../../src/i18n/index.ts';

describe('locale registry', () => {
  it('gives every locale a BCP 47 tag, a native label and a direction', () => {
    for (const [code, info] of Object.entries(LOCALES)) {
      expect(() => new Intl.Locale(info.lang), code).not.toThrow();
      expect(info.label.length).toBeGreaterThan(1);
      expect(['ltr', 'rtl']).toContain(info.dir);
    }
    expect(LOCALES.ar.dir).toBe('rtl');
    expect(LOCALES.fa.dir).toBe('rtl');
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
  const en = STRINGS.en ?? {};
  const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

  it('French is complete and uses the same placeholders as English', () => {
    const fr = STRINGS.fr ?? {};
    for (const [key, value] of Object.entries(en)) {
      const translated = fr[key as keyof typeof fr];
      expect(translated, `fr is missing ${key}`).toBeTypeOf('string');
      expect(placeholders(translated ?? ''), key).toEqual(placeholders(value));
    }
    expect(Object.keys(fr).filter((k) => !(k in en))).toEqual([]);
  });

  it('translates with plurals and interpolation', () => {
    const t = useTranslations('fr');
    expect(t('nav.services')).toBe('Services');
    expect(t('home.areasCount', { count: 1 })).toBe('1 quartier');
    expect(t('home.areasCount', { count: 158 })).toBe('158 quartiers');
    expect(t('home.servicesCount', { count: 4321 }).replace(/\s/g, ' ')).toBe('4 321 points de service répertoriés');
    expect(useTranslations('en')('home.areasCount', { count: 1 })).toBe('1 neighbourhood');
  });

  it('falls back to English for a locale without its own strings', () => {
    expect(useTranslations('ta')('nav.about')).toBe('About');
  });

  it('gives client scripts one template per plural category', () => {
    const templates = pluralTemplates('en', 'search.results', { query: '{query}' });
    expect(templates.one).toBe('{count} result for “{query}”');
    expect(templates.other).toBe('{count} results for “{query}”');
    expect(pluralTemplates('fr', 'finder.results')).toEqual({ one: '{count} service trouvé', other: '{count} services trouvés' });
  });

  it('formats numbers per locale', () => {
    expect(formatNumber('en', 2761290)).toBe('2,761,290');
    expect(formatNumber('fr', 2761290).replace(/\s/g, ' ')).toBe('2 761 290');
  });
});
