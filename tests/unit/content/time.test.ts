import { describe, expect, it } from 'vitest';
import { buildNow, formatEventRange, splitEvents, zonedTimeToUtc } from '../../../src/lib/content/time.ts';

const TZ = 'America/Toronto';

describe('wall-clock times in the LIP time zone', () => {
  it('converts summer (EDT, UTC-4) and winter (EST, UTC-5) times', () => {
    expect(zonedTimeToUtc('2025-06-14T10:00', TZ).toISOString()).toBe('2025-06-14T14:00:00.000Z');
    expect(zonedTimeToUtc('2027-02-18T08:00', TZ).toISOString()).toBe('2027-02-18T13:00:00.000Z');
  });

  it('handles the days daylight saving time changes', () => {
    // 2025-03-09: clocks jump from 02:00 to 03:00; 2025-11-02: back from 02:00 to 01:00.
    expect(zonedTimeToUtc('2025-03-09T03:30', TZ).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(zonedTimeToUtc('2025-11-02T12:00', TZ).toISOString()).toBe('2025-11-02T17:00:00.000Z');
  });

  it('formats a range in the reader language', () => {
    expect(formatEventRange('en-CA', '2025-06-14T10:00', '2025-06-14T15:00', TZ)).toMatch(/June 14, 2025.*10:00.*3:00/);
  });
});

describe('upcoming and past events for a given "now"', () => {
  const events = [
    { id: 'a', start: '2025-06-14T10:00', end: '2025-06-14T15:00' },
    { id: 'b', start: '2025-07-01T09:00', end: '2025-07-01T10:00' },
    { id: 'c', start: '2025-05-01T09:00', end: '2025-05-01T10:00' },
  ];

  it('splits on the end time: soonest upcoming first, latest past first', () => {
    const { upcoming, past } = splitEvents(events, new Date('2025-06-01T00:00:00Z'), TZ);
    expect(upcoming.map((e) => e.id)).toEqual(['a', 'b']);
    expect(past.map((e) => e.id)).toEqual(['c']);
  });

  it('moves an event from upcoming to past once the build date passes its end (Toronto time)', () => {
    // 15:00 in Toronto on June 14 is 19:00 UTC.
    expect(splitEvents(events, new Date('2025-06-14T18:59:00Z'), TZ).upcoming.map((e) => e.id)).toContain('a');
    expect(splitEvents(events, new Date('2025-06-14T19:00:00Z'), TZ).past.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('takes "now" from BUILD_DATE when it is set', () => {
    expect(buildNow({ BUILD_DATE: '2030-01-01T00:00:00Z' }).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(Math.abs(buildNow({}).getTime() - Date.now())).toBeLessThan(5000);
  });
});
