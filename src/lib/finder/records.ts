/**
 * The finder's search index: one compact row per service location, built at build time from the
 * published services and downloaded once by the finder page (`/data/finder.json`). Compact
 * because a newcomer's phone pays for every byte: categories and audiences are bit masks,
 * coordinates are integers of 1e-5 degrees (about 1 m), absent facts are empty, never guessed.
 */
import { CATEGORIES, type CategoryId } from '../categories.ts';
import { AUDIENCES } from '../audiences.ts';
import type { Schedule, Service } from '../schema/service.ts';
import { decodeSchedules, encodeSchedules } from './hours.ts';
import { serviceSlug } from '../slug.ts';

/** Flags bit 0: free; bit 1: cost known; bit 2: French-language service; bit 3: francophone known. */
const FREE = 1;
const COST_KNOWN = 2;
const FRANCOPHONE = 4;
const FRANCOPHONE_KNOWN = 8;

/** [id, name, organization, categories, lon, lat, flags, languages, audiences, schedules, areaId, description, address, phone, sub-types] */
export type FinderRow = [
  string,
  string,
  string,
  number,
  number,
  number,
  number,
  string,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
];

export interface FinderIndex {
  /** Format version. */
  v: 1;
  /** Bit i of a row's category mask is CATEGORIES[i]. */
  categories: readonly string[];
  /** Bit i of a row's audience mask is AUDIENCES[i]. */
  audiences: readonly string[];
  rows: FinderRow[];
}

/** A decoded finder record, as the client works with it. */
export interface FinderRecord {
  slug: string;
  name: string;
  organization: string;
  description: string;
  categories: CategoryId[];
  /** Sub-type ids from the rule table (e.g. `primary_care_walk_in_clinic`). */
  subtypes: string[];
  lon: number;
  lat: number;
  /** undefined = cost not known. */
  free?: boolean;
  /** undefined = not known. */
  francophone?: boolean;
  /** ISO 639 codes; empty = not known. */
  languages: string[];
  /** Audience ids; empty = not known. */
  audiences: string[];
  /** Empty = hours not known. */
  schedules: Schedule[];
  areaId: string;
  /** First address line of this location. */
  address: string;
  /** First phone number; empty = none listed. */
  phone: string;
}

const mask = <T extends string>(values: readonly T[] | undefined, vocabulary: readonly { id: string }[]) =>
  (values ?? []).reduce((m, v) => {
    const i = vocabulary.findIndex((x) => x.id === v);
    return i < 0 ? m : m | (1 << i);
  }, 0);

const unmask = (m: number, vocabulary: readonly string[]) => vocabulary.filter((_, i) => (m & (1 << i)) !== 0);

/** One row per location, so a service with several sites appears at each of them. */
export function buildFinderIndex(services: readonly Service[]): FinderIndex {
  const rows: FinderRow[] = [];
  for (const s of services) {
    const flags =
      (s.cost ? COST_KNOWN | (s.cost.free ? FREE : 0) : 0) |
      (s.francophone === undefined ? 0 : FRANCOPHONE_KNOWN | (s.francophone ? FRANCOPHONE : 0));
    for (const loc of s.locations) {
      rows.push([
        s.id,
        s.name,
        s.organization?.name ?? '',
        mask(s.categories, CATEGORIES),
        Math.round(loc.lon * 1e5),
        Math.round(loc.lat * 1e5),
        flags,
        (s.languages ?? []).join(' '),
        mask(s.audiences, AUDIENCES),
        s.schedules ? encodeSchedules(s.schedules) : '',
        loc.areaId ?? '',
        s.description ?? '',
        loc.address.line1 ?? '',
        s.phones?.[0]?.number ?? '',
        s.subcategories.join(' '),
      ]);
    }
  }
  return { v: 1, categories: CATEGORIES.map((c) => c.id), audiences: AUDIENCES.map((a) => a.id), rows };
}

export function decodeFinderIndex(index: FinderIndex): FinderRecord[] {
  return index.rows.map(
    ([
      id,
      name,
      organization,
      cats,
      lon,
      lat,
      flags,
      langs,
      auds,
      schedules,
      areaId,
      description,
      address,
      phone,
      subtypes,
    ]) => ({
      slug: serviceSlug(name, id),
      name,
      organization,
      description,
      categories: unmask(cats, index.categories) as CategoryId[],
      subtypes: subtypes ? subtypes.split(' ') : [],
      lon: lon / 1e5,
      lat: lat / 1e5,
      ...(flags & COST_KNOWN ? { free: (flags & FREE) !== 0 } : {}),
      ...(flags & FRANCOPHONE_KNOWN ? { francophone: (flags & FRANCOPHONE) !== 0 } : {}),
      languages: langs === '' ? [] : langs.split(' '),
      audiences: unmask(auds, index.audiences),
      schedules: decodeSchedules(schedules),
      areaId,
      address,
      phone,
    }),
  );
}
