/**
 * How current a service record is: the "last verified" line and its warning.
 *
 * The date used is, in order, the record's `assuredDate` (someone checked it), its
 * `lastModified` (the source changed it), or the source extract's `dataDate`; the result says
 * which, so the page can word it honestly. A `dataDate` given as a year or a month counts from
 * the end of that period, so a record is never called stale earlier than it can be.
 */
import type { Service } from '../schema/service.ts';

export type FreshnessBasis = 'assured' | 'modified' | 'source';

export type Freshness =
  | {
      basis: FreshnessBasis;
      /** The date as recorded: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
      date: string;
      /** Whole days from the date to `now`. */
      ageDays: number;
      /** True when older than `staleAfterDays`. */
      stale: boolean;
    }
  | { basis: 'none'; stale: false };

const DAY = 86_400_000;

/** Last instant (UTC noon of the last day) of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period; undefined if not a date. */
export function periodEnd(date: string): Date | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), 12));
  if (m[2]) return new Date(Date.UTC(year, Number(m[2]), 0, 12));
  return new Date(Date.UTC(year, 11, 31, 12));
}

export function freshness(
  service: Pick<Service, 'assuredDate' | 'lastModified' | 'source'>,
  now: Date,
  staleAfterDays: number,
): Freshness {
  const candidates: [FreshnessBasis, string | undefined][] = [
    ['assured', service.assuredDate],
    ['modified', service.lastModified],
    ['source', service.source.dataDate],
  ];
  for (const [basis, date] of candidates) {
    const end = date ? periodEnd(date) : undefined;
    if (!date || !end) continue;
    const ageDays = Math.max(0, Math.floor((now.getTime() - end.getTime()) / DAY));
    return { basis, date, ageDays, stale: ageDays > staleAfterDays };
  }
  return { basis: 'none', stale: false };
}

/**
 * A recorded date in words: a full date, a month (`April 2018`) or a year. `lang` is the
 * registry's `Intl` tag (`intlTag(locale)`), so `fa` gets Gregorian dates with Persian digits.
 */
export function formatPartialDate(lang: string, date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const at = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12));
  const options: Intl.DateTimeFormatOptions = m[3]
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : m[2]
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(at);
}
