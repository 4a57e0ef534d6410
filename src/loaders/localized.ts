/**
 * getStaticPaths for a content collection whose entries each get a page in every published
 * locale: the translation where there is one, else the original under a notice (honest
 * fallbacks, src/i18n/fallback.ts). Each path's props are the `LocalizedEntry` for that route.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { withFallbacks, type LocalizedEntry } from '../i18n/fallback.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../site.ts';

export async function localizedEntryPaths<C extends CollectionKey>(
  collection: C,
  options: {
    /** Keeps only some entries (e.g. city fact sheets). */
    include?: (entry: CollectionEntry<C>) => boolean;
    /** The route's parameter for the slug: `slug` in `[slug].astro`, `page` in `[page].astro`. */
    param?: string;
  } = {},
): Promise<{ params: Record<string, string>; props: LocalizedEntry<CollectionEntry<C>> }[]> {
  const { include, param = 'slug' } = options;
  const entries = await getCollection(collection);
  return withFallbacks(entries, PUBLISHED_LOCALES, DEFAULT_LOCALE, include).map((item) => ({
    params: { lang: item.locale, [param]: item.slug },
    props: item,
  }));
}

/** The city fact sheets' routes (the page and its CSV): neighbourhood sheets have routes of their own. */
export const citySheetPaths = () =>
  localizedEntryPaths('factSheets', { include: (entry) => entry.data.scope === 'city' });
