/** Fact-sheet entries by locale: the hand-written city sheets and the neighbourhood template. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesIn } from '../../lib/content/entries.ts';

export type FactSheetEntry = CollectionEntry<'factSheets'>;

export async function citySheets(locale: string): Promise<FactSheetEntry[]> {
  return entriesIn(await getCollection('factSheets'), locale)
    .filter((e) => e.data.scope === 'city')
    .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/** The template every neighbourhood sheet is generated from, in a locale (falls back to none). */
export async function areaTemplate(locale: string): Promise<FactSheetEntry | undefined> {
  return entriesIn(await getCollection('factSheets'), locale).find((e) => e.data.scope === 'area-template');
}
