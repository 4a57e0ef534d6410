/**
 * iCalendar (RFC 5545) for events, generated with the `ics` library. Times are written in UTC
 * (`…Z`), converted from the LIP's wall-clock times, so every calendar shows them correctly
 * without a VTIMEZONE block.
 */
import { createEvents, type EventAttributes } from 'ics';
import { zonedTimeToUtc } from './time.ts';

export interface IcsEventInput {
  /** Stable id, unique within the site (locale/slug). */
  id: string;
  title: string;
  description: string;
  start: string;
  end: string;
  location?: string;
  /** Absolute URL of the event page. */
  url: string;
  organizer?: string;
  categories?: string[];
}

export interface IcsOptions {
  timeZone: string;
  /** Host of the site, used to make UIDs globally unique. */
  host: string;
  /** Calendar name for feeds. */
  calendarName?: string;
}

function attributes(e: IcsEventInput, options: IcsOptions): EventAttributes {
  return {
    uid: `${e.id.replace(/[^A-Za-z0-9-]/g, '-')}@${options.host}`,
    title: e.title,
    description: e.description,
    start: zonedTimeToUtc(e.start, options.timeZone).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: zonedTimeToUtc(e.end, options.timeZone).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: e.url,
    ...(e.location ? { location: e.location } : {}),
    ...(e.categories && e.categories.length > 0 ? { categories: e.categories } : {}),
    productId: `-//${options.host}//events//EN`,
  };
}

/** One VCALENDAR holding the given events (a single event's download, or the feed). */
export function eventsToIcs(events: readonly IcsEventInput[], options: IcsOptions): string {
  const header = {
    productId: `-//${options.host}//events//EN`,
    ...(options.calendarName ? { calName: options.calendarName } : {}),
  };
  if (events.length === 0) {
    // The library refuses an empty list; an empty calendar is still a valid feed.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${header.productId}`,
      'CALSCALE:GREGORIAN',
      ...(options.calendarName ? [`X-WR-CALNAME:${options.calendarName}`] : []),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(
    events.map((e) => attributes(e, options)),
    header,
  );
  if (error || !value) throw new Error(`iCalendar generation failed: ${error?.message ?? 'no output'}`);
  return value;
}
