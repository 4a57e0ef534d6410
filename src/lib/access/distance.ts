/**
 * Distance formulas used to build cost pairs from coordinates. The access methods
 * themselves never compute distances (see methods.ts).
 *
 * Geodesic distance: the haversine formula on a sphere of radius 6,371,008.8 m (the mean
 * Earth radius), evaluated with the same operations in the same order as `@turf/distance`
 * 7.x with `units: 'meters'`, so both give the same doubles. (Math.pow(x, 2) is written
 * x * x; V8 returns the identical double.) It differs from the ellipsoidal (WGS 84)
 * distance by up to about 0.5 %.
 *
 * Euclidean distance (projected metres): Math.sqrt(dx*dx + dy*dy).
 */

/** Mean Earth radius in metres (the value @turf/helpers uses). */
export const EARTH_RADIUS_M = 6371008.8;

/**
 * Degrees to radians exactly as @turf/helpers `degreesToRadians`: (d % 360) * π / 180.
 * `d % 360` is d itself when |d| < 360 (the remainder is exact), so the costly floating-point
 * remainder runs only outside that range: same doubles, faster on the hot path.
 */
export function toRadians(degrees: number): number {
  return ((degrees > -360 && degrees < 360 ? degrees : degrees % 360) * Math.PI) / 180;
}

/** Haversine `a` term from precomputed cosines of the two latitudes. */
export function haversineA(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
  cosLat1: number,
  cosLat2: number,
): number {
  const sLat = Math.sin(toRadians(lat2 - lat1) / 2);
  const sLon = Math.sin(toRadians(lon2 - lon1) / 2);
  return sLat * sLat + sLon * sLon * cosLat1 * cosLat2;
}

/** Central angle (radians) → metres on the sphere, as turf's radiansToLength. */
export function haversineFromA(a: number): number {
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}

/** Great-circle distance in metres between two lon/lat points (degrees). */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return haversineFromA(haversineA(lon1, lat1, lon2, lat2, Math.cos(toRadians(lat1)), Math.cos(toRadians(lat2))));
}

/** Euclidean distance between projected points. */
export function euclidean(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Angular radius (radians) of a geodesic distance in metres. */
export function metresToRadians(metres: number): number {
  return metres / EARTH_RADIUS_M;
}
