/** Stories of a locale in booklet order, and their pairs. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { splitEntryId } from '../lib/content/entries.ts';
import { pairStories } from '../lib/content/stories.ts';
import { listWithFallback, localizedEntries } from '../i18n/fallback.ts';
import type { Locale } from '../i18n/locales.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../site.ts';

export type StoryEntry = CollectionEntry<'stories'>;

export async function stories(locale: string): Promise<StoryEntry[]> {
  // Every locale lists every story: its translation, or else the original (marked on its page).
  return localizedEntries(await getCollection('stories'), locale as Locale, PUBLISHED_LOCALES, DEFAULT_LOCALE)
    .map((item) => item.entry)
    .sort((a, b) => a.data.order - b.data.order);
}

export async function pairs(locale: string) {
  const list = await stories(locale);
  return pairStories(list.map((s) => ({ ...s.data, entry: s }))).map((p) => ({
    id: p.id,
    shared: p.shared,
    stories: p.stories.map((s) => s.entry) as [StoryEntry, StoryEntry],
  }));
}

/**
 * The pairs a locale's poster pages show: the locale's own, or the default locale's when it has
 * no stories of its own (the story pages fall back the same way), in `contentLocale`.
 * `availableIn` lists the locales with stories of their own.
 */
export async function pairsWithFallback(locale: Locale) {
  const { contentLocale, availableIn } = listWithFallback(
    await getCollection('stories'),
    locale,
    PUBLISHED_LOCALES,
    DEFAULT_LOCALE,
  );
  return { pairs: await pairs(contentLocale), contentLocale, availableIn };
}

export const storySlug = (s: StoryEntry) => splitEntryId(s.id).slug;
