/** Stories of a locale in booklet order, and their pairs. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesIn, splitEntryId } from '../../lib/content/entries.ts';
import { pairStories } from '../../lib/content/stories.ts';

export type StoryEntry = CollectionEntry<'stories'>;

export async function stories(locale: string): Promise<StoryEntry[]> {
  return entriesIn(await getCollection('stories'), locale).sort((a, b) => a.data.order - b.data.order);
}

export async function pairs(locale: string) {
  const list = await stories(locale);
  return pairStories(list.map((s) => ({ ...s.data, entry: s }))).map((p) => ({ id: p.id, shared: p.shared, stories: p.stories.map((s) => s.entry) as [StoryEntry, StoryEntry] }));
}

export const storySlug = (s: StoryEntry) => splitEntryId(s.id).slug;
