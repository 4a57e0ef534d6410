/**
 * Map classes of the service-gaps map: which values colour the areas, the class breaks and the
 * palette. The same numbers as the tables (the engine's results and the census counts); the
 * `<gap-explorer>` element only turns them into a legend and map features.
 */
import { fillTemplate as fill } from '../template.ts';
import type { CategoryResult } from './analysis.ts';
import { nth } from '../lookup.ts';

/** Sequential palettes (ColorBrewer YlGnBu and Blues, 5 classes), light = low. */
export const SCORE_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const RESIDENCE_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Areas with no value (unknown count, no service in reach for the score). */
export const NO_DATA_COLOUR = '#d9d9d9';
/** Outline of the areas the under-served rule flags. */
export const UNDER_SERVED_OUTLINE = '#a4161a';

/** How the areas are coloured: a value per area (null = no data), ascending breaks, one colour per class. */
export interface MapClasses {
  readonly values: readonly (number | null)[];
  readonly breaks: readonly number[];
  readonly colours: readonly string[];
}

/** Quintile class breaks (up to 4 inner breaks, repeats dropped) of the finite values. */
export function quantileBreaks(values: readonly number[]): number[] {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const at = (q: number) => nth(v, Math.min(v.length - 1, Math.floor(q * v.length)));
  return [...new Set([at(0.2), at(0.4), at(0.6), at(0.8)])];
}

/** The class of a value: the number of breaks at or below it (0 … breaks.length). */
export function classOf(value: number, breaks: readonly number[]): number {
  let c = 0;
  while (c < breaks.length && value >= nth(breaks, c)) c++;
  return c;
}

/** The colour of an area's value; the no-data colour for null. */
export function classColour(value: number | null | undefined, classes: MapClasses): string {
  if (value === null || value === undefined) return NO_DATA_COLOUR;
  return classes.colours[classOf(value, classes.breaks)] ?? NO_DATA_COLOUR;
}

/** The palette's last `n` colours (a legend of fewer classes keeps the darker end). */
function paletteFor(palette: readonly string[], classes: number): string[] {
  return palette.slice(palette.length - classes);
}

/**
 * Classes of the normalised score: the first class is "below the under-served threshold", then
 * fixed breaks 1, 1.5 and 2 (1 = the city's average access); an area with no service in reach has no value.
 */
export function scoreClasses(result: Pick<CategoryResult, 'normalized'>, threshold: number): MapClasses {
  const breaks = [...new Set([threshold, 1, 1.5, 2].filter((b) => b >= threshold))].sort((a, b) => a - b);
  const values = Array.from(result.normalized, (v) => (Number.isNaN(v) ? null : v));
  return { values, breaks, colours: paletteFor(SCORE_COLOURS, breaks.length + 1) };
}

/**
 * Classes of a census indicator, as counts or as shares of its denominator (null where the
 * count or the denominator is not known, or the denominator is 0), in quintiles.
 */
export function indicatorClasses(
  counts: readonly (number | null)[],
  denominators: readonly (number | null)[],
  kind: 'count' | 'share',
): MapClasses {
  const values = counts.map((c, a) => {
    if (c === null) return null;
    if (kind === 'count') return c;
    const d = denominators[a];
    return d === null || d === undefined || d === 0 ? null : c / d;
  });
  const breaks = quantileBreaks(values.filter((v): v is number => v !== null));
  return { values, breaks, colours: paletteFor(RESIDENCE_COLOURS, breaks.length + 1) };
}

/** Legend texts with `{value}`, `{from}`, `{to}` where the formatted breaks go. */
export interface LegendTemplates {
  /** "below {value}" */
  readonly below: string;
  /** "{from} to {to}" */
  readonly range: string;
  /** "{value} or more" */
  readonly atLeast: string;
}

/** One label per class: below the first break, between breaks, at least the last one. */
export function classLabels(breaks: readonly number[], show: (value: number) => string, t: LegendTemplates): string[] {
  const labels = breaks.map((b, i) =>
    i === 0 ? fill(t.below, { value: show(b) }) : fill(t.range, { from: show(nth(breaks, i - 1)), to: show(b) }),
  );
  labels.push(fill(t.atLeast, { value: show(breaks[breaks.length - 1] ?? 0) }));
  return labels;
}
