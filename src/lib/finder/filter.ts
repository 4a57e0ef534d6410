/**
 * Search, filters and sorting for the finder; the same code runs in the browser and in tests.
 * A record that does not state a fact is left out by a filter on that fact: "free" shows only
 * services known to be free, never ones whose cost is unknown.
 */
import { haversine } from '../access/distance.ts';
import type { CategoryId } from '../categories.ts';
import { openState } from './hours.ts';
import type { FinderQuery } from './query.ts';
import type { FinderRecord } from './records.ts';
import { matchesAll, normalizeText, queryTokens } from './text.ts';

export interface Searchable {
  record: FinderRecord;
  /** Normalised name, organisation, description and category words (label, keywords) in the reader's language. */
  text: string;
}

/** Precomputes the searchable text once, when the index loads. */
export function prepare(records: readonly FinderRecord[], categoryWords: (id: CategoryId) => string): Searchable[] {
  return records.map((record) => ({
    record,
    text: normalizeText([record.name, record.organization, record.description, ...record.categories.map(categoryWords)].join(' ')),
  }));
}

export interface Result {
  record: FinderRecord;
  /** Metres from the origin, when one is known. */
  distance?: number;
}

export interface FilterContext {
  /** Where "near" resolved to. */
  origin?: { lon: number; lat: number } | undefined;
  /** The instant "open now" refers to. */
  now: Date;
  timeZone: string;
}

/** Filters and sorts: by distance when an origin is known, otherwise by name in the reader's collation. */
export function runQuery(items: readonly Searchable[], query: FinderQuery, ctx: FilterContext, collator: Intl.Collator): Result[] {
  const tokens = queryTokens(query.q);
  const categories = new Set(query.categories);
  const results: Result[] = [];
  for (const { record, text } of items) {
    if (tokens.length > 0 && !matchesAll(text, tokens)) continue;
    if (categories.size > 0 && !record.categories.some((c) => categories.has(c))) continue;
    if (query.language && !record.languages.includes(query.language)) continue;
    if (query.audience && !record.audiences.includes(query.audience)) continue;
    if (query.free && record.free !== true) continue;
    if (query.francophone && record.francophone !== true) continue;
    if (query.openNow && openState(record.schedules, ctx.now, ctx.timeZone) !== 'open') continue;
    results.push(ctx.origin ? { record, distance: haversine(ctx.origin.lon, ctx.origin.lat, record.lon, record.lat) } : { record });
  }
  if (ctx.origin) results.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0) || collator.compare(a.record.name, b.record.name));
  else results.sort((a, b) => collator.compare(a.record.name, b.record.name));
  return results;
}

/** How many records state each fact, so filters can say "known for N services". */
export function factCoverage(records: readonly FinderRecord[]) {
  let cost = 0;
  let languages = 0;
  let audiences = 0;
  let hours = 0;
  let francophone = 0;
  for (const r of records) {
    if (r.free !== undefined) cost += 1;
    if (r.languages.length > 0) languages += 1;
    if (r.audiences.length > 0) audiences += 1;
    if (r.schedules.length > 0) hours += 1;
    if (r.francophone !== undefined) francophone += 1;
  }
  return { total: records.length, cost, languages, audiences, hours, francophone };
}
