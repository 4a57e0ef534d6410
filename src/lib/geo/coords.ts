/**
 * Plausibility checks for service coordinates. Lat/lon swaps are the most common error in
 * hand-made CSVs (and one Toronto source file had broken coordinates), so a point outside the
 * region is tested again with its axes swapped to tell the two cases apart in the report.
 */

/** `[west, south, east, north]` in degrees. */
export type Bounds = readonly [number, number, number, number];

export type PointCheck =
  | { readonly ok: true; readonly lon: number; readonly lat: number }
  | { readonly ok: false; readonly problem: 'not-numeric' | 'swapped' | 'out-of-region'; readonly reason: string };

/** Parses a coordinate given as number or text (`"43.7"`, `" -79.4 "`); null when it is not a number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '' || !/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A number too large to represent (`1e999`, read as Infinity), given as a number or text. */
function isInfinite(value: unknown): boolean {
  if (typeof value === 'number') return value === Infinity || value === -Infinity;
  return (
    typeof value === 'string' &&
    /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(value) &&
    !Number.isFinite(Number(value))
  );
}

/** True when `[lon, lat]` lies inside `bounds` (edges included). */
export function inBounds(lon: number, lat: number, bounds: Bounds): boolean {
  const [w, s, e, n] = bounds;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/**
 * Checks a service point against the region bounds. Never corrects a swap silently: a swapped
 * pair is reported as such and the record is left out, because a file with one swap often has
 * others that happen to land inside the region.
 */
export function checkPoint(lonRaw: unknown, latRaw: unknown, bounds: Bounds): PointCheck {
  const lon = parseCoordinate(lonRaw);
  const lat = parseCoordinate(latRaw);
  const infinite = [
    ['lon', lonRaw],
    ['lat', latRaw],
  ].find(([, v]) => isInfinite(v));
  if (infinite !== undefined) {
    return {
      ok: false,
      problem: 'not-numeric',
      reason: `${String(infinite[0])} ${typeof infinite[1] === 'string' ? infinite[1].trim() : String(infinite[1])} is not a finite number`,
    };
  }
  if (lon === null || lat === null) {
    return {
      ok: false,
      problem: 'not-numeric',
      reason: `coordinates must be numbers, got lon ${JSON.stringify(lonRaw)}, lat ${JSON.stringify(latRaw)}`,
    };
  }
  if (inBounds(lon, lat, bounds)) return { ok: true, lon, lat };
  if (inBounds(lat, lon, bounds)) {
    return {
      ok: false,
      problem: 'swapped',
      reason: `lon ${lon}, lat ${lat} looks swapped: as lon ${lat}, lat ${lon} it would lie inside the region`,
    };
  }
  return {
    ok: false,
    problem: 'out-of-region',
    reason: `lon ${lon}, lat ${lat} lies outside the region bounds [${bounds.join(', ')}]`,
  };
}
