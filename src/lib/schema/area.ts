import { z } from 'zod';
import type { SiteConfig } from './config.ts';

/** GeoJSON position `[lon, lat]` (RFC 7946; extra members such as elevation are not kept). */
const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).min(4);

export const polygonSchema = z.object({
  /** GeoJSON type. */
  type: z.literal('Polygon'),
  /** Outer ring first, then holes; rings closed. */
  coordinates: z.array(ring).min(1),
});

export const multiPolygonSchema = z.object({
  /** GeoJSON type. */
  type: z.literal('MultiPolygon'),
  /** Polygons, each as in {@link polygonSchema}. */
  coordinates: z.array(z.array(ring).min(1)).min(1),
});

export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

export const homeLanguageSchema = z.object({
  /** Language name as published by the census (English), e.g. `Yue (Cantonese)`. */
  name: z.string().min(1),
  /** People speaking it most often at home; null when suppressed. */
  count: z.number().nonnegative().nullable(),
});
export type HomeLanguage = z.infer<typeof homeLanguageSchema>;

export const areaSchema = z.object({
  /** Area id as a string, even when the source stores a number (`"1"`, `"B-01"`). */
  id: z.string().min(1),
  /** Area name from the boundary file. */
  name: z.string().min(1),
  /** Local classification (Toronto: NIA / Emerging Neighbourhood / neither); absent when not configured. */
  classification: z.string().min(1).optional(),
  /** Boundary for display (the config's `displayFile` when given). */
  geometry: areaGeometrySchema,
  /** Indicator id → count; null = suppressed or unknown (never 0 in its place). */
  indicators: z.record(z.string(), z.number().nonnegative().nullable()),
  /** Top home languages, most spoken first, as configured in `census.homeLanguages`. */
  homeLanguages: z.array(homeLanguageSchema),
});
export type Area = z.infer<typeof areaSchema>;

export const areasSchema = z.array(areaSchema);

/**
 * Share of an indicator in its configured denominator, as a fraction 0..1 (format it as a
 * percentage in the UI). Percentages are not stored so they cannot drift from the counts.
 * Returns null when the indicator has no denominator, either count is unknown, or the
 * denominator is 0 (an empty area has no meaningful share).
 */
export function indicatorShare(
  area: Pick<Area, 'indicators'>,
  indicatorId: string,
  config: Pick<SiteConfig, 'census'>,
): number | null {
  const spec = config.census.indicators[indicatorId];
  if (!spec?.denominator) return null;
  const count = area.indicators[indicatorId];
  const total = area.indicators[spec.denominator];
  if (count === null || count === undefined || total === null || total === undefined || total === 0) return null;
  return count / total;
}
