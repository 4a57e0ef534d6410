/**
 * Merging the same place listed in several layers into one record with several categories
 * (e.g. a community health centre in both the 211 list and the Ministry of Health list).
 *
 * Rule (deliberately conservative: a wrong merge hides a service, a missed one only shows a
 * second pin): two records merge when
 *   - they come from DIFFERENT layers (within one layer, two records are two records),
 *   - their points are at most {@link MERGE_DISTANCE_M} metres apart,
 *   - neither has a `capacity` (capacity feeds the access analysis of one category, e.g.
 *     child-care spaces; a child-care centre inside a school is a service of its own), and
 *   - their normalised names are equal, or one name is a list "Organisation, Site, Program"
 *     (211 style) with a part equal to the other's whole name AND their normalised street
 *     addresses are equal (e.g. "Toronto Public Library, Toronto Reference Library" and
 *     "Toronto Reference Library" at 789 Yonge St).
 * Names are normalised by removing accents, punctuation, case and filler words ("the", "inc");
 * a name containing another is NOT enough ("Armour Heights" library and "Armour Heights
 * Community Centre" share a building but are two services).
 *
 * The record from the earlier layer in the config wins (layer order = priority); the later
 * one adds its categories, subcategories and source, and fills fields the winner lacks.
 * Each merged record is reported with action `merged`.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distance } from '@turf/distance';
import type { Service } from '../schema/service.ts';
import { comparableAddress, comparableName } from './fields.ts';
import { makeIssue, type IssueLog } from './issues.ts';
import type { Built } from './services.ts';

/** Maximum distance between two points of the same place, in metres. */
export const MERGE_DISTANCE_M = 30;

/** Why two records are the same place, or undefined when they are not. */
export function sameplace(a: Service, b: Service): string | undefined {
  if (a.source.layer === b.source.layer) return undefined;
  const la = a.locations[0];
  const lb = b.locations[0];
  if (la === undefined || lb === undefined) return undefined;
  const metres = distance([la.lon, la.lat], [lb.lon, lb.lat], { units: 'kilometers' }) * 1000;
  if (metres > MERGE_DISTANCE_M) return undefined;
  if (a.capacity !== undefined || b.capacity !== undefined) return undefined;
  const na = comparableName(a.name);
  const nb = comparableName(b.name);
  const apart = `${Math.round(metres)} m apart`;
  if (na !== '' && na === nb) return `${apart}, same name`;
  const aa = comparableAddress(la.address.line1);
  if (aa === '' || aa !== comparableAddress(lb.address.line1)) return undefined;
  const parts = (name: string): string[] => name.split(',').map(comparableName).filter((p) => p !== '');
  if (parts(a.name).includes(nb) || parts(b.name).includes(na)) {
    return `${apart}, same address "${la.address.line1}", and one name is a part of the other`;
  }
  return undefined;
}

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  const out = [...a];
  for (const x of b ?? []) if (!out.includes(x)) out.push(x);
  return out;
}

/** `into` absorbs `from`; returns a new record, the inputs are not changed. */
export function mergeServices(into: Service, from: Service): Service {
  const merged: Service = {
    ...from,
    ...into,
    categories: union(into.categories, from.categories) as Service['categories'],
    subcategories: union(into.subcategories, from.subcategories) as string[],
    sources: [...(into.sources ?? [into.source]), ...(from.sources ?? [from.source])],
  };
  // Capacity is counted in layer-specific units (child-care spaces, beds), so it is not borrowed.
  if (into.capacity === undefined) delete merged.capacity;
  else merged.capacity = into.capacity;
  const languages = union(into.languages, from.languages);
  if (languages !== undefined) merged.languages = languages;
  const audiences = union(into.audiences, from.audiences);
  if (audiences !== undefined) merged.audiences = audiences;
  if (into.attributes !== undefined || from.attributes !== undefined) merged.attributes = { ...from.attributes, ...into.attributes };
  if (into.francophone === true || from.francophone === true) merged.francophone = true;
  return merged;
}

/**
 * Merges records of the same place (see the rule above). `built` must be in priority order
 * (layer order, then file order); the result keeps that order.
 */
export function mergeSamePlace(built: readonly Built[], log: IssueLog): Service[] {
  if (built.length === 0) return [];
  const index = new KDBush(built.length);
  for (const b of built) {
    const loc = b.service.locations[0];
    index.add(loc?.lon ?? 0, loc?.lat ?? 0);
  }
  index.finish();
  const absorbed = new Set<number>();
  const result: Service[] = [];
  built.forEach((b, i) => {
    if (absorbed.has(i)) return;
    let service = b.service;
    const loc = service.locations[0];
    if (loc !== undefined) {
      const near = around(index, loc.lon, loc.lat, Infinity, (MERGE_DISTANCE_M + 1) / 1000, (j) => j > i && !absorbed.has(j)).sort((x, y) => x - y);
      const layersIn = new Set([service.source.layer]);
      for (const j of near) {
        const other = built[j];
        if (other === undefined || layersIn.has(other.service.source.layer)) continue;
        const why = sameplace(b.service, other.service);
        if (why === undefined) continue;
        absorbed.add(j);
        layersIn.add(other.service.source.layer);
        service = mergeServices(service, other.service);
        other.report.merged += 1;
        log.add(makeIssue('warning', other.service.source.file, other.at, '*',
          `same place as "${b.service.name}" (${b.service.id} in ${b.service.source.file}): ${why}; merged into it`, 'merged', other.service.source.recordId));
      }
    }
    result.push(service);
  });
  return result;
}
