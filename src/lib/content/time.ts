/**
 * Event times. Authors write wall-clock times in the LIP's time zone (`2025-06-12T18:00`);
 * these helpers turn them into instants and split events into upcoming and past for a given
 * "now" (the build time in production, an injected date in the tests).
 */

/** Offset of `timeZone` from UTC at `instant`, in minutes (Toronto in summer: -240). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `local` (`YYYY-MM-DDTHH:MM`).
 * In the hour skipped by a spring-forward change the later offset is used.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`expected YYYY-MM-DDTHH:MM, got "${local}"`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle the offset on either side of a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

export interface TimedEvent {
  start: string;
  end: string;
}

/**
 * Upcoming events (not yet ended at `now`, soonest first) and past events (ended, latest
 * first). An event under way is upcoming: readers can still join it.
 */
export function splitEvents<T extends TimedEvent>(
  events: readonly T[],
  now: Date,
  timeZone: string,
): { upcoming: T[]; past: T[] } {
  const withTimes = events.map((e) => ({
    e,
    start: zonedTimeToUtc(e.start, timeZone).getTime(),
    end: zonedTimeToUtc(e.end, timeZone).getTime(),
  }));
  const upcoming = withTimes.filter((x) => x.end > now.getTime()).sort((a, b) => a.start - b.start);
  const past = withTimes.filter((x) => x.end <= now.getTime()).sort((a, b) => b.start - a.start);
  return { upcoming: upcoming.map((x) => x.e), past: past.map((x) => x.e) };
}

/**
 * The build's "now". `BUILD_DATE` (ISO) fixes it for reproducible builds and tests; otherwise
 * the real clock when the site is built.
 */
export function buildNow(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env['BUILD_DATE'];
  if (fixed) {
    const d = new Date(fixed);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** "Thursday, June 12, 2025, 6:00 – 8:00 p.m." in the reader's language, in the LIP's time zone. */
export function formatEventRange(lang: string, start: string, end: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return format.formatRange(zonedTimeToUtc(start, timeZone), zonedTimeToUtc(end, timeZone));
}
