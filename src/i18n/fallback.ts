/**
 * Honest fallbacks for translated content. Every page exists in every published locale's
 * route; where its text has not been translated yet, the route serves the original text,
 * marked with its own `lang`, under a notice (`<NotTranslated>`), never silently.
 *
 * Content entries are stored as `<locale>/<slug>` (Astro content ids from
 * `content/<collection>/<locale>/<slug>.md`).
 */
import type { Locale } from './locales.ts';
import { entry } from '../lib/lookup.ts';

export interface LocalizedEntry<E> {
  /** The route's locale (the reader's language). */
  locale: Locale;
  slug: string;
  /** The entry shown: the translation when there is one, else the original. */
  entry: E;
  /** The language the entry is written in; differs from `locale` on a fallback page. */
  contentLocale: Locale;
  /** Locales the slug is translated into, in published order. */
  availableIn: Locale[];
}

function split(id: string): { locale: string; slug: string } {
  const i = id.indexOf('/');
  return i < 0 ? { locale: '', slug: id } : { locale: id.slice(0, i), slug: id.slice(i + 1) };
}

/**
 * The locale of a content id. Astro's glob loader lower-cases ids (`zh-hans/how-to-use`), so the
 * folder is matched to the registry's code without regard to case.
 */
export function entryLocale<L extends string>(id: string, locales: readonly L[]): L | undefined {
  const folder = split(id).locale.toLowerCase();
  return locales.find((l) => l.toLowerCase() === folder);
}

/**
 * One item per published locale and slug. The original for a fallback is the default locale's
 * text if it exists, then English, then the first published locale that has it.
 * `include` filters entries (e.g. only city fact sheets) before pairing.
 */
export function withFallbacks<E extends { id: string }>(
  entries: readonly E[],
  published: readonly Locale[],
  defaultLocale: Locale,
  include: (entry: E) => boolean = () => true,
): LocalizedEntry<E>[] {
  const bySlug = new Map<string, Map<string, E>>();
  for (const entry of entries) {
    if (!include(entry)) continue;
    const { locale: folder, slug } = split(entry.id);
    const locale = entryLocale(entry.id, published) ?? folder;
    if (!slug) continue;
    const forSlug = bySlug.get(slug) ?? new Map<string, E>();
    forSlug.set(locale, entry);
    bySlug.set(slug, forSlug);
  }
  const out: LocalizedEntry<E>[] = [];
  for (const [slug, byLocale] of bySlug) {
    const availableIn = published.filter((l) => byLocale.has(l));
    const [first] = availableIn;
    if (first === undefined) continue;
    const original =
      [defaultLocale, 'en' as Locale, ...availableIn].find((l) => byLocale.has(l) && published.includes(l)) ?? first;
    for (const locale of published) {
      const own = byLocale.get(locale);
      const contentLocale = own ? locale : original;
      out.push({ locale, slug, entry: own ?? entry(byLocale, original, 'locale'), contentLocale, availableIn });
    }
  }
  return out;
}

/** The items one locale's route shows: per slug, its translation or else the original (as `withFallbacks`). */
export function localizedEntries<E extends { id: string }>(
  entries: readonly E[],
  locale: Locale,
  published: readonly Locale[],
  defaultLocale: Locale,
  include: (entry: E) => boolean = () => true,
): LocalizedEntry<E>[] {
  return withFallbacks(entries, published, defaultLocale, include).filter((item) => item.locale === locale);
}

/**
 * A whole list for one locale's route (e.g. the resources library, whose items each carry their
 * own language facet): the locale's own entries, or, when it has none, the default locale's
 * (then English, then the first published locale that has any). `availableIn` lists the locales
 * with entries of their own.
 */
export function listWithFallback<E extends { id: string }>(
  entries: readonly E[],
  locale: Locale,
  published: readonly Locale[],
  defaultLocale: Locale,
): { entries: E[]; contentLocale: Locale; availableIn: Locale[] } {
  const of = (l: Locale) => entries.filter((e) => entryLocale(e.id, published) === l);
  const availableIn = published.filter((l) => of(l).length > 0);
  const contentLocale = availableIn.includes(locale)
    ? locale
    : ([defaultLocale, 'en' as Locale, ...availableIn].find((l) => availableIn.includes(l)) ?? locale);
  return { entries: of(contentLocale), contentLocale, availableIn };
}

/**
 * An author's link to this site in the original's language (`https://lip.example/en/events/`),
 * pointed at the same page in the reader's locale on a fallback page, since every page exists
 * in every published locale's route. Other links are returned unchanged.
 */
export function localizeSiteUrl(url: string, siteUrl: string, from: Locale, to: Locale): string {
  if (from === to) return url;
  let target: URL;
  try {
    target = new URL(url, siteUrl);
  } catch {
    return url;
  }
  if (target.origin !== new URL(siteUrl).origin) return url;
  const prefix = `/${from}/`;
  if (target.pathname.toLowerCase().startsWith(prefix.toLowerCase())) {
    target.pathname = `/${to}/${target.pathname.slice(prefix.length)}`;
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? target.href : `${target.pathname}${target.search}${target.hash}`;
  }
  return url;
}

/** Review state of a text: an original, a reviewed translation, or a draft translation. */
export type ReviewStatus = 'original' | 'reviewed' | 'draft';

/** Canada's official languages: the site's texts are written in them, so they are originals. */
const ORIGINAL_LOCALES: readonly string[] = ['en', 'fr'];

/**
 * A text's review state from its front matter (`translationStatus`, `reviewedBy`, see
 * src/lib/schema/translation.ts). A translation is a draft until a reviewer is recorded.
 * Without front matter, English and French texts are originals and any other is a draft.
 */
export function reviewStatus(
  data: { translationStatus?: string | undefined; reviewedBy?: string | undefined },
  locale: string,
): ReviewStatus {
  if (data.reviewedBy && data.reviewedBy.trim() !== '') return 'reviewed';
  if (data.translationStatus === 'original') return 'original';
  if (data.translationStatus === undefined && ORIGINAL_LOCALES.includes(locale)) return 'original';
  return 'draft';
}
