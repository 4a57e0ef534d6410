/** iCalendar feed of every event in one locale (past ones too, so subscribed calendars keep them). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { ics } from '../../../components/events/data.ts';
import { entriesIn } from '../../../lib/content/entries.ts';
import { localeStaticPaths } from '../../../site.ts';
import type { Locale } from '../../../i18n/locales.ts';

export const getStaticPaths = localeStaticPaths;
export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  const events = entriesIn(await getCollection('events'), locale);
  return new Response(ics(events, locale), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
