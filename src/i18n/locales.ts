/**
 * The locale registry: the one place that knows every language the portal can speak.
 * Astro's i18n routing, `<html lang dir>`, hreflang alternates, the language switcher,
 * Pagefind's per-language index and number/date formatting all derive from it.
 * Which of these a LIP actually publishes is configuration (`locales` in the site config).
 */
export interface LocaleInfo {
  /** BCP 47 tag used for `lang`, hreflang and Pagefind's per-language index. */
  readonly lang: string;
  /** The language's own name, shown in the language switcher. */
  readonly label: string;
  /** The language's name in English, for the translation status page and documentation. */
  readonly englishName: string;
  /** Writing direction of the script. */
  readonly dir: 'ltr' | 'rtl';
  /** Script (ISO 15924), picks the font stack in global.css. */
  readonly script: 'Latn' | 'Hans' | 'Hant' | 'Taml' | 'Arab';
  /** Digits for numbers (`Intl` numbering system): Persian readers expect ۱۲۳, Arabic in Canada 123. */
  readonly numberingSystem: 'latn' | 'arabext' | 'arab';
  /** Calendar for dates: Gregorian everywhere, since events and data dates are Canadian. */
  readonly calendar: 'gregory';
}

export const LOCALES = {
  en: {
    lang: 'en-CA',
    label: 'English',
    englishName: 'English',
    dir: 'ltr',
    script: 'Latn',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  fr: {
    lang: 'fr-CA',
    label: 'Français',
    englishName: 'French',
    dir: 'ltr',
    script: 'Latn',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  'zh-Hans': {
    lang: 'zh-Hans',
    label: '简体中文',
    englishName: 'Chinese (Simplified)',
    dir: 'ltr',
    script: 'Hans',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  'zh-Hant': {
    lang: 'zh-Hant',
    label: '繁體中文',
    englishName: 'Chinese (Traditional)',
    dir: 'ltr',
    script: 'Hant',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  es: {
    lang: 'es',
    label: 'Español',
    englishName: 'Spanish',
    dir: 'ltr',
    script: 'Latn',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  pt: {
    lang: 'pt',
    label: 'Português',
    englishName: 'Portuguese',
    dir: 'ltr',
    script: 'Latn',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  tl: {
    lang: 'tl',
    label: 'Tagalog',
    englishName: 'Tagalog',
    dir: 'ltr',
    script: 'Latn',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  ta: {
    lang: 'ta',
    label: 'தமிழ்',
    englishName: 'Tamil',
    dir: 'ltr',
    script: 'Taml',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
  fa: {
    lang: 'fa',
    label: 'فارسی',
    englishName: 'Persian',
    dir: 'rtl',
    script: 'Arab',
    numberingSystem: 'arabext',
    calendar: 'gregory',
  },
  ar: {
    lang: 'ar',
    label: 'العربية',
    englishName: 'Arabic',
    dir: 'rtl',
    script: 'Arab',
    numberingSystem: 'latn',
    calendar: 'gregory',
  },
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALES;

export function isLocale(code: string): code is Locale {
  return Object.hasOwn(LOCALES, code);
}

export function localeInfo(code: Locale): LocaleInfo {
  return LOCALES[code];
}

/**
 * The tag `Intl` formatters get: the BCP 47 tag plus the registry's calendar and digits as
 * Unicode extensions (`fa-u-ca-gregory-nu-arabext`), so `fa` dates are Gregorian, not Solar Hijri.
 */
export function intlTag(code: Locale): string {
  const info: LocaleInfo = LOCALES[code];
  return `${info.lang}-u-ca-${info.calendar}-nu-${info.numberingSystem}`;
}

/** The plural categories a locale's counted strings need (`ar`: zero, one, two, few, many, other). */
export function pluralCategories(code: Locale): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(LOCALES[code].lang).resolvedOptions().pluralCategories;
}

/**
 * Picks the best published locale for a list of browser preferences (navigator.languages):
 * an exact tag first, then the same base language (`fr-FR` → `fr`, `zh-TW` → `zh-Hant`).
 */
export function matchLocale(preferred: readonly string[], published: readonly Locale[]): Locale | undefined {
  const lower = (s: string) => s.toLowerCase();
  for (const pref of preferred) {
    const p = lower(pref);
    const exact = published.find((l) => lower(l) === p || lower(LOCALES[l].lang) === p);
    if (exact) return exact;
    if (p.startsWith('zh')) {
      const traditional = /-(hant|tw|hk|mo)\b/.test(p);
      const zh = published.find((l) => l === (traditional ? 'zh-Hant' : 'zh-Hans'));
      if (zh) return zh;
      continue;
    }
    const base = p.split('-')[0];
    const sameBase = published.find((l) => lower(l).split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return undefined;
}
