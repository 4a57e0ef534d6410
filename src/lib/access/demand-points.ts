/**
 * Demand points of census areas, made at build time (Turf is not shipped to the browser).
 *
 * - Representative point: Turf's `pointOnFeature`, a point guaranteed to lie on the area
 *   (a centroid can fall outside a concave area). Nearest-service distances start here, and
 *   the what-if tool's "place at an area" uses it.
 * - Demand points: without `grid`, the representative point carries all the area's demand.
 *   With `grid` (metres), the demand is spread evenly over the points of a regular lattice
 *   that fall inside the area (cell centres, lattice anchored at 0°,0° so neighbouring areas
 *   share it); an area too small to hold a lattice point keeps its representative point.
 *   Even spreading assumes people live evenly inside an area, which a finer census geography
 *   (dissemination areas) would improve.
 * Coordinates are rounded to 6 decimals (~0.1 m) so the published JSON round-trips exactly and
 * the browser recomputes the very numbers the build shows.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonBbox } from '../geo/geometry.ts';

/** Metres per degree of latitude on the mean-radius sphere (2πR / 360). */
const METRES_PER_DEGREE = 111_195.08;

export interface AreaDemandPoints {
  /** Representative point `[lon, lat]` per area. */
  readonly representative: { readonly x: number[]; readonly y: number[] };
  /** Demand points of all areas, parallel arrays. */
  readonly x: number[];
  readonly y: number[];
  readonly area: number[];
  readonly share: number[];
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Demand points for areas given in order; see the module comment. Inputs are not modified. */
export function demandPoints(areas: readonly { readonly geometry: Polygon | MultiPolygon }[], grid?: number): AreaDemandPoints {
  const out: AreaDemandPoints = { representative: { x: [], y: [] }, x: [], y: [], area: [], share: [] };
  const boxes = areas.map((a) => polygonBbox(a.geometry));
  // One longitude step for the whole region (at its middle latitude) keeps the lattice shared.
  const midLat = boxes.length ? (Math.min(...boxes.map((b) => b[1])) + Math.max(...boxes.map((b) => b[3]))) / 2 : 0;
  const latStep = grid === undefined ? 0 : round6(grid / METRES_PER_DEGREE);
  const lonStep = grid === undefined ? 0 : round6(grid / METRES_PER_DEGREE / Math.cos((midLat * Math.PI) / 180));
  areas.forEach((a, i) => {
    const rep = pointOnFeature(a.geometry).geometry.coordinates;
    const rx = round6(rep[0]!);
    const ry = round6(rep[1]!);
    out.representative.x.push(rx);
    out.representative.y.push(ry);
    const inside: [number, number][] = [];
    if (grid !== undefined) {
      const [w, s, e, n] = boxes[i]!;
      // Integer lattice indices, so every area computes the same coordinates for a cell.
      for (let r = Math.floor(s / latStep); (r + 0.5) * latStep <= n; r++) {
        for (let c = Math.floor(w / lonStep); (c + 0.5) * lonStep <= e; c++) {
          const p: [number, number] = [round6((c + 0.5) * lonStep), round6((r + 0.5) * latStep)];
          if (booleanPointInPolygon(p, a.geometry)) inside.push(p);
        }
      }
    }
    if (inside.length === 0) inside.push([rx, ry]);
    for (const [x, y] of inside) {
      out.x.push(x);
      out.y.push(y);
      out.area.push(i);
      out.share.push(1 / inside.length);
    }
  });
  return out;
}
