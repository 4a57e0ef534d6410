/** Fact-sheet entries by locale: the hand-written city sheets and the neighbourhood template. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesIn } from '../lib/content/entries.ts';
import { areaSlug } from '../lib/slug.ts';
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

/**
 * The routes of the neighbourhood sheets (the page and its CSV): every area in every published
 * locale; without its own template a locale's sheet shows the default locale's text under a notice.
 */
export async function areaSheetPaths() {
  const areas = (await getCollection('areas')).map((e) => e.data);
  const paths = [];
  for (const locale of PUBLISHED_LOCALES) {
    if (!(await areaTemplateFor(locale))) continue;
    for (const area of areas)
      paths.push({ params: { lang: locale, area: areaSlug(area) }, props: { locale, areaId: area.id } });
  }
  return paths;
}
