/**
 * Merging records of one place into one record, and reporting every merge with its reason.
 *
 * Two kinds of merge (deliberately conservative: a wrong merge hides a service, a missed one
 * only shows a second pin):
 *
 * - **Identical records in one file**: the same normalised name AND the same normalised street
 *   address, at most {@link MERGE_DISTANCE_M} metres apart; only the id differs (a school listed
 *   twice, a health centre registered under several provider types).
 * - **The same place in two layers**: points at most {@link MERGE_DISTANCE_M} metres apart,
 *   and the normalised names equal, or one name a list "Organisation, Site, Program" (211 style)
 *   with a part equal to the other's whole name AND the same street address.
 *
 * Either way they merge only when the later record is the same KIND of service (its categories
 * are among the earlier one's): a settlement agency does not take on health categories, and a
 * community centre is not renamed after a programme it hosts. Otherwise both are kept, and the
 * later one is reported (action `kept`).
 *
 * Records with a `capacity` never merge (capacity feeds the access analysis of one category,
 * e.g. child-care spaces; a child-care centre inside a school is a service of its own).
 *
 * The merged record keeps the primary's id, name and categories (layer order = priority, then
 * file order); a later record only fills fields the primary lacks, and `fieldSources` says
 * which source each borrowed field came from. Dates (`lastModified`, `assuredDate`) describe
 * their own record, so they are never borrowed: a 2018 record merged with a 2022 one still says
 * 2018.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distance } from '@turf/distance';
import type { Service } from '../schema/service.ts';
import { comparableAddress, comparableName } from './fields.ts';
import { makeIssue, type IssueLog, type Locator } from './issues.ts';
import type { FileReport } from '../schema/report.ts';
import type { Built } from './record.ts';

/** Maximum distance between two points of the same place, in metres. */
export const MERGE_DISTANCE_M = 30;

/** A merge rule of the config for one pair of layers (`merge` in the site config). */
export interface MergePolicy {
  readonly layers: readonly [string, string];
  readonly distance: number;
  readonly names: 'equal' | 'address' | 'any';
}

/** The config's rule for the layers of `a` and `b`, if any. */
export function policyFor(policies: readonly MergePolicy[], a: string, b: string): MergePolicy | undefined {
  return policies.find((p) => (p.layers[0] === a && p.layers[1] === b) || (p.layers[0] === b && p.layers[1] === a));
}

/** How two records are the same place. */
export interface SamePlace {
  /** `identical`: one file, same name and address; `layers`: two layers, same place. */
  readonly kind: 'identical' | 'layers';
  /** Why, in words, for the data-quality report. */
  readonly reason: string;
}

/** Metres between the first locations of two records; undefined when one has none. */
function metresApart(a: Service, b: Service): number | undefined {
  const la = a.locations[0];
  const lb = b.locations[0];
  if (la === undefined || lb === undefined) return undefined;
  return distance([la.lon, la.lat], [lb.lon, lb.lat], { units: 'kilometers' }) * 1000;
}

/**
 * How `a` and `b` are the same place (see the rules above), or undefined when they are not. A
 * `policy` of the config for their two layers replaces the distance and the name rule.
 */
export function samePlace(a: Service, b: Service, policy?: MergePolicy): SamePlace | undefined {
  const metres = metresApart(a, b);
  if (metres === undefined || metres > (policy?.distance ?? MERGE_DISTANCE_M)) return undefined;
  if (a.capacity !== undefined || b.capacity !== undefined) return undefined;
  const na = comparableName(a.name);
  const nb = comparableName(b.name);
  const la = a.locations[0]?.address.line1 ?? '';
  const aa = comparableAddress(la);
  const sameAddress = aa !== '' && aa === comparableAddress(b.locations[0]?.address.line1 ?? '');
  const apart = `${Math.round(metres)} m apart`;
  if (policy !== undefined) {
    const kind = a.source.layer === b.source.layer ? 'identical' : 'layers';
    const rule = `the config's merge rule for "${policy.layers[0]}" and "${policy.layers[1]}" (${policy.distance} m, names ${policy.names})`;
    if (na !== '' && na === nb) return { kind, reason: `${apart}, same name, by ${rule}` };
    if (policy.names === 'any') return { kind, reason: `${apart}, names "${a.name}" and "${b.name}", by ${rule}` };
    if (policy.names === 'address' && sameAddress)
      return { kind, reason: `${apart}, same address "${la}", by ${rule}` };
    return undefined;
  }
  if (a.source.layer === b.source.layer) {
    if (a.source.file !== b.source.file || na === '' || na !== nb || !sameAddress) return undefined;
    return {
      kind: 'identical',
      reason: `${apart}, same name and address "${la}" in the same file; only the id differs`,
    };
  }
  if (na !== '' && na === nb) return { kind: 'layers', reason: `${apart}, same name` };
  if (!sameAddress) return undefined;
  const parts = (name: string): string[] =>
    name
      .split(',')
      .map(comparableName)
      .filter((p) => p !== '');
  if (parts(a.name).includes(nb) || parts(b.name).includes(na)) {
    return { kind: 'layers', reason: `${apart}, same address "${la}", and one name is a part of the other` };
  }
  return undefined;
}

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  const out = [...a];
  for (const x of b ?? []) if (!out.includes(x)) out.push(x);
  return out;
}

/** Fields a later record may fill when the primary lacks them (never ids, names or dates). */
const BORROWED = [
  'alternateName',
  'description',
  'organization',
  'eligibilityDescription',
  'cost',
  'schedules',
  'phones',
  'email',
  'url',
  'accessibility',
] as const satisfies readonly (keyof Service)[];

/**
 * `into` absorbs `from`; returns a new record, the inputs are not changed. `into` keeps its id,
 * name, dates and categories; sub-types, languages and audiences are joined; a field `into`
 * lacks is taken from `from` and recorded in `fieldSources`.
 */
export function mergeServices(into: Service, from: Service): Service {
  const sources = [...(into.sources ?? [into.source]), ...(from.sources ?? [from.source])];
  const fromIndex = (into.sources ?? [into.source]).length;
  const merged: Service = {
    ...into,
    categories: [...into.categories],
    subcategories: union(into.subcategories, from.subcategories) as string[],
    sources,
  };
  const fieldSources: Record<string, number> = { ...into.fieldSources };
  for (const [field, index] of Object.entries(from.fieldSources ?? {})) fieldSources[field] ??= fromIndex + index;
  const borrowed = merged as Record<string, unknown>;
  for (const field of BORROWED) {
    if (into[field] !== undefined || from[field] === undefined) continue;
    borrowed[field] = from[field];
    fieldSources[field] = fromIndex + (from.fieldSources?.[field] ?? 0);
  }
  const languages = union(into.languages, from.languages);
  if (languages !== undefined) merged.languages = languages;
  const audiences = union(into.audiences, from.audiences);
  if (audiences !== undefined) merged.audiences = audiences;
  if (from.attributes !== undefined) {
    const attributes = { ...into.attributes };
    for (const [key, value] of Object.entries(from.attributes)) {
      if (key in attributes) continue;
      attributes[key] = value;
      fieldSources[`attributes.${key}`] = fromIndex + (from.fieldSources?.[`attributes.${key}`] ?? 0);
    }
    merged.attributes = attributes;
  }
  if (into.francophone !== true && from.francophone === true) {
    merged.francophone = true;
    fieldSources['francophone'] = fromIndex;
  }
  if (Object.keys(fieldSources).length > 0) merged.fieldSources = fieldSources;
  return merged;
}

const describe = (s: Service): string => `"${s.name}" (${s.id} in ${s.source.file})`;

/**
 * The records to merge, by position in priority order (layer order, then file order). Merging
 * asks for a whole record only where two points are close, so the records can be kept compact
 * (see service-store.ts) and rebuilt on demand.
 */
export interface MergeRecords {
  readonly length: number;
  /** The record at `i` (may be rebuilt on every call). */
  service(i: number): Service;
  /** Longitude and latitude of the record's first location; NaN when it has none. */
  lon(i: number): number;
  lat(i: number): number;
  at(i: number): Locator;
  report(i: number): FileReport;
  /** False when `i` and `j` cannot be the same place by the default rule; a cheap test before {@link samePlace}. */
  mayMatch(i: number, j: number): boolean;
  /** Id of the record's layer. */
  layer(i: number): string;
}

/**
 * Merges records of the same place (see the rules above). The result keeps the priority order;
 * each item is the index of a record left as it is, or the record that absorbed others.
 */
export function mergeRecords(
  records: MergeRecords,
  log: IssueLog,
  policies: readonly MergePolicy[] = [],
): (number | Service)[] {
  const n = records.length;
  const radius = Math.max(MERGE_DISTANCE_M, ...policies.map((p) => p.distance));
  const policyOf = (i: number, j: number): MergePolicy | undefined =>
    policies.length === 0 ? undefined : policyFor(policies, records.layer(i), records.layer(j));
  if (n === 0) return [];
  const index = new KDBush(n);
  for (let i = 0; i < n; i++) {
    const lon = records.lon(i);
    index.add(Number.isNaN(lon) ? 0 : lon, Number.isNaN(lon) ? 0 : records.lat(i));
  }
  index.finish();
  const absorbed = new Set<number>();
  // A record kept apart is reported once, against the first record it resembles.
  const keptApart = new Set<number>();
  const result: (number | Service)[] = [];
  for (let i = 0; i < n; i++) {
    if (absorbed.has(i)) continue;
    const lon = records.lon(i);
    if (Number.isNaN(lon)) {
      result.push(i);
      continue;
    }
    // Filtered after the search: geokdbush stops at the first point beyond the distance, so a
    // filter that rejects every point nearby would make it walk the whole tree.
    const near = around(index, lon, records.lat(i), Infinity, (radius + 1) / 1000)
      .filter((j) => j > i && !absorbed.has(j) && (records.mayMatch(i, j) || policyOf(i, j) !== undefined))
      .sort((x, y) => x - y);
    if (near.length === 0) {
      result.push(i);
      continue;
    }
    const primary = records.service(i);
    let service = primary;
    // One record per other layer: two different records of a layer are two services.
    const layersIn = new Set<string>();
    for (const j of near) {
      const o = records.service(j);
      const same = samePlace(primary, o, policyOf(i, j));
      if (same === undefined) continue;
      if (same.kind === 'layers' && layersIn.has(o.source.layer)) continue;
      const foreign = o.categories.filter((c) => !primary.categories.includes(c));
      if (foreign.length > 0) {
        if (keptApart.has(j)) continue;
        keptApart.add(j);
        log.add(
          makeIssue(
            'warning',
            o.source.file,
            records.at(j),
            'categories',
            `same place as ${describe(primary)} (${same.reason}), but a different kind of service (${o.categories.join(', ')} here, ${primary.categories.join(', ')} there); kept as a service of its own`,
            'kept',
            o.source.recordId,
          ),
        );
        continue;
      }
      if (same.kind === 'layers') layersIn.add(o.source.layer);
      absorbed.add(j);
      service = mergeServices(service, o);
      records.report(j).merged += 1;
      log.add(
        makeIssue(
          'warning',
          o.source.file,
          records.at(j),
          '*',
          `same place as ${describe(primary)}: ${same.reason}; merged into it`,
          'merged',
          o.source.recordId,
        ),
      );
    }
    result.push(service === primary ? i : service);
  }
  return result;
}

/** {@link mergeRecords} over records held whole; `built` in priority order. */
export function mergeSamePlace(
  built: readonly Built[],
  log: IssueLog,
  policies: readonly MergePolicy[] = [],
): Service[] {
  const at = (i: number): Built => built[i] as Built;
  const merged = mergeRecords(
    {
      length: built.length,
      service: (i) => at(i).service,
      lon: (i) => at(i).service.locations[0]?.lon ?? Number.NaN,
      lat: (i) => at(i).service.locations[0]?.lat ?? Number.NaN,
      at: (i) => at(i).at,
      report: (i) => at(i).report,
      mayMatch: () => true,
      layer: (i) => at(i).service.source.layer,
    },
    log,
    policies,
  );
  return merged.map((m) => (typeof m === 'number' ? at(m).service : m));
}
