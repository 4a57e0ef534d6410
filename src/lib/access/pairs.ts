/**
 * Finding the demand–supply pairs within a catchment, with a spatial index (kdbush), so
 * the work grows with the number of pairs found rather than with demand × supply.
 *
 * - euclidean: projected x/y in metres; each query is the bounding box [x ± r, y ± r],
 *   candidates are kept when Math.sqrt(dx*dx + dy*dy) <= r.
 * - geodesic: lon/lat in degrees; each query is a lon/lat box that contains the whole
 *   spherical cap of radius r (latitude ± r/R; longitude ± asin(sin(r/R) / cos φ), split in
 *   two at the antimeridian, the full circle near a pole), slightly enlarged for rounding;
 *   candidates are kept when their haversine distance (distance.ts, same doubles as
 *   @turf/distance) is <= r. So the result is exactly the set of pairs an all-pairs loop
 *   with that formula would keep.
 *
 * (geokdbush's `around` also works on lon/lat, but it walks a priority queue to return
 * points in distance order, which we do not need; a box query plus the exact test is
 * simpler and faster for "every point within r".)
 *
 * Without maxCost (Infinity) every pair is returned: that is an all-pairs loop by nature.
 */
import KDBush from 'kdbush';
import { PairBuilder, type PairList } from './costs.ts';
import { EARTH_RADIUS_M, euclidean, haversineA, haversineFromA, toRadians } from './distance.ts';

export type Metric = 'euclidean' | 'geodesic';

/** Point coordinates as parallel arrays; for `geodesic`, x = longitude and y = latitude in degrees. */
export interface PointSet {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

export interface FindPairsOptions {
  readonly metric: Metric;
  /** Inclusive search radius (metres). Default Infinity: all pairs. */
  readonly maxCost?: number;
  /** Leave out pairs (i, i); for demand-to-demand pairs where origins and dests are the same set. */
  readonly excludeSelf?: boolean;
}

/** Cost of one pair of points under a metric (the same formula the finder uses). */
export function pointDistance(metric: Metric, x1: number, y1: number, x2: number, y2: number): number {
  if (metric === 'euclidean') return euclidean(x1, y1, x2, y2);
  return haversineFromA(haversineA(x1, y1, x2, y2, Math.cos(toRadians(y1)), Math.cos(toRadians(y2))));
}

function validate(points: PointSet, metric: Metric, name: string): void {
  if (points.x.length !== points.y.length) throw new RangeError(`${name}: x and y have different lengths`);
  for (let i = 0; i < points.x.length; i++) {
    const x = points.x[i]!;
    const y = points.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`${name}: point ${String(i)} has a non-finite coordinate`);
    if (metric === 'geodesic' && (x < -180 || x > 180 || y < -90 || y > 90)) {
      throw new RangeError(`${name}: point ${String(i)} (${String(x)}, ${String(y)}) is not a lon/lat in degrees`);
    }
  }
}

function cosLatitudes(points: PointSet): Float64Array {
  const c = new Float64Array(points.y.length);
  for (let i = 0; i < c.length; i++) c[i] = Math.cos(toRadians(points.y[i]!));
  return c;
}

function buildIndex(points: PointSet): KDBush {
  const n = points.x.length;
  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(points.x[i]!, points.y[i]!);
  if (n === 0) index.add(Infinity, Infinity); // kdbush needs one item; never inside a finite box
  return index.finish();
}

/** Relative and absolute slack added to query boxes so rounding never loses a point. */
const SLACK = 1e-9;

/** Lon/lat boxes (1 or 2) containing the spherical cap of radius `r` metres around (lon, lat). */
function geodesicBoxes(lon: number, lat: number, r: number): number[][] {
  const delta = (r / EARTH_RADIUS_M) * (1 + SLACK) + SLACK * 1e-3;
  if (delta >= Math.PI) return [[-180, -90, 180, 90]];
  const dDeg = (delta * 180) / Math.PI;
  const latMin = lat - dDeg;
  const latMax = lat + dDeg;
  if (latMin <= -90 || latMax >= 90) return [[-180, Math.max(-90, latMin), 180, Math.min(90, latMax)]];
  const s = Math.sin(delta) / Math.cos((lat * Math.PI) / 180);
  if (s >= 1) return [[-180, latMin, 180, latMax]];
  const dLon = ((Math.asin(s) * 180) / Math.PI) * (1 + SLACK) + SLACK;
  if (dLon >= 180) return [[-180, latMin, 180, latMax]];
  const lonMin = lon - dLon;
  const lonMax = lon + dLon;
  const boxes = [[Math.max(-180, lonMin), latMin, Math.min(180, lonMax), latMax]];
  if (lonMin < -180) boxes.push([lonMin + 360, latMin, 180, latMax]);
  if (lonMax > 180) boxes.push([-180, latMin, lonMax - 360, latMax]);
  return boxes;
}

/**
 * All pairs (origin i, dest j) with cost <= maxCost, cost computed with `metric`.
 * The result's origin indices refer to `origins`, dest indices to `dests`.
 */
export function findPairs(origins: PointSet, dests: PointSet, options: FindPairsOptions): PairList {
  const { metric } = options;
  const r = options.maxCost ?? Infinity;
  if (Number.isNaN(r)) throw new RangeError('maxCost must be a number');
  validate(origins, metric, 'origins');
  validate(dests, metric, 'dests');
  const nO = origins.x.length;
  const nD = dests.x.length;
  const excludeSelf = options.excludeSelf === true;
  const out = new PairBuilder();
  if (r < 0 || nO === 0 || nD === 0) return out.finish();

  const geo = metric === 'geodesic';
  const cosO = geo ? cosLatitudes(origins) : null;
  const cosD = geo ? cosLatitudes(dests) : null;

  if (r === Infinity) {
    for (let i = 0; i < nO; i++) {
      const xi = origins.x[i]!;
      const yi = origins.y[i]!;
      for (let j = 0; j < nD; j++) {
        if (excludeSelf && i === j) continue;
        const c = geo
          ? haversineFromA(haversineA(xi, yi, dests.x[j]!, dests.y[j]!, cosO![i]!, cosD![j]!))
          : euclidean(xi, yi, dests.x[j]!, dests.y[j]!);
        out.push(i, j, c);
      }
    }
    return out.finish();
  }

  // Index the larger set, query with each point of the smaller one.
  const queryOrigins = nO <= nD;
  const indexed = queryOrigins ? dests : origins;
  const queries = queryOrigins ? origins : dests;
  const cosIndexed = queryOrigins ? cosD : cosO;
  const cosQueries = queryOrigins ? cosO : cosD;
  const index = buildIndex(indexed);
  const ix = indexed.x;
  const iy = indexed.y;
  const nQ = queries.x.length;
  // Upper bound on the haversine `a` term for distance r (enlarged for rounding); the
  // exact test d <= r is applied to the candidates that pass it.
  const halfAngle = Math.min(Math.PI / 2, ((r / EARTH_RADIUS_M) * (1 + SLACK)) / 2);
  const aMax = geo ? Math.sin(halfAngle) ** 2 * (1 + SLACK) + 1e-300 : 0;
  // Threshold for the cheap lower bound on `a`, with room for its rounding (≪ 1e-12).
  const aMaxBound = aMax * (1 + 1e-12);

  for (let q = 0; q < nQ; q++) {
    const qx = queries.x[q]!;
    const qy = queries.y[q]!;
    const boxes = geo ? geodesicBoxes(qx, qy, r) : [[qx - r, qy - r, qx + r, qy + r]];
    for (const box of boxes) {
      const found = index.range(box[0]!, box[1]!, box[2]!, box[3]!);
      for (const p of found) {
        const i = queryOrigins ? q : p;
        const j = queryOrigins ? p : q;
        if (excludeSelf && i === j) continue;
        let c: number;
        if (geo) {
          // haversineA inlined, with the same argument order as an origin→dest haversine so
          // costs do not depend on which side was indexed. Before the two sines, a cheap
          // lower bound on `a` (sin²x ≥ x² − x⁴/3 for |x| ≤ 1) drops the candidates in the
          // corners of the box: only pairs whose `a` is surely above aMax are dropped, and
          // those fail the exact test below anyway, so the result is unchanged.
          const lon1 = queryOrigins ? qx : ix[p]!;
          const lat1 = queryOrigins ? qy : iy[p]!;
          const lon2 = queryOrigins ? ix[p]! : qx;
          const lat2 = queryOrigins ? iy[p]! : qy;
          const cos1 = queryOrigins ? cosQueries![q]! : cosIndexed![p]!;
          const cos2 = queryOrigins ? cosIndexed![p]! : cosQueries![q]!;
          const hLat = toRadians(lat2 - lat1) / 2;
          const hLon = toRadians(lon2 - lon1) / 2;
          if (hLat < 1 && hLat > -1 && hLon < 1 && hLon > -1) {
            const l2 = hLat * hLat;
            const o2 = hLon * hLon;
            if (l2 * (1 - l2 / 3) + o2 * (1 - o2 / 3) * cos1 * cos2 > aMaxBound) continue;
          }
          const sLat = Math.sin(hLat);
          const sLon = Math.sin(hLon);
          const a = sLat * sLat + sLon * sLon * cos1 * cos2;
          if (a > aMax) continue;
          c = haversineFromA(a);
        } else {
          c = queryOrigins ? euclidean(qx, qy, ix[p]!, iy[p]!) : euclidean(ix[p]!, iy[p]!, qx, qy);
        }
        if (c <= r) out.push(i, j, c);
      }
    }
  }
  return out.finish();
}

/**
 * Cost from each origin to its nearest destination (NaN when none within maxCost), with
 * the same formulas as {@link findPairs}, without listing every pair: each origin searches
 * a growing radius until it finds a destination; the minimum over the points within the
 * final radius is exact, since any closer point would lie inside it.
 */
export function nearestCost(origins: PointSet, dests: PointSet, options: Omit<FindPairsOptions, 'excludeSelf'>): Float64Array {
  const { metric } = options;
  const maxCost = options.maxCost ?? Infinity;
  if (Number.isNaN(maxCost)) throw new RangeError('maxCost must be a number');
  validate(origins, metric, 'origins');
  validate(dests, metric, 'dests');
  const nO = origins.x.length;
  const nD = dests.x.length;
  const out = new Float64Array(nO).fill(NaN);
  if (nD === 0 || maxCost < 0) return out;
  const geo = metric === 'geodesic';
  const index = buildIndex(dests);
  const cosD = geo ? cosLatitudes(dests) : null;
  const dx = dests.x;
  const dy = dests.y;
  // Starting radius: about the spacing of the destinations if they were spread evenly.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let j = 0; j < nD; j++) {
    minX = Math.min(minX, dx[j]!);
    maxX = Math.max(maxX, dx[j]!);
    minY = Math.min(minY, dy[j]!);
    maxY = Math.max(maxY, dy[j]!);
  }
  const spanX = geo ? (maxX - minX) * 111_000 * Math.cos((((minY + maxY) / 2) * Math.PI) / 180) : maxX - minX;
  const spanY = geo ? (maxY - minY) * 111_000 : maxY - minY;
  const r0 = Math.max(geo ? 100 : 1e-9, Math.hypot(spanX, spanY) / Math.sqrt(nD));
  const whole = geo ? Math.PI * EARTH_RADIUS_M : Infinity;

  for (let i = 0; i < nO; i++) {
    const qx = origins.x[i]!;
    const qy = origins.y[i]!;
    const cosQ = geo ? Math.cos(toRadians(qy)) : 0;
    let r = Math.min(r0, maxCost);
    for (;;) {
      const full = r >= whole || r === Infinity;
      let best = Infinity;
      const consider = (j: number): void => {
        const c = geo ? haversineFromA(haversineA(qx, qy, dx[j]!, dy[j]!, cosQ, cosD![j]!)) : euclidean(qx, qy, dx[j]!, dy[j]!);
        if (c <= r && c < best) best = c;
      };
      if (full) {
        for (let j = 0; j < nD; j++) consider(j);
      } else {
        const boxes = geo ? geodesicBoxes(qx, qy, r) : [[qx - r, qy - r, qx + r, qy + r]];
        for (const box of boxes) for (const j of index.range(box[0]!, box[1]!, box[2]!, box[3]!)) consider(j);
      }
      if (best !== Infinity) {
        out[i] = best;
        break;
      }
      if (full || r >= maxCost) break;
      r = Math.min(r * 4, maxCost);
    }
  }
  return out;
}
