/** Events of a locale split by the build date, and their iCalendar form. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { splitEntryId } from '../lib/content/entries.ts';
import { localizedEntries } from '../i18n/fallback.ts';
import { buildNow, splitEvents } from '../lib/content/time.ts';
import { eventsToIcs, type IcsEventInput } from '../lib/content/ics.ts';
import { useTranslations } from '../i18n/index.ts';
import { dynamicKey } from '../i18n/keys.ts';
import type { Locale } from '../i18n/locales.ts';
import { localizedPath } from '../i18n/routes.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES, site, text } from '../site.ts';

export type EventItem = CollectionEntry<'events'>;

/** The moment the site is built; every list of upcoming events uses this one value. */
export const BUILD_NOW = buildNow();

export async function eventsOf(locale: string) {
  // Every locale lists every event: its translation, or else the original (marked on its page).
  const list = localizedEntries(await getCollection('events'), locale as Locale, PUBLISHED_LOCALES, DEFAULT_LOCALE).map(
    ({ entry: e }) => ({ ...e.data, entry: e }),
  );
  const { upcoming, past } = splitEvents(list, BUILD_NOW, site.timeZone);
  return { upcoming: upcoming.map((e) => e.entry), past: past.map((e) => e.entry) };
}

export const eventSlug = (e: EventItem) => splitEntryId(e.id).slug;

export function icsInput(e: EventItem, locale: Locale): IcsEventInput {
  const t = useTranslations(locale);
  const p = e.data.place;
  return {
    id: `${locale}-${eventSlug(e)}`,
    title: e.data.title,
    description: e.data.sample ? `${e.data.description} (${t('content.sampleLabel')})` : e.data.description,
    start: e.data.start,
    end: e.data.end,
    location: [p.name, p.address].filter(Boolean).join(', '),
    url: new URL(localizedPath(locale, `events/${eventSlug(e)}/`), site.siteUrl).href,
    categories: e.data.categories.map((c) => t(dynamicKey('category.', c))),
  };
}

export function ics(events: readonly EventItem[], locale: Locale, calendarName?: string): string {
  return eventsToIcs(
    events.map((e) => icsInput(e, locale)),
    {
      timeZone: site.timeZone,
      host: new URL(site.siteUrl).host,
      calendarName: calendarName ?? text(site.shortName, locale),
    },
  );
}
