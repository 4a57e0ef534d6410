/** E-update editions of a locale, newest first, and their feed. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { splitEntryId } from '../lib/content/entries.ts';
import { localizedEntries } from '../i18n/fallback.ts';
import { buildFeed } from '../lib/content/feeds.ts';
import { useTranslations } from '../i18n/index.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { localizedPath } from '../i18n/routes.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES, site, text } from '../site.ts';

export type Edition = CollectionEntry<'eUpdates'>;

export async function editions(locale: string): Promise<Edition[]> {
  // Every locale lists every edition: its translation, or else the original (marked on its page).
  return localizedEntries(await getCollection('eUpdates'), locale as Locale, PUBLISHED_LOCALES, DEFAULT_LOCALE)
    .map((item) => item.entry)
    .sort((a, b) => b.data.date.localeCompare(a.data.date));
}

export const editionSlug = (e: Edition) => splitEntryId(e.id).slug;

export async function editionFeed(locale: Locale) {
  const t = useTranslations(locale);
  const abs = (p: string) => new URL(localizedPath(locale, p), site.siteUrl).href;
  return buildFeed({
    title: `${text(site.shortName, locale)} – ${t('eUpdate.title')}`,
    description: t('eUpdate.description', { lip: text(site.name, locale) }),
    link: abs('e-updates/'),
    language: LOCALES[locale].lang,
    rssUrl: abs('e-updates/rss.xml'),
    atomUrl: abs('e-updates/atom.xml'),
    copyright: text(site.name, locale),
    items: (await editions(locale)).map((e) => ({
      title: e.data.title,
      url: abs(`e-updates/${editionSlug(e)}/`),
      date: e.data.date,
      description: e.data.description,
    })),
  });
}
