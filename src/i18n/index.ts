/**
 * The translation system: i18next with one flat-keyed JSON file per locale.
 * English is complete and is the fallback for every other locale; keys are typed from it.
 */
import i18next, { type TFunction } from 'i18next';
import en from './strings/en.json' with { type: 'json' };
import fr from './strings/fr.json' with { type: 'json' };
import { LOCALES, type Locale } from './locales.ts';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every UI string key, with plural forms folded into their base key (`search.results`). */
export type UIKey = StripPlural<keyof typeof en & string>;
export type UIStrings = Partial<Record<keyof typeof en, string>>;

/** The string files that exist; a locale without a file falls back to English key by key. */
export const STRINGS: Partial<Record<Locale, UIStrings>> = { en, fr };

export type Translate = (key: UIKey, options?: Record<string, unknown>) => string;

const cache = new Map<Locale, Translate>();

/** Returns a synchronous translate function for a locale. */
export function useTranslations(locale: Locale): Translate {
  const cached = cache.get(locale);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: LOCALES[locale].lang,
    fallbackLng: 'en-CA',
    initAsync: false,
    // Keys are flat and dotted (`nav.services`), so dots are not nesting.
    keySeparator: false,
    nsSeparator: false,
    // Astro escapes on output; escaping here too would double-escape.
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(
      Object.entries(STRINGS).map(([code, strings]) => [LOCALES[code as Locale].lang, { translation: strings }]),
    ),
  });
  const t: TFunction = instance.t.bind(instance);
  const translate: Translate = (key, options) => t(key, options ?? {}) as string;
  cache.set(locale, translate);
  return translate;
}

/** Formats a count or number for a locale (thousands separators, digits). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[locale].lang, options).format(value);
}

/** Formats an ISO date (YYYY-MM-DD or full timestamp) as a long date in the locale. */
export function formatDate(locale: Locale, iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(LOCALES[locale].lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The plural forms of a counted string as templates for client-side code, keyed by the
 * locale's plural category (`one`, `few`, `other` …), with `{count}` where the number goes.
 * Client scripts pick a form with `Intl.PluralRules` and so need no i18next of their own.
 */
export function pluralTemplates(
  locale: Locale,
  key: UIKey,
  vars: Record<string, string> = {},
): Partial<Record<Intl.LDMLPluralRule, string>> {
  const t = useTranslations(locale);
  const rules = new Intl.PluralRules(LOCALES[locale].lang);
  const templates: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const category of rules.resolvedOptions().pluralCategories) {
    // A sample count in this category; large enough to be unique within the sentence.
    const sample = [...Array(200).keys()].map((n) => n + 1000).find((n) => rules.select(n) === category) ??
      [...Array(200).keys()].find((n) => rules.select(n) === category);
    if (sample === undefined) continue;
    // `{{count, number}}` prints the sample formatted (`1,000`), plain `{{count}}` does not.
    templates[category] = t(key, { ...vars, count: sample })
      .replace(formatNumber(locale, sample), '{count}')
      .replace(String(sample), '{count}');
  }
  return templates;
}
