/** Resources of a locale (newest first) and the labels of their facet values. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { listWithFallback } from '../i18n/fallback.ts';
import type { Facet } from '../lib/content/resources.ts';
import { useTranslations } from '../i18n/index.ts';
import { uiKey } from '../i18n/keys.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../site.ts';

export type ResourceEntry = CollectionEntry<'resources'>;

/**
 * The library a locale's route shows. The library is language-agnostic (each resource has a
 * language facet): a locale without resource entries of its own shows the default locale's,
 * written in `contentLocale`, so its page and filter pages exist like every other locale's.
 */
export async function resourceLibrary(
  locale: Locale,
): Promise<{ items: ResourceEntry[]; contentLocale: Locale; availableIn: Locale[] }> {
  const { entries, contentLocale, availableIn } = listWithFallback(
    await getCollection('resources'),
    locale,
    PUBLISHED_LOCALES,
    DEFAULT_LOCALE,
  );
  const items = entries.sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title));
  return { items, contentLocale, availableIn };
}

/** The reader-language label of a facet value. */
export function facetLabel(locale: Locale, facet: Facet, value: string): string {
  const t = useTranslations(locale);
  if (facet === 'type') return t(uiKey(`resource.type.${value}`));
  if (facet === 'topic') return t(uiKey(`resource.topic.${value}`));
  if (facet === 'language')
    return new Intl.DisplayNames([LOCALES[locale].lang], { type: 'language' }).of(value) ?? value;
  return value;
}
