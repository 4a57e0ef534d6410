/**
 * Resources library facets: type, topic, year and language. Each facet value gets its own
 * static page (`/resources/<facet>/<value>/`), so filtering works without JavaScript.
 */
export const FACETS = ['type', 'topic', 'year', 'language'] as const;
export type Facet = (typeof FACETS)[number];

export interface ResourceLike {
  type: string;
  topics: readonly string[];
  year: number;
  languages: readonly string[];
}

/** The values an item has for a facet, as strings (years too, for URLs). */
export function facetValues(item: ResourceLike, facet: Facet): string[] {
  switch (facet) {
    case 'type':
      return [item.type];
    case 'topic':
      return [...item.topics];
    case 'year':
      return [String(item.year)];
    case 'language':
      return [...item.languages];
  }
}

/** Every facet value in use with its count; years newest first, others by count then name. */
export function facetCounts(items: readonly ResourceLike[]): Record<Facet, { value: string; count: number }[]> {
  const out = {} as Record<Facet, { value: string; count: number }[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const item of items)
      for (const v of new Set(facetValues(item, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
    out[facet] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) =>
        facet === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
  }
  return out;
}

/** Items having `value` for `facet`. */
export function filterBy<T extends ResourceLike>(items: readonly T[], facet: Facet, value: string): T[] {
  return items.filter((item) => facetValues(item, facet).includes(value));
}
