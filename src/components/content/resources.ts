/** Resources of a locale (newest first) and the labels of their facet values. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesIn } from '../../lib/content/entries.ts';
import type { Facet } from '../../lib/content/resources.ts';
import { useTranslations, type UIKey } from '../../i18n/index.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

export type ResourceEntry = CollectionEntry<'resources'>;

export async function resources(locale: string): Promise<ResourceEntry[]> {
  return entriesIn(await getCollection('resources'), locale).sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title));
}

/** The reader-language label of a facet value. */
export function facetLabel(locale: Locale, facet: Facet, value: string): string {
  const t = useTranslations(locale);
  if (facet === 'type') return t(`resource.type.${value}` as UIKey);
  if (facet === 'topic') return t(`resource.topic.${value}` as UIKey);
  if (facet === 'language') return new Intl.DisplayNames([LOCALES[locale].lang], { type: 'language' }).of(value) ?? value;
  return value;
}
