/**
 * Demand points of census areas, made at build time (Turf is not shipped to the browser).
 *
 * - Representative point: Turf's `pointOnFeature`, a point guaranteed to lie on the area
 *   (a centroid can fall outside a concave area). Nearest-service distances start here, and
 *   the what-if tool's "place at an area" uses it.
 * - Without a demand layer, the representative point carries all the area's demand.
 * - With a demand layer (points of a finer census geography, e.g. census tracts, each on land
 *   and with counts), each layer point belongs to the area that contains it, and an area's
 *   count of an indicator is shared out over its points in proportion to the points' counts of
 *   the matching column (dasymetric allocation): share = w_p / Σ w over the area's points. The
 *   shares of an area sum to 1, so area totals stay those of the census profile. A point with
 *   an unknown count weighs 0; an area whose points all weigh 0 falls back to the default
 *   column, then to equal shares; an area with no layer point keeps its representative point.
 * Coordinates are rounded to 6 decimals (~0.1 m) so the published JSON round-trips exactly and
 * the browser recomputes the very numbers the build shows.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonBbox } from '../geo/geometry.ts';
import { parseCsv } from '../csv/read.ts';
import { entry, nth } from '../lookup.ts';

/** A point of the demand layer: where it is and its counts by column (null = not known). */
export interface LayerPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly counts: Readonly<Record<string, number | null>>;
}

/** How each indicator is shared out: its own column, else the default column. */
export interface LayerWeights {
  readonly weights: Readonly<Record<string, string>>;
  readonly defaultWeight: string;
}

export interface AreaDemandPoints {
  /** Representative point `[lon, lat]` per area. */
  readonly representative: { readonly x: number[]; readonly y: number[] };
  /** Demand points of all areas, parallel arrays; id = the layer point's id, or the area's id for its representative point. */
  readonly id: string[];
  readonly x: number[];
  readonly y: number[];
  readonly area: number[];
  /** Indicator id → share of its area's count on each point. */
  readonly shares: Record<string, number[]>;
  /** Layer points inside no area (left out), by id. */
  readonly outside: string[];
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Demand points for areas given in order; see the module comment. `indicators` are the ids
 * that need shares. Inputs are not modified.
 */
export function demandPoints(
  areas: readonly { readonly id?: string; readonly geometry: Polygon | MultiPolygon }[],
  indicators: readonly string[] = [],
  layer?: { readonly points: readonly LayerPoint[] } & LayerWeights,
): AreaDemandPoints {
  const shares = new Map(indicators.map((id) => [id, [] as number[]]));
  const out: AreaDemandPoints = {
    representative: { x: [], y: [] },
    id: [],
    x: [],
    y: [],
    area: [],
    shares: Object.fromEntries(shares),
    outside: [],
  };
  for (const a of areas) {
    const rep = pointOnFeature(a.geometry).geometry.coordinates;
    out.representative.x.push(round6(nth(rep, 0)));
    out.representative.y.push(round6(nth(rep, 1)));
  }
  const members: LayerPoint[][] = areas.map(() => []);
  if (layer) {
    const boxes = areas.map((a) => polygonBbox(a.geometry));
    for (const p of layer.points) {
      const a = boxes.findIndex(
        ([w, s, e, n], i) =>
          p.lon >= w &&
          p.lon <= e &&
          p.lat >= s &&
          p.lat <= n &&
          booleanPointInPolygon([p.lon, p.lat], nth(areas, i).geometry),
      );
      if (a < 0) out.outside.push(p.id);
      else nth(members, a).push(p);
    }
  }
  areas.forEach((a, i) => {
    const pts = nth(members, i);
    if (pts.length === 0 || !layer) {
      out.id.push(a.id ?? String(i));
      out.x.push(nth(out.representative.x, i));
      out.y.push(nth(out.representative.y, i));
      out.area.push(i);
      for (const id of indicators) entry(shares, id, 'indicator').push(1);
      return;
    }
    for (const p of pts) {
      out.id.push(p.id);
      out.x.push(round6(p.lon));
      out.y.push(round6(p.lat));
      out.area.push(i);
    }
    for (const id of indicators)
      entry(shares, id, 'indicator').push(
        ...layerShares(pts, layer.weights[id] ?? layer.defaultWeight, layer.defaultWeight),
      );
  });
  return out;
}

/** Shares of one area's points by `column`, falling back to `fallback`, then to equal shares. */
export function layerShares(points: readonly LayerPoint[], column: string, fallback: string): number[] {
  for (const c of [column, fallback]) {
    const w = points.map((p) => p.counts[c] ?? 0);
    const total = w.reduce((s, v) => s + v, 0);
    if (total > 0) return w.map((v) => v / total);
  }
  return points.map(() => 1 / points.length);
}

/** A demand-layer file that cannot be read; the message names the file, line, column and reason. */
export class DemandLayerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemandLayerError';
  }
}

/**
 * Reads the demand-layer CSV: `idColumn`, `lonColumn`, `latColumn` and every count column
 * named in `columns` (empty cell = not known). Throws a DemandLayerError naming file, line,
 * column and reason on the first bad cell; nothing is skipped silently.
 */
export function parseDemandLayer(
  text: string,
  file: string,
  spec: { readonly idColumn: string; readonly lonColumn: string; readonly latColumn: string },
  columns: readonly string[],
): LayerPoint[] {
  const table = parseCsv(text);
  for (const c of [spec.idColumn, spec.lonColumn, spec.latColumn, ...columns]) {
    if (!table.header.includes(c))
      throw new DemandLayerError(`${file}: column "${c}" is missing (header: ${table.header.join(', ')})`);
  }
  const bad = table.badRows[0];
  if (bad) throw new DemandLayerError(`${file}: line ${String(bad.line)}: ${bad.reason}`);
  const seen = new Set<string>();
  return table.rows.map((row) => {
    const where = `${file}: line ${String(row.line)}`;
    const id = row.values[spec.idColumn] ?? '';
    if (id === '') throw new DemandLayerError(`${where}: ${spec.idColumn} is empty`);
    if (seen.has(id)) throw new DemandLayerError(`${where}: ${spec.idColumn} "${id}" is repeated`);
    seen.add(id);
    const coord = (column: string, limit: number): number => {
      const v = Number(row.values[column]);
      if (row.values[column] === '' || !Number.isFinite(v) || Math.abs(v) > limit)
        throw new DemandLayerError(`${where}: ${column} "${row.values[column] ?? ''}" is not a coordinate in degrees`);
      return v;
    };
    const lon = coord(spec.lonColumn, 180);
    const lat = coord(spec.latColumn, 90);
    const counts: Record<string, number | null> = {};
    for (const c of columns) {
      const raw = row.values[c] ?? '';
      const v = Number(raw);
      if (raw !== '' && !(Number.isFinite(v) && v >= 0))
        throw new DemandLayerError(`${where}: ${c} "${raw}" is not a count (a number ≥ 0, or empty for not known)`);
      counts[c] = raw === '' ? null : v;
    }
    return { id, lon, lat, counts };
  });
}
