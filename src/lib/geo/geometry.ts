/**
 * Geometry checks for area and boundary polygons. GeoJSON from open-data portals is usually
 * fine, but a LIP's hand-edited file may have an unclosed ring, a ring with too few points or a
 * coordinate stored as text; any of these silently breaks point-in-polygon, so they are caught
 * here with the exact place of the problem.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** One problem in a geometry: where (`coordinates[0][3]`) and what. */
export interface GeometryProblem {
  readonly path: string;
  readonly reason: string;
}

/** A checked polygon geometry with positions reduced to `[lon, lat]`. */
export type PolygonalGeometry = Polygon | MultiPolygon;

function checkPosition(p: unknown, path: string, problems: GeometryProblem[]): p is Position {
  if (!Array.isArray(p) || p.length < 2) {
    problems.push({ path, reason: `position must be [lon, lat], got ${JSON.stringify(p)}` });
    return false;
  }
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    problems.push({ path, reason: `coordinates must be numbers, got ${JSON.stringify(p)}` });
    return false;
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    problems.push({ path, reason: `[${lon}, ${lat}] is not a WGS84 longitude/latitude` });
    return false;
  }
  return true;
}

function checkRing(ring: unknown, path: string, problems: GeometryProblem[]): void {
  if (!Array.isArray(ring)) {
    problems.push({ path, reason: 'ring must be an array of positions' });
    return;
  }
  let ok = true;
  ring.forEach((p, i) => {
    if (!checkPosition(p, `${path}[${i}]`, problems)) ok = false;
  });
  if (!ok) return;
  if (ring.length < 4) {
    problems.push({ path, reason: `ring has ${ring.length} positions; a closed ring needs at least 4` });
    return;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push({
      path,
      reason: `ring is not closed: first ${JSON.stringify(first)} ≠ last ${JSON.stringify(last)}`,
    });
  }
}

function checkPolygonRings(rings: unknown, path: string, problems: GeometryProblem[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    problems.push({ path, reason: 'polygon must have at least one ring' });
    return;
  }
  rings.forEach((r, i) => checkRing(r, `${path}[${i}]`, problems));
}

/**
 * Checks that `geometry` is a valid GeoJSON Polygon or MultiPolygon (closed rings of ≥4 numeric
 * WGS84 positions). Returns the problems; an empty list means it is safe to use.
 * Self-intersection is not tested: it needs a sweep-line algorithm and the published boundary
 * files are produced by GIS tools that prevent it.
 */
export function validatePolygonal(geometry: unknown): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  if (typeof geometry !== 'object' || geometry === null) {
    return [{ path: 'geometry', reason: 'geometry is missing' }];
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    checkPolygonRings(g.coordinates, 'coordinates', problems);
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      problems.push({ path: 'coordinates', reason: 'MultiPolygon must have at least one polygon' });
    } else {
      g.coordinates.forEach((poly, i) => checkPolygonRings(poly, `coordinates[${i}]`, problems));
    }
  } else {
    problems.push({ path: 'type', reason: `expected Polygon or MultiPolygon, got ${JSON.stringify(g.type)}` });
  }
  return problems;
}

/** Drops elevation and other extra members so positions are exactly `[lon, lat]`. */
export function to2d<G extends PolygonalGeometry>(geometry: G): G {
  const ring = (r: Position[]): Position[] => r.map((p) => [p[0] as number, p[1] as number]);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) } as G;
}

/** `[west, south, east, north]` of a polygonal geometry. */
export function polygonBbox(geometry: PolygonalGeometry): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) {
    // Only the outer ring bounds a polygon; holes lie inside it.
    for (const p of poly[0] ?? []) {
      const [x, y] = p as [number, number];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}
