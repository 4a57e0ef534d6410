/**
 * The service page's small static map: the neighbourhood outline and the service's points drawn
 * as inline SVG paths at build time, so the page needs no map library, no tiles and no request.
 *
 * Projection: equirectangular with longitudes scaled by cos(latitude) at the middle of the
 * drawing, which is true to within a fraction of a percent at neighbourhood scale. North is up.
 */
import type { AreaGeometry } from '../schema/area.ts';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface StaticMapOptions {
  /** Width and height of the square drawing, in SVG user units (pixels at 100 %). */
  size?: number;
  /** Empty margin kept inside the edges, in the same units. */
  padding?: number;
  /** Vertices closer than this to the previous kept one are dropped (simplification). */
  tolerance?: number;
  /** Half-width in degrees of latitude of the view when only a single point is drawn (~550 m). */
  minSpan?: number;
}

export interface StaticMap {
  size: number;
  /** One SVG path `d` per polygon (outer ring and holes as subpaths; fill-rule evenodd). */
  paths: string[];
  /** Projected service points, in input order. */
  points: { x: number; y: number }[];
}

type Ring = readonly (readonly [number, number] | readonly number[])[];

const polygonsOf = (g: AreaGeometry): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Projects polygons and points into a `size`×`size` box with `padding` on every side, keeping the
 * aspect ratio and centring the drawing. Every output coordinate lies inside [padding, size − padding].
 */
export function staticMap(
  geometries: readonly AreaGeometry[],
  points: readonly LonLat[],
  { size = 240, padding = 12, tolerance = 1.5, minSpan = 0.005 }: StaticMapOptions = {},
): StaticMap {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const extend = (lon: number, lat: number) => {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  };
  const polygons = geometries.flatMap(polygonsOf);
  for (const polygon of polygons) for (const ring of polygon) for (const [lon = 0, lat = 0] of ring) extend(lon, lat);
  for (const p of points) extend(p.lon, p.lat);
  if (!Number.isFinite(west)) return { size, paths: [], points: [] };

  const midLat = (south + north) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  // A lone point (or points very close together) gets a minimum view around it.
  if (north - south < 2 * minSpan) {
    south = midLat - minSpan;
    north = midLat + minSpan;
  }
  const midLon = (west + east) / 2;
  if ((east - west) * kx < 2 * minSpan) {
    west = midLon - minSpan / kx;
    east = midLon + minSpan / kx;
  }
  const width = (east - west) * kx;
  const height = north - south;
  const inner = size - 2 * padding;
  const scale = inner / Math.max(width, height);
  const offsetX = padding + (inner - width * scale) / 2;
  const offsetY = padding + (inner - height * scale) / 2;
  const project = (lon: number, lat: number) => ({
    x: round1(offsetX + (lon - west) * kx * scale),
    y: round1(offsetY + (north - lat) * scale),
  });

  const paths = polygons
    .map((polygon) =>
      polygon
        .map((ring) => {
          const kept: { x: number; y: number }[] = [];
          for (const [lon = 0, lat = 0] of ring) {
            const p = project(lon, lat);
            const last = kept[kept.length - 1];
            if (!last || Math.hypot(p.x - last.x, p.y - last.y) >= tolerance) kept.push(p);
          }
          if (kept.length < 3) return '';
          return `M${kept.map((p) => `${p.x} ${p.y}`).join('L')}Z`;
        })
        .join(''),
    )
    .filter((d) => d !== '');

  return { size, paths, points: points.map((p) => project(p.lon, p.lat)) };
}
