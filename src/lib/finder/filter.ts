/**
 * Search, filters and sorting for the finder; the same code runs in the browser and in tests.
 * A record that does not state a fact is left out by a filter on that fact: "free" shows only
 * services known to be free, never ones whose cost is unknown.
 */
import { haversine } from '../access/distance.ts';
import { CATEGORY_IDS, type CategoryId } from '../categories.ts';
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
    text: normalizeText(
      [
        record.name,
        record.organization,
        record.description,
        ...record.categories.map(labelOf),
        ...record.subtypes.map(labelOf),
      ].join(' '),
    ),
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

/** The order results come in for one origin (or none) and collator, and a result object per record, made once, not per keystroke. */
interface Ranking {
  origin: { lon: number; lat: number } | undefined;
  collator: Intl.Collator;
  /** Item indexes, nearest first (or by name), ties by name. */
  order: Uint32Array;
  plain: Result[];
  needed: Result[];
}

/** Per item list: the last rankings (a reader changes origin rarely, types often) and each vocabulary's need masks. */
const rankings = new WeakMap<readonly Searchable[], Ranking[]>();
const needMasks = new WeakMap<readonly Searchable[], WeakMap<readonly CompiledNeed[], Uint32Array>>();
/** The last query's words and, per item, whether its text had them all: 0 no, 1 yes, 2 not checked. */
const lastText = new WeakMap<readonly Searchable[], { tokens: readonly string[]; hits: Uint8Array }>();

/** Whether every record matching `next` also matched `previous`: each earlier word lies inside a new one (typing "eng" → "engl"). */
function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.length > 0 && previous.every((p) => next.some((n) => n.includes(p)));
}

function ranking(
  items: readonly Searchable[],
  origin: { lon: number; lat: number } | undefined,
  collator: Intl.Collator,
): Ranking {
  const cached = rankings.get(items) ?? [];
  const hit = cached.find(
    (r) => r.collator === collator && r.origin?.lon === origin?.lon && r.origin?.lat === origin?.lat,
  );
  if (hit) return hit;
  const plain = items.map(({ record }): Result =>
    origin ? { record, distance: haversine(origin.lon, origin.lat, record.lon, record.lat) } : { record },
  );
  const needed = plain.map((r): Result => ({ ...r, answersNeed: true }));
  const byName = (a: number, b: number) => collator.compare(items[a]?.record.name ?? '', items[b]?.record.name ?? '');
  const order = Uint32Array.from(items.keys()).sort(
    origin ? (a, b) => (plain[a]?.distance ?? 0) - (plain[b]?.distance ?? 0) || byName(a, b) : byName,
  );
  const made: Ranking = { origin: origin && { lon: origin.lon, lat: origin.lat }, collator, order, plain, needed };
  rankings.set(items, [made, ...cached].slice(0, 4));
  return made;
}

/** The facts a keystroke reads, as flat arrays: a search walks these instead of thousands of record objects. */
interface Columns {
  texts: string[];
  /** Bit b: the record has the category CATEGORY_IDS[b] (the vocabulary has fewer than 32). */
  categories: Uint32Array;
  free: Uint8Array;
  francophone: Uint8Array;
}
const columnsOf = new WeakMap<readonly Searchable[], Columns>();

const categoryMask = (ids: readonly CategoryId[]) =>
  ids.reduce((m, c) => (CATEGORY_IDS.includes(c) ? m | (1 << CATEGORY_IDS.indexOf(c)) : m), 0);

function columns(items: readonly Searchable[]): Columns {
  let made = columnsOf.get(items);
  if (!made) {
    made = {
      texts: items.map((i) => i.text),
      categories: Uint32Array.from(items, (i) => categoryMask(i.record.categories)),
      free: Uint8Array.from(items, (i) => (i.record.free === true ? 1 : 0)),
      francophone: Uint8Array.from(items, (i) => (i.record.francophone === true ? 1 : 0)),
    };
    columnsOf.set(items, made);
  }
  return made;
}

/** Bit j of item i: the item answers needs[j] (the first 32 needs of a vocabulary). */
function masksFor(items: readonly Searchable[], needs: readonly CompiledNeed[]): Uint32Array {
  let byVocabulary = needMasks.get(items);
  if (!byVocabulary) needMasks.set(items, (byVocabulary = new WeakMap()));
  let masks = byVocabulary.get(needs);
  if (!masks) {
    masks = Uint32Array.from(items, ({ record }) =>
      needs.reduce((m, n, j) => (j < 32 && answersNeed(n, record.categories, record.subtypes) ? m | (1 << j) : m), 0),
    );
    byVocabulary.set(needs, masks);
  }
  return masks;
}

/**
 * Filters and sorts. A query naming a need ("doctor", "英语课") finds the services that answer it
 * (its other words must occur in their own text), then services whose own text has every word.
 * Each group is sorted by distance when an origin is known, otherwise by name in the reader's
 * collation. Per keystroke this only walks the records in their precomputed order: the order,
 * distances and which needs each record answers are worked out once per origin and vocabulary.
 */
export function runQuery(
  items: readonly Searchable[],
  query: FinderQuery,
  ctx: FilterContext,
  collator: Intl.Collator,
): Result[] {
  const tokens = queryTokens(query.q);
  const vocabulary = ctx.needs ?? [];
  const { needs, rest } = recogniseNeeds(query.q, vocabulary);
  const wanted = needs.reduce((m, n) => (vocabulary.indexOf(n) < 32 ? m | (1 << vocabulary.indexOf(n)) : m), 0);
  const masks = wanted === 0 ? undefined : masksFor(items, vocabulary);
  const col = columns(items);
  const byCategory = query.categories.length > 0;
  const wantedCategories = categoryMask(query.categories);
  const { order, plain, needed } = ranking(items, ctx.origin, collator);
  // A word being typed only narrows the last search: records its words missed are not read again.
  const last = lastText.get(items);
  const known = last && narrows(last.tokens, tokens) ? last.hits : undefined;
  const hits = new Uint8Array(items.length).fill(2);
  const first: Result[] = [];
  const others: Result[] = [];
  for (const i of order) {
    // Cheap facts first (flat arrays), text next, the record object only for rare filters.
    if (byCategory && ((col.categories[i] ?? 0) & wantedCategories) === 0) continue;
    if (query.free && col.free[i] !== 1) continue;
    if (query.francophone && col.francophone[i] !== 1) continue;
    const text = col.texts[i] ?? '';
    const answers = masks !== undefined && ((masks[i] ?? 0) & wanted) !== 0 && matchesAll(text, rest);
    if (!answers && tokens.length > 0) {
      const hit = known?.[i] !== 0 && matchesAll(text, tokens);
      hits[i] = hit ? 1 : 0;
      if (!hit) continue;
    }
    if (query.language || query.audience || query.openNow) {
      const record = (items[i] as Searchable).record;
      if (query.language && !record.languages.includes(query.language)) continue;
      if (query.audience && !record.audiences.includes(query.audience)) continue;
      if (query.openNow && openState(record.schedules, ctx.now, ctx.timeZone) !== 'open') continue;
    }
    if (answers) first.push(needed[i] as Result);
    else others.push(plain[i] as Result);
  }
  lastText.set(items, { tokens, hits });
  return first.length === 0 ? others : first.concat(others);
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
