/** One event as an iCalendar file. */
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { ics } from '../../../loaders/events.ts';
import { localizedEntryPaths } from '../../../loaders/localized.ts';
import type { Locale } from '../../../i18n/locales.ts';

// Wherever the event's page exists: every published locale, with the original text where untranslated.
export const getStaticPaths = () => localizedEntryPaths('events');

export const GET: APIRoute = ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'events'> };
  return new Response(ics([entry], locale), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
