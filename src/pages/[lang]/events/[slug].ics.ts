/** One event as an iCalendar file. */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ics } from '../../../loaders/events.ts';
import { withFallbacks } from '../../../i18n/fallback.ts';
import type { Locale } from '../../../i18n/locales.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../../../site.ts';

export async function getStaticPaths() {
  // Wherever the event's page exists: every published locale, with the original text where untranslated.
  return withFallbacks(await getCollection('events'), PUBLISHED_LOCALES, DEFAULT_LOCALE).map((item) => ({
    params: { lang: item.locale, slug: item.slug },
    props: { locale: item.locale, entry: item.entry },
  }));
}

export const GET: APIRoute = ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'events'> };
  return new Response(ics([entry], locale), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
