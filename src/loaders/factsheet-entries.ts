/** Fact-sheet entries by locale: the hand-written city sheets and the neighbourhood template. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesIn } from '../lib/content/entries.ts';
import type { Locale } from '../i18n/locales.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../site.ts';

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

/**
 * The neighbourhood template for a locale's route: its own, else the default locale's (then any
 * published one), so every locale has every neighbourhood sheet; the untranslated template
 * text is shown under the notice in its own language (`contentLocale`).
 */
export async function areaTemplateFor(
  locale: Locale,
): Promise<{ template: FactSheetEntry; contentLocale: Locale } | undefined> {
  for (const l of [locale, DEFAULT_LOCALE, ...PUBLISHED_LOCALES]) {
    const template = await areaTemplate(l);
    if (template) return { template, contentLocale: l };
  }
  return undefined;
}
