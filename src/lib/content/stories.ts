/**
 * Campaign stories come in pairs: two residents who look different and share something. A pair
 * is the two stories with the same `pair` id; this checks each pair is complete.
 */
export interface StoryLike {
  pair: string;
  order: number;
  shared: string;
}

export interface Pair<T> {
  id: string;
  shared: string;
  stories: [T, T];
}

/** Groups stories into pairs in booklet order; throws naming the pair when one is not exactly two. */
export function pairStories<T extends StoryLike>(stories: readonly T[]): Pair<T>[] {
  const groups = new Map<string, T[]>();
  for (const s of [...stories].sort((a, b) => a.order - b.order))
    groups.set(s.pair, [...(groups.get(s.pair) ?? []), s]);
  return [...groups].map(([id, list]) => {
    const [a, b] = list;
    if (list.length !== 2 || !a || !b)
      throw new Error(`story pair "${id}" has ${list.length} stories; a pair needs exactly 2`);
    return { id, shared: a.shared, stories: [a, b] };
  });
}
