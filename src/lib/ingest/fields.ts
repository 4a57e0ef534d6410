/**
 * Small normalisers for source fields. Each returns the cleaned value or says why it cannot;
 * none of them invents a value. Callers turn the outcome into a report issue.
 */

import type { NumberFormat } from '../schema/config.ts';
import { getPath } from './field-path.ts';

/** A record's properties as read from GeoJSON, CSV or JSON. */
export type Props = Readonly<Record<string, unknown>>;

/** A field path (field-path.ts) or a list of alternatives (first non-empty wins). */
export type FieldRef = string | readonly string[];

/**
 * Only blank or invisible characters: spaces, format characters (zero-width space and joiners,
 * word joiner, soft hyphen, byte order mark, direction marks) and the blank "filler" letters.
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** Text of a scalar value, trimmed; undefined for null, empty, invisible-only, objects and arrays. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' || INVISIBLE_ONLY.test(t) ? undefined : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** The text of one field (a path such as `tags.phone`); undefined when absent or empty. */
export function fieldText(props: Props, path: string): string | undefined {
  return text(getPath(props, path));
}

/** The first non-empty value among the referenced fields, as text. */
export function readField(props: Props, ref: FieldRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  for (const name of typeof ref === 'string' ? [ref] : ref) {
    const v = fieldText(props, name);
    if (v !== undefined) return v;
  }
  return undefined;
}

export { slugify } from '../slug.ts';
import { slugify } from '../slug.ts';

export type Outcome<T> =
  { readonly ok: true; readonly value: T; readonly fixed?: string } | { readonly ok: false; readonly reason: string };

/**
 * A web address. `www.example.ca` (no scheme, as in the 2018 walk-in clinic list) is completed
 * to `https://www.example.ca` and flagged as fixed; any other scheme than http/https
 * (`javascript:`, `data:`, `ftp:`) is rejected because the value ends up in a link.
 */
export function normalizeUrl(raw: string): Outcome<string> {
  let value = raw.trim();
  let fixed: string | undefined;
  const hostLike = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (scheme === undefined || (hostLike.test(value) && !value.includes('://'))) {
    if (!hostLike.test(value)) return { ok: false, reason: `"${raw}" is not a web address` };
    fixed = `added "https://" to "${raw}"`;
    value = `https://${value}`;
  } else if (!/^https?$/i.test(scheme)) {
    return { ok: false, reason: `"${raw}" uses the scheme "${scheme}:"; only http and https links are allowed` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: `"${raw}" is not a valid URL` };
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) {
    return { ok: false, reason: `"${raw}" has no valid host name` };
  }
  return fixed === undefined ? { ok: true, value: url.href } : { ok: true, value: url.href, fixed };
}

/** An email address (a pragmatic check, matching what `z.email()` accepts). */
export function normalizeEmail(raw: string): Outcome<string> {
  const value = raw.trim().replace(/^mailto:/i, '');
  if (/^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/.test(value)) {
    return { ok: true, value };
  }
  return { ok: false, reason: `"${raw}" is not an email address` };
}

/**
 * One source field holding several phone numbers → the numbers. Sources separate them with an
 * HTML line break (`416-929-1900<br>416-921-2121`), a new line, `;` or `|`.
 */
export function splitPhones(raw: string): string[] {
  return raw
    .split(/<br\s*\/?>|[\r\n;|]+/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * A phone number. North American numbers become `416-555-0100` (with ` ext. 12` kept);
 * anything else is kept as published, since a wrong "fix" would make the number undiallable.
 */
export function normalizePhone(raw: string): string {
  const trimmed = raw.trim();
  const ext = /(?:ext\.?|x|extension)\s*(\d+)\s*$/i.exec(trimmed);
  const main = ext ? trimmed.slice(0, ext.index) : trimmed;
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10 || /[a-z]/i.test(main.replace(/ext|x/gi, ''))) return trimmed;
  const formatted = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return ext ? `${formatted} ext. ${ext[1]}` : formatted;
}

/** A Canadian postal code as `A1A 1A1`; undefined when the text is not one. */
export function normalizePostalCode(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  return /^[ABCEGHJ-NPRSTVXY]\d[A-Z]\d[A-Z]\d$/.test(compact)
    ? `${compact.slice(0, 3)} ${compact.slice(3)}`
    : undefined;
}

const MONTHS: Readonly<Record<string, string>> = {
  JAN: '01',
  FEB: '02',
  MAR: '03',
  APR: '04',
  MAY: '05',
  JUN: '06',
  JUL: '07',
  AUG: '08',
  SEP: '09',
  OCT: '10',
  NOV: '11',
  DEC: '12',
};

/**
 * A calendar date `YYYY-MM-DD` from the date formats seen in open data: ISO (`2022-05-03`,
 * `2022-05-03T10:00:00Z`), compact (`20220428132137`, `20220428`) and SAS-style (`03MAY22`).
 */
export function parseDate(raw: string): string | undefined {
  const t = raw.trim();
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{4})(\d{2})(\d{2})(?:\d{2,6})?$/.exec(t))) [, y, m, d] = match;
  else if ((match = /^(\d{2})([A-Za-z]{3})(\d{2})$/.exec(t))) {
    const month = MONTHS[(match[2] ?? '').toUpperCase()];
    if (month !== undefined) [y, m, d] = [`20${match[3]}`, month, match[1]];
  }
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  // Reject 2022-02-30 and the like: Date rolls them over instead of failing.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return undefined;
  return `${y}-${m}-${d}`;
}

/** Y/N, yes/no, true/false, 1/0 (any case); undefined for anything else. */
export function parseBoolean(raw: string): boolean | undefined {
  const t = raw.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'oui', 'o'].includes(t)) return true;
  if (['n', 'no', 'false', '0', 'non'].includes(t)) return false;
  return undefined;
}

/** Spaces that group thousands in French (`1 200`, with a normal, no-break or narrow no-break space). */
const SPACE_GROUP = /(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g;

/**
 * A count or amount written in `format` (see {@link NumberFormat}): digits, optional decimals,
 * thousands grouped the format's way. A value in another convention is refused, never
 * misread: with the default `1,234.5`, "1,5" is not a number and "1.200" is 1.2 (so not a
 * count); {@link numberHint} tells the user which format the value looks like.
 */
export function parseNumber(raw: string, format: NumberFormat = '1,234.5'): number | undefined {
  let t = raw.trim();
  if (format === '1,234.5') t = t.replace(/,(?=\d{3}(?:\D|$))/g, '').replace(SPACE_GROUP, '');
  else {
    t = format === '1 234,5' ? t.replace(SPACE_GROUP, '') : t.replace(/\.(?=\d{3}(?:\D|$))/g, '');
    if (t.includes('.')) return undefined;
    t = t.replace(',', '.');
  }
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Why a number may have been refused: a hint naming the `numberFormat` it looks like, or ''. */
export function numberHint(raw: string, format: NumberFormat = '1,234.5'): string {
  const t = raw.trim();
  if (format !== '1.234,5' && /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t))
    return ` (if "." groups thousands in this file, declare numberFormat: '1.234,5')`;
  if (format === '1,234.5' && /^\d+(?:[ \u00a0\u202f]\d{3})*,\d+$/.test(t))
    return ` (if "," is the decimal comma in this file, declare numberFormat: '1 234,5')`;
  return '';
}

/** A count: a whole number, 0 or more; a decimal is refused, not rounded. */
export function parseCount(raw: string, format: NumberFormat = '1,234.5'): number | undefined {
  const n = parseNumber(raw, format);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Splits a list cell on `;`, `,` or `|`. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Name normalised for comparison: accents, punctuation, case and filler words removed. */
export function comparableName(name: string): string {
  return slugify(name)
    .split('-')
    .filter((w) => w !== '' && !['the', 'of', 'and', 'inc', 'ltd', 'la', 'le', 'de', 'des', 'du'].includes(w))
    .join(' ');
}

/** Street address normalised for comparison: number + street words, common suffixes shortened. */
export function comparableAddress(line1: string): string {
  const ABBR: Readonly<Record<string, string>> = {
    street: 'st',
    avenue: 'ave',
    av: 'ave',
    road: 'rd',
    boulevard: 'blvd',
    drive: 'dr',
    crescent: 'cres',
    court: 'crt',
    place: 'pl',
    square: 'sq',
    parkway: 'pkwy',
    east: 'e',
    west: 'w',
    north: 'n',
    south: 's',
    lane: 'ln',
    terrace: 'terr',
    circle: 'cir',
    trail: 'trl',
    gate: 'gt',
    heights: 'hts',
  };
  // Only the part before the first comma: later parts are unit, city, province, postal code.
  const first = line1.split(',')[0] ?? '';
  return slugify(first)
    .split('-')
    .filter((w) => w !== '')
    .map((w) => ABBR[w] ?? w)
    .join(' ');
}
