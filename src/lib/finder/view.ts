/**
 * What the service finder shows, as plain data: the list rows, the map's points and legend,
 * the status sentence, the need note and referral lines, and the form's values for a query.
 * The `<service-finder>` element (src/components/finder) turns these into DOM nodes and map
 * sources, so the rules are here where unit tests reach them.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CategoryId } from '../categories.ts';
import { fillPlural, type PluralForms } from '../client-messages.ts';
import { fillTemplate as fill } from '../template.ts';
import type { Result } from './filter.ts';
import { needHelp, recogniseNeeds, type CompiledNeed, type NeedId, type ReferralKind } from './needs.ts';
import type { FinderQuery } from './query.ts';
import type { FinderRecord } from './records.ts';

/** Category id → label and map colour, sub-type id → label, in the page's language. */
export interface FinderLabels {
  readonly categories: Readonly<Record<string, { readonly label: string; readonly color: string }>>;
  readonly subtypes: Readonly<Record<string, string>>;
}

/** A starting point for distances: a postal code, an area or the reader's location. */
export interface Origin {
  readonly lon: number;
  readonly lat: number;
  readonly label: string;
}

/** One entry of the results list. */
export interface ResultRow {
  readonly slug: string;
  readonly name: string;
  /** The service page, under the page's services path. */
  readonly href: string;
  readonly categories: readonly { readonly id: CategoryId; readonly label: string }[];
  /** The sub-types' labels joined with " · "; empty when none has a label. */
  readonly subtypes: string;
  /** Metres from the origin, when there is one. */
  readonly distance: number | undefined;
  readonly address: string;
  /** The organisation, when it is not the service's own name. */
  readonly organization: string;
  readonly phone: string;
  /** The phone as a `tel:` link (digits and `+` only); empty without a phone. */
  readonly tel: string;
}

/** The list rows of `results`. */
export function resultRows(results: readonly Result[], labels: FinderLabels, servicesPath: string): ResultRow[] {
  return results.map(({ record, distance }) => ({
    slug: record.slug,
    name: record.name,
    href: `${servicesPath}${record.slug}/`,
    categories: record.categories.map((id) => ({ id, label: labels.categories[id]?.label ?? id })),
    subtypes: record.subtypes
      .map((id) => labels.subtypes[id])
      .filter((label): label is string => Boolean(label))
      .join(' · '),
    distance,
    address: record.address,
    organization: record.organization !== record.name ? record.organization : '',
    phone: record.phone,
    tel: record.phone ? `tel:${record.phone.replace(/[^\d+]/g, '')}` : '',
  }));
}

/** The colour of points without a known category. */
export const UNKNOWN_CATEGORY_COLOUR = '#555555';

/** The results as map points, coloured by their first category. */
export function resultFeatures(results: readonly Result[], labels: FinderLabels): Feature<Point>[] {
  return results.map(({ record }) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [record.lon, record.lat] },
    properties: {
      slug: record.slug,
      name: record.name,
      color: labels.categories[record.categories[0] ?? '']?.color ?? UNKNOWN_CATEGORY_COLOUR,
    },
  }));
}

/** The origin as a map point (empty without one). */
export function originFeatures(origin: Origin | undefined): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: origin
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [origin.lon, origin.lat] }, properties: {} }]
      : [],
  };
}

/** The map legend: the first categories of the results, in order of appearance, and which extra keys show. */
export function legendEntries(
  results: readonly Result[],
  origin: Origin | undefined,
): { categories: CategoryId[]; cluster: boolean; origin: boolean } {
  const present = new Set(results.map((r) => r.record.categories[0]).filter((c) => c !== undefined));
  // Near points are drawn as one dark disc with their number (only when there is more than one).
  return { categories: [...present], cluster: results.length > 1, origin: origin !== undefined };
}

export interface StatusMessages {
  readonly results: PluralForms;
  readonly sortedByDistance: string;
  readonly sortedByName: string;
  readonly statusSentences: string;
  readonly noResults: string;
}

/** The results heading ("12 services found") and the status line that adds how they are sorted. */
export function statusText(
  count: number,
  origin: Origin | undefined,
  m: StatusMessages,
  lang: string,
): { heading: string; status: string } {
  const heading = fillPlural(m.results, count, lang);
  const sort = origin ? fill(m.sortedByDistance, { place: origin.label }) : m.sortedByName;
  // Two sentences joined the locale's way ("…found. Sorted…", "…服务。按…").
  return { heading, status: fill(m.statusSentences, { count: heading, detail: count === 0 ? m.noResults : sort }) };
}

export interface NeedMessages {
  readonly needShown: string;
  readonly needMissing: string;
  readonly noResultsHelp: string;
}

/** What the page says about the needs a search names. */
export interface NeedsView {
  /** "Showing services for …"; null when hidden (no need named, or nothing answers it). */
  readonly note: string | null;
  /** The referral lines to show (none: the referrals box is hidden) and the sentence above them. */
  readonly referrals: readonly ReferralKind[];
  readonly intro: string;
}

/** Which need the search understood; when nothing listed answers it (or nothing is found), the referral lines. */
export function needsView(
  query: string,
  needs: readonly CompiledNeed[],
  needLabels: readonly { readonly id: NeedId; readonly label: string }[],
  records: readonly FinderRecord[],
  found: number,
  m: NeedMessages,
  lang: string,
): NeedsView {
  const named = recogniseNeeds(query, needs).needs;
  const labels = named.map((n) => needLabels.find((w) => w.id === n.id)?.label ?? n.id);
  const list = new Intl.ListFormat(lang, { type: 'disjunction' }).format(labels);
  const { unanswered, referrals } = needHelp(named, records, found);
  return {
    note: named.length === 0 || unanswered ? null : fill(m.needShown, { needs: list }),
    referrals,
    intro: unanswered ? fill(m.needMissing, { needs: list }) : m.noResultsHelp,
  };
}

/** The finder form's values for a query: text fields by name, checkboxes, and which disclosures open. */
export function formValues(q: FinderQuery): {
  fields: Record<'q' | 'near' | 'area' | 'language' | 'audience', string>;
  checked: (name: string, value: string) => boolean | undefined;
  openMore: boolean;
  openCategories: boolean;
} {
  const boxes: Record<string, (value: string) => boolean> = {
    category: (value) => q.categories.includes(value as CategoryId),
    free: () => q.free,
    open: () => q.openNow,
    francophone: () => q.francophone,
  };
  return {
    fields: {
      q: q.q,
      near: q.near ?? '',
      area: q.area ?? '',
      language: q.language ?? '',
      audience: q.audience ?? '',
    },
    checked: (name, value) => boxes[name]?.(value),
    openMore: Boolean(q.language || q.audience || q.free || q.openNow || q.francophone),
    openCategories: q.categories.length > 0,
  };
}

/** The form's entries as query parameters: empty values dropped, files ignored. */
export function formParams(entries: Iterable<[string, unknown]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (typeof value === 'string' && value !== '') params.append(key, value);
  return params;
}

/** The page address for a query's parameters (no `?` when there are none). */
export function queryUrl(pathname: string, params: URLSearchParams): string {
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}`;
}
