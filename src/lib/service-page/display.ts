/**
 * Display helpers for the service page: address lines, language names, source attributes and
 * opening hours in words. Pure; translation is passed in, so the rules are unit-tested.
 */
import type { Address, DayCode, Schedule } from '../schema/service.ts';

/**
 * Address lines for display, without repeating a city or postal code the first line already has;
 * no lines when the source gives no address (the page then says so).
 */
export function addressLines(a: Address): string[] {
  // Whole words only ("ON" is not in "Bonis"); postal codes with or without their space.
  const words = (s: string) =>
    ` ${s
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
  const first = words(a.line1 ?? '');
  const has = (part: string) => first.includes(words(part));
  const hasPostal = (code: string) => first.replace(/ /g, '').includes(code.replace(/ /g, ''));
  const cityLine = [
    [a.city, a.province].filter((p): p is string => p !== undefined && !has(p)).join(', '),
    a.postalCode && !hasPostal(a.postalCode) ? a.postalCode : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [a.line1 ?? '', a.line2 ?? '', cityLine].filter(Boolean);
}

/** One line of an address (for labels and JSON). */
export function addressText(a: Address): string {
  return addressLines(a).join(', ');
}

/** A language's name in the reader's language (`fr` → "French" / "français"); the code when unknown. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface AttributeRow {
  key: string;
  label: string;
  value: string;
}

export interface AttributeText {
  /** Translation if the key exists, else undefined. */
  lookup: (key: string) => string | undefined;
  yes: string;
  no: string;
  formatNumber: (n: number) => string;
}

/** Normalises a source value into the last segment of a UI key: `Non Profit Agency` → `non_profit_agency`. */
export function valueKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Attribute rows in the source's order: label `attribute.<key>` (the key itself when there is
 * no label), booleans as yes/no, numbers formatted, coded strings through
 * `attribute.<key>.<value>` when such a label exists, other strings as published.
 */
export function attributeRows(
  attributes: Record<string, string | number | boolean> | undefined,
  text: AttributeText,
): AttributeRow[] {
  return Object.entries(attributes ?? {}).map(([key, raw]) => {
    const label = text.lookup(`attribute.${key}`) ?? key;
    let value: string;
    if (typeof raw === 'boolean') value = raw ? text.yes : text.no;
    else if (typeof raw === 'number') value = text.formatNumber(raw);
    else value = text.lookup(`attribute.${key}.${valueKey(raw)}`) ?? raw;
    return { key, label, value };
  });
}

const WEEK: readonly DayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Weekday names in a language, Monday first (2024-01-01 was a Monday). */
export function dayName(day: DayCode, lang: string): string {
  const i = WEEK.indexOf(day);
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + i, 12)),
  );
}

/** `HH:MM` as a clock time in a language (`9:00 a.m.`, `9 h`); 24:00 is midnight. */
export function clockText(clock: string, lang: string): string {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, h % 24, m)),
  );
}

/** Days as runs of consecutive weekdays: `[['MO','FR'], ['SU','SU']]`. */
export function dayRuns(days: readonly DayCode[]): [DayCode, DayCode][] {
  const sorted = WEEK.filter((d) => days.includes(d));
  const runs: [DayCode, DayCode][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && WEEK.indexOf(d) === WEEK.indexOf(last[1]) + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

export type HoursKind = 'allDay' | 'overnight' | 'range';

export interface HoursRow {
  /** Days in words: "Monday to Friday", "Saturday, Sunday". */
  days: string;
  kind: HoursKind;
  /** Opening and closing times in words (empty for all day). */
  opens: string;
  closes: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

export interface HoursText {
  /** The registry's `Intl` tag (`intlTag(locale)`) for day and time names: calendar and digits included. */
  lang: string;
  /** "{{from}} to {{to}}" for a run of three or more days. */
  dayRange: (from: string, to: string) => string;
}

/** Schedules in words; `closesAt` before `opensAt` is an overnight opening that ends the next day. */
export function hoursRows(schedules: readonly Schedule[], text: HoursText): HoursRow[] {
  const list = new Intl.ListFormat(text.lang, { style: 'long', type: 'conjunction' });
  return schedules.map((s) => {
    const parts = dayRuns(s.byDay).flatMap(([a, b]) => {
      const span = WEEK.indexOf(b) - WEEK.indexOf(a);
      if (span === 0) return [dayName(a, text.lang)];
      if (span === 1) return [dayName(a, text.lang), dayName(b, text.lang)];
      return [text.dayRange(dayName(a, text.lang), dayName(b, text.lang))];
    });
    const allDay = s.opensAt === s.closesAt || (s.opensAt === '00:00' && s.closesAt === '24:00');
    const kind: HoursKind = allDay ? 'allDay' : s.closesAt < s.opensAt ? 'overnight' : 'range';
    return {
      days: list.format(parts),
      kind,
      opens: allDay ? '' : clockText(s.opensAt, text.lang),
      closes: allDay ? '' : clockText(s.closesAt, text.lang),
      ...(s.validFrom ? { validFrom: s.validFrom } : {}),
      ...(s.validTo ? { validTo: s.validTo } : {}),
      ...(s.description ? { note: s.description } : {}),
    };
  });
}
