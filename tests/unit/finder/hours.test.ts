import { describe, expect, it } from 'vitest';
import { decodeSchedules, encodeSchedules, localTime, openState } from '../../../src/lib/finder/hours.ts';
import type { Schedule } from '../../../src/lib/schema/service.ts';

const TZ = 'America/Toronto';
// 2026-11-20 is a Friday. Toronto is UTC-5 in November.
const at = (local: string) => new Date(`${local}-05:00`);

describe('localTime', () => {
  it('reads the wall clock in the LIP time zone, not UTC', () => {
    expect(localTime(new Date('2026-11-21T03:30:00Z'), TZ)).toEqual({
      date: '2026-11-20',
      day: 'FR',
      minutes: 22 * 60 + 30,
    });
  });
});

describe('openState', () => {
  const weekdays: Schedule = { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' };

  it('is unknown without schedules, never closed', () => {
    expect(openState(undefined, at('2026-11-20T10:00:00'), TZ)).toBe('unknown');
    expect(openState([], at('2026-11-20T10:00:00'), TZ)).toBe('unknown');
  });

  it('opens at the opening minute and closes at the closing minute', () => {
    expect(openState([weekdays], at('2026-11-20T08:59:00'), TZ)).toBe('closed');
    expect(openState([weekdays], at('2026-11-20T09:00:00'), TZ)).toBe('open');
    expect(openState([weekdays], at('2026-11-20T16:59:00'), TZ)).toBe('open');
    expect(openState([weekdays], at('2026-11-20T17:00:00'), TZ)).toBe('closed');
    expect(openState([weekdays], at('2026-11-21T10:00:00'), TZ)).toBe('closed');
  });

  it('keeps an overnight opening open after midnight, on the next day', () => {
    const fridayNight: Schedule = { byDay: ['FR'], opensAt: '22:00', closesAt: '02:00' };
    expect(openState([fridayNight], at('2026-11-20T23:30:00'), TZ)).toBe('open');
    expect(openState([fridayNight], at('2026-11-21T01:59:00'), TZ)).toBe('open');
    expect(openState([fridayNight], at('2026-11-21T02:00:00'), TZ)).toBe('closed');
    // Thursday night is not listed, so early Friday morning is closed.
    expect(openState([fridayNight], at('2026-11-20T01:00:00'), TZ)).toBe('closed');
  });

  it('treats 00:00–24:00 and equal times as open all day', () => {
    expect(openState([{ byDay: ['FR'], opensAt: '00:00', closesAt: '24:00' }], at('2026-11-20T23:59:00'), TZ)).toBe(
      'open',
    );
    expect(openState([{ byDay: ['FR'], opensAt: '00:00', closesAt: '00:00' }], at('2026-11-20T03:00:00'), TZ)).toBe(
      'open',
    );
    expect(openState([{ byDay: ['SA'], opensAt: '00:00', closesAt: '24:00' }], at('2026-11-20T12:00:00'), TZ)).toBe(
      'closed',
    );
  });

  it('applies seasonal schedules only between their dates', () => {
    const summer: Schedule = {
      byDay: ['FR'],
      opensAt: '09:00',
      closesAt: '17:00',
      validFrom: '2026-06-01',
      validTo: '2026-08-31',
    };
    expect(openState([summer], at('2026-11-20T10:00:00'), TZ)).toBe('closed');
    expect(openState([summer], at('2026-08-28T10:00:00'), TZ)).toBe('open');
  });

  it('follows daylight saving time', () => {
    // 2026-07-03 is a Friday; Toronto is UTC-4 in July.
    expect(openState([weekdays], new Date('2026-07-03T13:00:00Z'), TZ)).toBe('open');
    expect(openState([weekdays], new Date('2026-07-03T12:59:00Z'), TZ)).toBe('closed');
  });
});

describe('schedule encoding', () => {
  it('round-trips', () => {
    const schedules: Schedule[] = [
      { byDay: ['MO', 'TU'], opensAt: '09:00', closesAt: '17:00' },
      { byDay: ['SA'], opensAt: '22:00', closesAt: '02:00', validFrom: '2026-01-01', validTo: '2026-03-31' },
    ];
    expect(decodeSchedules(encodeSchedules(schedules))).toEqual(schedules);
    expect(decodeSchedules('')).toEqual([]);
  });
});
