/**
 * "Open now" from HSDS-style schedules, in the LIP's time zone.
 *
 * The schedules are already structured (days, opens, closes), so no opening-hours parser is
 * needed; what matters is the edge cases users report as bugs in other finders:
 * - overnight hours: `closesAt` earlier than `opensAt` closes the next day (22:00–02:00);
 * - 24-hour service: 00:00–24:00, or the same opening and closing time;
 * - seasonal schedules: `validFrom`/`validTo` (inclusive) apply to the day an opening starts;
 * - no schedule at all is "unknown", never "closed".
 */
import type { DayCode, Schedule } from '../schema/service.ts';

export type OpenState = 'open' | 'closed' | 'unknown';

const DAYS: readonly DayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface LocalTime {
  /** Local calendar date `YYYY-MM-DD`. */
  date: string;
  /** Day of week. */
  day: DayCode;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock date, weekday and minutes in a time zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  // The weekday of a calendar date does not depend on the zone: compute it at UTC noon.
  const day = DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'MO';
  return { date, day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function toMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function validOn(schedule: Schedule, date: string): boolean {
  return (!schedule.validFrom || schedule.validFrom <= date) && (!schedule.validTo || date <= schedule.validTo);
}

/** Whether a schedule list says the service is open at an instant. */
export function openState(schedules: readonly Schedule[] | undefined, at: Date, timeZone: string): OpenState {
  if (!schedules || schedules.length === 0) return 'unknown';
  const now = localTime(at, timeZone);
  const yesterdayDate = previousDate(now.date);
  const yesterday = DAYS[(DAYS.indexOf(now.day) + 6) % 7] ?? 'SU';
  for (const s of schedules) {
    const opens = toMinutes(s.opensAt);
    const closes = toMinutes(s.closesAt);
    const allDay = opens === closes || (opens === 0 && closes === 1440);
    const overnight = !allDay && closes < opens;
    if (s.byDay.includes(now.day) && validOn(s, now.date)) {
      if (allDay) return 'open';
      if (overnight ? now.minutes >= opens : now.minutes >= opens && now.minutes < closes) return 'open';
    }
    // Yesterday's overnight opening still running after midnight.
    if (overnight && s.byDay.includes(yesterday) && validOn(s, yesterdayDate) && now.minutes < closes) return 'open';
  }
  return 'closed';
}

/** Compact text form of schedules for the finder index: `MO,TU 09:00-17:00;SA 22:00-02:00`. */
export function encodeSchedules(schedules: readonly Schedule[]): string {
  return schedules
    .map((s) => {
      const range = [s.validFrom ?? '', s.validTo ?? ''].join('/');
      return `${s.byDay.join(',')} ${s.opensAt}-${s.closesAt}${range === '/' ? '' : ` ${range}`}`;
    })
    .join(';');
}

/** Inverse of {@link encodeSchedules}. */
export function decodeSchedules(text: string): Schedule[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const [days = '', times = '', range = ''] = part.split(' ');
    const [opensAt = '00:00', closesAt = '24:00'] = times.split('-');
    const [validFrom = '', validTo = ''] = range.split('/');
    return {
      byDay: days.split(',') as DayCode[],
      opensAt,
      closesAt,
      ...(validFrom ? { validFrom } : {}),
      ...(validTo ? { validTo } : {}),
    };
  });
}
