/**
 * The locale registry: the one place that knows every language the portal can speak.
 * Astro's i18n routing, `<html lang dir>`, hreflang alternates, the language switcher,
 * Pagefind's per-language index and number/date formatting all derive from it.
 * Which of these a LIP actually publishes is configuration (`locales` in data/site.config.ts).
 */
export interface LocaleInfo {
  /** BCP 47 tag used for `lang`, `Intl` formatting and hreflang. */
  readonly lang: string;
  /** The language's own name, shown in the language switcher. */
  readonly label: string;
  /** Writing direction of the script. */
  readonly dir: 'ltr' | 'rtl';
}

export const LOCALES = {
  en: { lang: 'en-CA', label: 'English', dir: 'ltr' },
  fr: { lang: 'fr-CA', label: 'Français', dir: 'ltr' },
  'zh-Hans': { lang: 'zh-Hans', label: '简体中文', dir: 'ltr' },
  'zh-Hant': { lang: 'zh-Hant', label: '繁體中文', dir: 'ltr' },
  es: { lang: 'es', label: 'Español', dir: 'ltr' },
  pt: { lang: 'pt', label: 'Português', dir: 'ltr' },
  tl: { lang: 'tl', label: 'Tagalog', dir: 'ltr' },
  ta: { lang: 'ta', label: 'தமிழ்', dir: 'ltr' },
  fa: { lang: 'fa', label: 'فارسی', dir: 'rtl' },
  ar: { lang: 'ar', label: 'العربية', dir: 'rtl' },
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALES;

export function isLocale(code: string): code is Locale {
  return Object.hasOwn(LOCALES, code);
}

export function localeInfo(code: Locale): LocaleInfo {
  return LOCALES[code];
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
