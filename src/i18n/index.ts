/**
 * The translation system: i18next with one flat-keyed JSON file per locale.
 * English is complete and is the fallback for every other locale; keys are typed from it.
 * Numbers, dates, distances and percentages go through `Intl` with the registry's tag
 * (`intlTag`: calendar and digits), so every locale formats them its own way.
 */
import i18next, { type TFunction } from 'i18next';
import en from './strings/en.json' with { type: 'json' };
import fr from './strings/fr.json' with { type: 'json' };
import zhHans from './strings/zh-Hans.json' with { type: 'json' };
import zhHant from './strings/zh-Hant.json' with { type: 'json' };
import es from './strings/es.json' with { type: 'json' };
import pt from './strings/pt.json' with { type: 'json' };
import tl from './strings/tl.json' with { type: 'json' };
import ta from './strings/ta.json' with { type: 'json' };
import fa from './strings/fa.json' with { type: 'json' };
import ar from './strings/ar.json' with { type: 'json' };
import { LOCALES, intlTag, type Locale } from './locales.ts';
import { distanceFormatter } from '../lib/format/distance.ts';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every UI string key, with plural forms folded into their base key (`search.results`). */
export type UIKey = StripPlural<keyof typeof en & string>;
export type UIStrings = Partial<Record<keyof typeof en, string>>;

/**
 * Every locale's strings. A missing key falls back to English key by key at run time; the
 * missing-key test (tests/unit/i18n/strings.test.ts) fails the build's tests when one is missing.
 */
export const STRINGS: Record<Locale, UIStrings> = {
  en,
  fr,
  'zh-Hans': zhHans as UIStrings,
  'zh-Hant': zhHant as UIStrings,
  es: es as UIStrings,
  pt: pt as UIStrings,
  tl: tl as UIStrings,
  ta: ta as UIStrings,
  fa: fa as UIStrings,
  ar: ar as UIStrings,
};

/** Whether a locale has its own text for a key (plural keys: any form), not the English fallback. */
export function hasOwnString(locale: Locale, key: UIKey): boolean {
  const strings = STRINGS[locale] as Record<string, string | undefined>;
  return (
    strings[key] !== undefined ||
    Object.keys(strings).some((k) => k.startsWith(`${key}_`) && /_(zero|one|two|few|many|other)$/.test(k))
  );
}

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
  return new Intl.NumberFormat(intlTag(locale), options).format(value);
}

/** Formats an ISO date (YYYY-MM-DD or full timestamp) as a long date in the locale. */
export function formatDate(
  locale: Locale,
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(intlTag(locale), { timeZone: 'UTC', ...options }).format(date);
}

/** A share (0.237) as a percentage in the locale (`23.7%`, `23,7 %`, `٪۲۳٫۷`). */
export function formatPercent(locale: Locale, share: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: fractionDigits }).format(
    share,
  );
}

/** A distance in metres, as metres under 1 km, else kilometres with one decimal (`850 m`, `2.4 km`). */
export function formatDistance(locale: Locale, metres: number): string {
  return distanceFormatter(intlTag(locale))(metres);
}

/**
 * The name of a language in the reader's language (`Intl.DisplayNames`), for the languages a
 * service is offered in: `languageName('fr', 'zh-Hant')` → `chinois traditionnel`.
 * Unknown codes come back unchanged.
 */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([LOCALES[locale].lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list joined the locale's way (`a, b and c`, `a、b和c`, `a، b و c`). */
export function formatList(
  locale: Locale,
  items: readonly string[],
  type: Intl.ListFormatType = 'conjunction',
): string {
  return new Intl.ListFormat(LOCALES[locale].lang, { style: 'long', type }).format(items);
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
    const sample =
      [...Array(200).keys()].map((n) => n + 1000).find((n) => rules.select(n) === category) ??
      [...Array(200).keys()].find((n) => rules.select(n) === category);
    if (sample === undefined) continue;
    // `{{count, number}}` prints the sample formatted (`1,000`), plain `{{count}}` does not.
    templates[category] = t(key, { ...vars, count: sample })
      .replace(formatNumber(locale, sample), '{count}')
      .replace(String(sample), '{count}');
  }
  return templates;
}
