/** iCalendar feed of every event in one locale (past ones too, so subscribed calendars keep them). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { ics } from '../../../loaders/events.ts';
import { localizedEntries } from '../../../i18n/fallback.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES, localeStaticPaths } from '../../../site.ts';
import type { Locale } from '../../../i18n/locales.ts';

export const getStaticPaths = localeStaticPaths;
export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  // The events whose pages this locale's route serves, untranslated ones in their original text.
  const events = localizedEntries(await getCollection('events'), locale, PUBLISHED_LOCALES, DEFAULT_LOCALE).map(
    (item) => item.entry,
  );
  return new Response(ics(events, locale), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
