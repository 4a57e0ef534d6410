import { describe, expect, expectTypeOf, it } from 'vitest';
import { dynamicKey, isUIKey, uiKey, type KeySuffix } from '../../../src/i18n/keys.ts';
import { useTranslations, type UIKey } from '../../../src/i18n/index.ts';
import { pathLocale } from '../../../src/i18n/routes.ts';
import { CATEGORY_IDS, type CategoryId } from '../../../src/lib/categories.ts';

describe('dynamic UI keys', () => {
  it('knows the keys of en.json, plural keys by their base key', () => {
    expect(isUIKey('nav.services')).toBe(true);
    expect(isUIKey('category.health')).toBe(true);
    expect(isUIKey('search.results')).toBe(true);
    expect(isUIKey('search.results_one')).toBe(false);
    expect(isUIKey('category.nope')).toBe(false);
    expect(isUIKey('')).toBe(false);
  });

  it('passes a known key through and names an unknown one and where it came from', () => {
    expect(uiKey('indicator.recentImmigrants')).toBe('indicator.recentImmigrants');
    expect(() => uiKey('indicator.nope')).toThrow('No UI string "indicator.nope" in src/i18n/strings/en.json');
    expect(() => uiKey('indicator.nope', 'census.indicators.x.label')).toThrow(
      'No UI string "indicator.nope" (census.indicators.x.label) in src/i18n/strings/en.json',
    );
  });

  it('builds a key from a prefix and a typed id, which the translator accepts', () => {
    const t = useTranslations('fr');
    for (const id of CATEGORY_IDS) {
      const key = dynamicKey('category.', id);
      expect(key).toBe(`category.${id}`);
      expect(t(key)).not.toBe(key);
    }
    const health = dynamicKey('category.', 'health');
    expectTypeOf(health).toExtend<'category.health'>();
    expectTypeOf<CategoryId>().toExtend<KeySuffix<'category.'>>();
    expectTypeOf<`category.${CategoryId}`>().toExtend<UIKey>();
    // @ts-expect-error: no `category.nope` key, so the id is refused at compile time.
    expect(() => dynamicKey('category.', 'nope')).toThrow('No UI string "category.nope"');
  });
});

describe('pathLocale', () => {
  const published = ['en', 'fr', 'ar'] as const;
  it('is the first segment when it is a published locale, else the fallback', () => {
    expect(pathLocale('/fr/services/', published, 'en')).toBe('fr');
    expect(pathLocale('/ar/', published, 'en')).toBe('ar');
    expect(pathLocale('/fr/dashboard/indicators.csv', published, 'en')).toBe('fr');
    expect(pathLocale('/', published, 'fr')).toBe('fr');
    expect(pathLocale('/404/', published, 'en')).toBe('en');
    expect(pathLocale('/data/hsds/services/ar/', published, 'en')).toBe('en');
    // A locale the registry knows but the site does not publish.
    expect(pathLocale('/ta/services/', published, 'en')).toBe('en');
  });
});
