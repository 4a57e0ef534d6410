/**
 * Search, filters and sorting for the finder; the same code runs in the browser and in tests.
 * A record that does not state a fact is left out by a filter on that fact: "free" shows only
 * services known to be free, never ones whose cost is unknown.
 */
import { haversine } from '../access/distance.ts';
import { answersNeed, recogniseNeeds, type CompiledNeed } from './needs.ts';
import { openState } from './hours.ts';
import type { FinderQuery } from './query.ts';
import type { FinderRecord } from './records.ts';
import { matchesAll, normalizeText, queryTokens } from './text.ts';

export interface Searchable {
  record: FinderRecord;
  /** Normalised name, organisation, description, category and sub-type labels in the reader's language. */
  text: string;
}

/** Precomputes the searchable text once, when the index loads. `labelOf` names a category or sub-type id (empty when it has no label). */
export function prepare(records: readonly FinderRecord[], labelOf: (id: string) => string): Searchable[] {
  return records.map((record) => ({
    record,
    text: normalizeText([record.name, record.organization, record.description, ...record.categories.map(labelOf), ...record.subtypes.map(labelOf)].join(' ')),
  }));
}

export interface Result {
  record: FinderRecord;
  /** Metres from the origin, when one is known. */
  distance?: number;
  /** True when the service answers a need the query names (these come first). */
  answersNeed?: boolean;
}

export interface FilterContext {
  /** Where "near" resolved to. */
  origin?: { lon: number; lat: number } | undefined;
  /** The instant "open now" refers to. */
  now: Date;
  timeZone: string;
  /** The needs vocabulary in the reader's language (and English); none = search names only. */
  needs?: readonly CompiledNeed[];
}

/**
 * Filters and sorts. A query naming a need ("doctor", "英语课") finds the services that answer it
 * (its other words must occur in their own text), then services whose own text has every word.
 * Each group is sorted by distance when an origin is known, otherwise by name in the reader's
 * collation.
 */
export function runQuery(items: readonly Searchable[], query: FinderQuery, ctx: FilterContext, collator: Intl.Collator): Result[] {
  const tokens = queryTokens(query.q);
  const { needs, rest } = recogniseNeeds(query.q, ctx.needs ?? []);
  const categories = new Set(query.categories);
  const results: Result[] = [];
  for (const { record, text } of items) {
    const answers = needs.length > 0 && matchesAll(text, rest) && needs.some((n) => answersNeed(n, record.categories, record.subtypes));
    if (!answers && tokens.length > 0 && !matchesAll(text, tokens)) continue;
    if (categories.size > 0 && !record.categories.some((c) => categories.has(c))) continue;
    if (query.language && !record.languages.includes(query.language)) continue;
    if (query.audience && !record.audiences.includes(query.audience)) continue;
    if (query.free && record.free !== true) continue;
    if (query.francophone && record.francophone !== true) continue;
    if (query.openNow && openState(record.schedules, ctx.now, ctx.timeZone) !== 'open') continue;
    const result: Result = ctx.origin ? { record, distance: haversine(ctx.origin.lon, ctx.origin.lat, record.lon, record.lat) } : { record };
    if (answers) result.answersNeed = true;
    results.push(result);
  }
  const byPlace = ctx.origin
    ? (a: Result, b: Result) => (a.distance ?? 0) - (b.distance ?? 0) || collator.compare(a.record.name, b.record.name)
    : (a: Result, b: Result) => collator.compare(a.record.name, b.record.name);
  // Services answering the need first: two sorts, no extra comparison per pair.
  const first = results.filter((r) => r.answersNeed).sort(byPlace);
  return first.length === 0 ? results.sort(byPlace) : [...first, ...results.filter((r) => !r.answersNeed).sort(byPlace)];
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
