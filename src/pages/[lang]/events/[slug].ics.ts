/** One event as an iCalendar file. */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ics } from '../../../components/events/data.ts';
import { splitEntryId } from '../../../lib/content/entries.ts';
import { isLocale, type Locale } from '../../../i18n/locales.ts';
import { PUBLISHED_LOCALES } from '../../../site.ts';

export async function getStaticPaths() {
  return (await getCollection('events')).flatMap((entry) => {
    const { locale, slug } = splitEntryId(entry.id);
    if (!isLocale(locale) || !PUBLISHED_LOCALES.includes(locale)) return [];
    return [{ params: { lang: locale, slug }, props: { locale, entry } }];
  });
}

export const GET: APIRoute = ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'events'> };
  return new Response(ics([entry], locale), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
