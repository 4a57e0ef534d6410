/**
 * Finding the demand–supply pairs within a catchment, with a spatial index (a uniform grid
 * over the larger point set, stored cell by cell in typed arrays: a query reads contiguous
 * memory and allocates nothing), so the work grows with the number of pairs found rather than
 * with demand × supply. (`nearestCost` searches growing radii with kdbush.)
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
  /**
   * Default true. False when the caller only needs which pairs are within maxCost (2SFCA
   * without a weight): the same pairs in the same order, every geodesic pair reading cost 0
   * (no cost array is grown while finding them). A pair surely inside the radius (an upper
   * bound on its haversine term below the radius's) skips the exact haversine; pairs near
   * the edge are still decided exactly.
   */
  readonly withCosts?: boolean;
}

/** Cost of one pair of points under a metric (the same formula the finder uses). */
export function pointDistance(metric: Metric, x1: number, y1: number, x2: number, y2: number): number {
  if (metric === 'euclidean') return euclidean(x1, y1, x2, y2);
  return haversineFromA(haversineA(x1, y1, x2, y2, Math.cos(toRadians(y1)), Math.cos(toRadians(y2))));
}

function validate(points: PointSet, metric: Metric, name: string): void {
  if (points.x.length !== points.y.length) throw new RangeError(`${name}: x and y have different lengths`);
  for (let i = 0; i < points.x.length; i++) {
    const x = points.x[i] ?? NaN;
    const y = points.y[i] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new RangeError(`${name}: point ${String(i)} has a non-finite coordinate`);
    if (metric === 'geodesic' && (x < -180 || x > 180 || y < -90 || y > 90)) {
      throw new RangeError(`${name}: point ${String(i)} (${String(x)}, ${String(y)}) is not a lon/lat in degrees`);
    }
  }
}

function cosLatitudes(points: PointSet): Float64Array {
  const c = new Float64Array(points.y.length);
  for (let i = 0; i < c.length; i++) c[i] = Math.cos(toRadians(points.y[i] ?? NaN));
  return c;
}

function buildIndex(points: PointSet): KDBush {
  const n = points.x.length;
  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(points.x[i] ?? NaN, points.y[i] ?? NaN);
  if (n === 0) index.add(Infinity, Infinity); // kdbush needs one item; never inside a finite box
  return index.finish();
}

/** Relative and absolute slack added to query boxes so rounding never loses a point. */
const SLACK = 1e-9;

/**
 * Lon/lat boxes (1 to 3) containing the spherical cap of radius `r` metres around (lon, lat),
 * written as minX, minY, maxX, maxY into `out` (when given); returns how many.
 */
function geodesicBoxes(lon: number, lat: number, r: number, out: Float64Array = new Float64Array(12)): number {
  const box = (k: number, a: number, b: number, c: number, d: number) => {
    out[k * 4] = a;
    out[k * 4 + 1] = b;
    out[k * 4 + 2] = c;
    out[k * 4 + 3] = d;
  };
  const delta = (r / EARTH_RADIUS_M) * (1 + SLACK) + SLACK * 1e-3;
  if (delta >= Math.PI) return (box(0, -180, -90, 180, 90), 1);
  const dDeg = (delta * 180) / Math.PI;
  const latMin = lat - dDeg;
  const latMax = lat + dDeg;
  if (latMin <= -90 || latMax >= 90) return (box(0, -180, Math.max(-90, latMin), 180, Math.min(90, latMax)), 1);
  const s = Math.sin(delta) / Math.cos((lat * Math.PI) / 180);
  if (s >= 1) return (box(0, -180, latMin, 180, latMax), 1);
  const dLon = ((Math.asin(s) * 180) / Math.PI) * (1 + SLACK) + SLACK;
  if (dLon >= 180) return (box(0, -180, latMin, 180, latMax), 1);
  const lonMin = lon - dLon;
  const lonMax = lon + dLon;
  let n = 0;
  box(n++, Math.max(-180, lonMin), latMin, Math.min(180, lonMax), latMax);
  if (lonMin < -180) box(n++, lonMin + 360, latMin, 180, latMax);
  if (lonMax > 180) box(n++, -180, latMin, lonMax - 360, latMax);
  return n;
}

function euclideanBox(x: number, y: number, r: number, out: Float64Array): number {
  out[0] = x - r;
  out[1] = y - r;
  out[2] = x + r;
  out[3] = y + r;
  return 1;
}

/** The boxes as arrays (nearestCost's kdbush queries). */
function boxList(lon: number, lat: number, r: number): number[][] {
  const out = new Float64Array(12);
  const n = geodesicBoxes(lon, lat, r, out);
  return Array.from({ length: n }, (_, k) => Array.from(out.subarray(k * 4, k * 4 + 4)));
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
  // Cosines of the latitudes, for the haversine (none for planar metrics).
  const cosO = geo ? cosLatitudes(origins) : new Float64Array(0);
  const cosD = geo ? cosLatitudes(dests) : new Float64Array(0);

  if (r === Infinity) {
    for (let i = 0; i < nO; i++) {
      const xi = origins.x[i] ?? NaN;
      const yi = origins.y[i] ?? NaN;
      for (let j = 0; j < nD; j++) {
        if (excludeSelf && i === j) continue;
        const c = geo
          ? haversineFromA(haversineA(xi, yi, dests.x[j] ?? NaN, dests.y[j] ?? NaN, cosO[i] ?? NaN, cosD[j] ?? NaN))
          : euclidean(xi, yi, dests.x[j] ?? NaN, dests.y[j] ?? NaN);
        out.push(i, j, c);
      }
    }
    return out.finish();
  }

  // Index the larger set in a grid, query with each point of the smaller one.
  const queryOrigins = nO <= nD;
  const indexed = queryOrigins ? dests : origins;
  const queries = queryOrigins ? origins : dests;
  const cosIndexed = queryOrigins ? cosD : cosO;
  const cosQueries = queryOrigins ? cosO : cosD;
  // Cell size: a third of the query box's height (2r in latitude degrees, or 2r metres), so the
  // cells a box touches hold few points outside it; each point of those cells is tested
  // against the box, so the candidates are exactly those of a box query.
  const reach = geo ? Math.min(180, ((r / EARTH_RADIUS_M) * (1 + SLACK) + SLACK * 1e-3) * (180 / Math.PI) * 2) : 2 * r;
  const grid = new Grid(indexed, reach / 3);
  const ix = grid.x;
  const iy = grid.y;
  const ids = grid.ids;
  // Cosines of the indexed latitudes in grid order (read in sequence, like the coordinates).
  const cosGrid = new Float64Array(ids.length);
  if (geo) for (let k = 0; k < ids.length; k++) cosGrid[k] = cosIndexed[ids[k] ?? NaN] ?? NaN;
  const nQ = queries.x.length;
  const qxs = queries.x;
  const qys = queries.y;
  // Upper bound on the haversine `a` term for distance r (enlarged for rounding); the
  // exact test d <= r is applied to the candidates that pass it.
  const halfAngle = Math.min(Math.PI / 2, ((r / EARTH_RADIUS_M) * (1 + SLACK)) / 2);
  const aMax = geo ? Math.sin(halfAngle) ** 2 * (1 + SLACK) + 1e-300 : 0;
  // Threshold for the cheap lower bound on `a`, with room for its rounding (≪ 1e-12).
  const aMaxBound = aMax * (1 + 1e-12);
  const boxes = new Float64Array(12);

  // Lower threshold on `a`, below which the exact cost is surely <= r (room of 1e-9 relative).
  const aSure = options.withCosts === false ? Math.sin(((r / EARTH_RADIUS_M) * (1 - 1e-9)) / 2) ** 2 * (1 - 1e-9) : -1;

  if (geo)
    return geodesicScan(grid, cosGrid, qxs, qys, cosQueries, r, aMax, aMaxBound, aSure, queryOrigins, excludeSelf);

  for (let q = 0; q < nQ; q++) {
    const qx = qxs[q] ?? NaN;
    const qy = qys[q] ?? NaN;
    euclideanBox(qx, qy, r, boxes);
    const [c0, c1, r0, r1] = grid.cells(boxes[0] ?? NaN, boxes[1] ?? NaN, boxes[2] ?? NaN, boxes[3] ?? NaN);
    // A box beside the grid touches no cell (its column range is empty).
    if (c0 > c1) continue;
    for (let row = r0; row <= r1; row++) {
      const end = grid.start[row * grid.nx + c1 + 1] ?? NaN;
      for (let k = grid.start[row * grid.nx + c0] ?? NaN; k < end; k++) {
        const px = ix[k] ?? NaN;
        const py = iy[k] ?? NaN;
        if (px < (boxes[0] ?? NaN) || px > (boxes[2] ?? NaN) || py < (boxes[1] ?? NaN) || py > (boxes[3] ?? NaN))
          continue;
        const p = ids[k] ?? NaN;
        const i = queryOrigins ? q : p;
        const j = queryOrigins ? p : q;
        if (excludeSelf && i === j) continue;
        const c = queryOrigins ? euclidean(qx, qy, px, py) : euclidean(px, py, qx, qy);
        if (c <= r) out.push(i, j, c);
      }
    }
  }
  return out.finish();
}

/**
 * findPairs' loop on lon/lat (queries are the origins when `queryOrigins`, else the
 * destinations), writing the pairs straight into growing typed arrays. The haversine is
 * inlined with the arguments in origin→dest order, so costs do not depend on which side was
 * indexed and are the doubles of `haversine` (distance.ts). Before the two sines, a cheap
 * lower bound on `a` (sin²x ≥ x² − x⁴/3 for |x| ≤ 1) drops the candidates in the corners of
 * the box: only pairs whose `a` is surely above aMax are dropped, and those fail the exact
 * test anyway, so the result is unchanged. With aSure > 0 (withCosts false), an upper bound
 * on `a` (sin²x ≤ x²) below aSure accepts the pair without the sines, and every pair
 * reads cost 0 (no cost array is grown).
 */
function geodesicScan(
  grid: Grid,
  cosGrid: Float64Array,
  qxs: ArrayLike<number>,
  qys: ArrayLike<number>,
  cosQueries: Float64Array,
  r: number,
  aMax: number,
  aMaxBound: number,
  aSure: number,
  queryOrigins: boolean,
  excludeSelf: boolean,
): PairList {
  const ix = grid.x;
  const iy = grid.y;
  const ids = grid.ids;
  const start = grid.start;
  const nx = grid.nx;
  const nQ = qxs.length;
  const boxes = new Float64Array(12);
  // Upper bound on the number of pairs: the points in the cells each query's boxes touch
  // (a pass over cell ranges only), so the pair arrays are allocated once, never copied.
  let cap = 1;
  for (let q = 0; q < nQ; q++) {
    const nBoxes = geodesicBoxes(qxs[q] ?? NaN, qys[q] ?? NaN, r, boxes);
    for (let b = 0; b < nBoxes; b++) {
      const [c0, c1, r0, r1] = grid.cells(
        boxes[b * 4] ?? NaN,
        boxes[b * 4 + 1] ?? NaN,
        boxes[b * 4 + 2] ?? NaN,
        boxes[b * 4 + 3] ?? NaN,
      );
      if (c0 <= c1)
        for (let row = r0; row <= r1; row++) cap += (start[row * nx + c1 + 1] ?? NaN) - (start[row * nx + c0] ?? NaN);
    }
  }
  let origin = new Uint32Array(cap);
  let dest = new Uint32Array(cap);
  const withCosts = aSure < 0;
  let cost = new Float64Array(withCosts ? cap : 0);
  let n = 0;
  for (let q = 0; q < nQ; q++) {
    const qx = qxs[q] ?? NaN;
    const qy = qys[q] ?? NaN;
    const cosQ = cosQueries[q] ?? NaN;
    const nBoxes = geodesicBoxes(qx, qy, r, boxes);
    for (let b = 0; b < nBoxes; b++) {
      const minX = boxes[b * 4] ?? NaN;
      const minY = boxes[b * 4 + 1] ?? NaN;
      const maxX = boxes[b * 4 + 2] ?? NaN;
      const maxY = boxes[b * 4 + 3] ?? NaN;
      const [c0, c1, r0, r1] = grid.cells(minX, minY, maxX, maxY);
      if (c0 > c1) continue;
      for (let row = r0; row <= r1; row++) {
        const end = start[row * nx + c1 + 1] ?? NaN;
        for (let k = start[row * nx + c0] ?? NaN; k < end; k++) {
          const px = ix[k] ?? NaN;
          const py = iy[k] ?? NaN;
          if (px < minX || px > maxX || py < minY || py > maxY) continue;
          if (excludeSelf && ids[k] === q) continue;
          // Origin first, as in haversine(origin, dest).
          const cos1 = queryOrigins ? cosQ : (cosGrid[k] ?? NaN);
          const cos2 = queryOrigins ? (cosGrid[k] ?? NaN) : cosQ;
          const dLat = queryOrigins ? py - qy : qy - py;
          const dLon = queryOrigins ? px - qx : qx - px;
          // toRadians, written out so the loop makes no call.
          const hLat = ((dLat > -360 && dLat < 360 ? dLat : dLat % 360) * Math.PI) / 180 / 2;
          const hLon = ((dLon > -360 && dLon < 360 ? dLon : dLon % 360) * Math.PI) / 180 / 2;
          let sure = false;
          if (hLat < 1 && hLat > -1 && hLon < 1 && hLon > -1) {
            const l2 = hLat * hLat;
            const o2 = hLon * hLon;
            if (l2 * (1 - l2 / 3) + o2 * (1 - o2 / 3) * cos1 * cos2 > aMaxBound) continue;
            sure = (l2 + o2 * cos1 * cos2) * (1 + 1e-12) < aSure;
          }
          let c = 0;
          if (!sure) {
            const sLat = Math.sin(hLat);
            const sLon = Math.sin(hLon);
            const a = sLat * sLat + sLon * sLon * cos1 * cos2;
            if (a > aMax) continue;
            c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
            if (!(c <= r)) continue;
          }
          if (n === cap) {
            cap *= 2;
            const o = new Uint32Array(cap);
            o.set(origin);
            origin = o;
            const d = new Uint32Array(cap);
            d.set(dest);
            dest = d;
            if (withCosts) {
              const w = new Float64Array(cap);
              w.set(cost);
              cost = w;
            }
          }
          origin[n] = queryOrigins ? q : (ids[k] ?? NaN);
          dest[n] = queryOrigins ? (ids[k] ?? NaN) : q;
          if (withCosts) cost[n] = c;
          n++;
        }
      }
    }
  }
  return {
    origin: origin.subarray(0, n),
    dest: dest.subarray(0, n),
    cost: withCosts ? cost.subarray(0, n) : new Float64Array(n),
    length: n,
  };
}

/**
 * A uniform grid over a point set, the points stored cell by cell (compressed rows: `start`
 * gives each cell's first slot; cells are numbered row by row), with their coordinates copied
 * into that order so a box query reads contiguous memory and allocates nothing.
 */
class Grid {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Index of the point in the original set, per slot. */
  readonly ids: Uint32Array;
  readonly start: Uint32Array;
  readonly nx: number;
  readonly ny: number;
  readonly #minX: number;
  readonly #minY: number;
  readonly #size: number;
  readonly #cellRange: [number, number, number, number] = [0, 0, 0, 0];

  constructor(points: PointSet, cell: number) {
    const n = points.x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = points.x[i] ?? NaN;
      const y = points.y[i] ?? NaN;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    // At most about 32 cells per point (4 bytes each): larger cells only when the points are
    // sparse. A cap of 4 per point made the national synthetic's cells 4 times the intended
    // size, so each query scanned several times the points of its box.
    let size = cell > 0 ? cell : 1;
    const span = (v: number) => Math.floor(v / size) + 1;
    while (span(maxX - minX) * span(maxY - minY) > 32 * n + 1024) size *= 2;
    this.#size = size;
    this.#minX = minX;
    this.#minY = minY;
    this.nx = span(maxX - minX);
    this.ny = span(maxY - minY);
    const cellOf = new Uint32Array(n);
    const start = new Uint32Array(this.nx * this.ny + 1);
    for (let i = 0; i < n; i++) {
      const c =
        Math.floor(((points.y[i] ?? NaN) - minY) / size) * this.nx + Math.floor(((points.x[i] ?? NaN) - minX) / size);
      cellOf[i] = c;
      start[c + 1] = (start[c + 1] ?? NaN) + 1;
    }
    for (let c = 0; c < this.nx * this.ny; c++) start[c + 1] = (start[c + 1] ?? NaN) + (start[c] ?? NaN);
    const at = start.slice(0, this.nx * this.ny);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.ids = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const cell = cellOf[i] ?? NaN;
      const k = at[cell] ?? NaN;
      at[cell] = k + 1;
      this.x[k] = points.x[i] ?? NaN;
      this.y[k] = points.y[i] ?? NaN;
      this.ids[k] = i;
    }
    this.start = start;
  }

  /** Columns c0..c1 and rows r0..r1 of the cells a box touches (c0 > c1 or r0 > r1: none). Reused array. */
  cells(minX: number, minY: number, maxX: number, maxY: number): readonly [number, number, number, number] {
    const out = this.#cellRange;
    const s = this.#size;
    out[0] = Math.max(0, Math.floor((minX - this.#minX) / s));
    out[1] = Math.min(this.nx - 1, Math.floor((maxX - this.#minX) / s));
    out[2] = Math.max(0, Math.floor((minY - this.#minY) / s));
    out[3] = Math.min(this.ny - 1, Math.floor((maxY - this.#minY) / s));
    return out;
  }
}

/**
 * Cost from each origin to its nearest destination (NaN when none within maxCost), with
 * the same formulas as {@link findPairs}, without listing every pair: each origin searches
 * a growing radius until it finds a destination; the minimum over the points within the
 * final radius is exact, since any closer point would lie inside it. With `nearestIndex`
 * (as long as the origins), each origin's nearest destination is written there too (the
 * lowest index among equally near ones; -1 when none).
 */
export function nearestCost(
  origins: PointSet,
  dests: PointSet,
  options: Omit<FindPairsOptions, 'excludeSelf'>,
  nearestIndex?: Int32Array,
): Float64Array {
  const { metric } = options;
  const maxCost = options.maxCost ?? Infinity;
  if (Number.isNaN(maxCost)) throw new RangeError('maxCost must be a number');
  validate(origins, metric, 'origins');
  validate(dests, metric, 'dests');
  const nO = origins.x.length;
  const nD = dests.x.length;
  const out = new Float64Array(nO).fill(NaN);
  nearestIndex?.fill(-1);
  if (nD === 0 || maxCost < 0) return out;
  const geo = metric === 'geodesic';
  const index = buildIndex(dests);
  const cosD = geo ? cosLatitudes(dests) : new Float64Array(0);
  const dx = dests.x;
  const dy = dests.y;
  // Starting radius: about the spacing of the destinations if they were spread evenly.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let j = 0; j < nD; j++) {
    minX = Math.min(minX, dx[j] ?? NaN);
    maxX = Math.max(maxX, dx[j] ?? NaN);
    minY = Math.min(minY, dy[j] ?? NaN);
    maxY = Math.max(maxY, dy[j] ?? NaN);
  }
  const spanX = geo ? (maxX - minX) * 111_000 * Math.cos((((minY + maxY) / 2) * Math.PI) / 180) : maxX - minX;
  const spanY = geo ? (maxY - minY) * 111_000 : maxY - minY;
  const r0 = Math.max(geo ? 100 : 1e-9, Math.hypot(spanX, spanY) / Math.sqrt(nD));
  const whole = geo ? Math.PI * EARTH_RADIUS_M : Infinity;

  for (let i = 0; i < nO; i++) {
    const qx = origins.x[i] ?? NaN;
    const qy = origins.y[i] ?? NaN;
    const cosQ = geo ? Math.cos(toRadians(qy)) : 0;
    let r = Math.min(r0, maxCost);
    for (;;) {
      const full = r >= whole || r === Infinity;
      let best = Infinity;
      let bestJ = -1;
      const consider = (j: number): void => {
        const c = geo
          ? haversineFromA(haversineA(qx, qy, dx[j] ?? NaN, dy[j] ?? NaN, cosQ, cosD[j] ?? NaN))
          : euclidean(qx, qy, dx[j] ?? NaN, dy[j] ?? NaN);
        if (c <= r && (c < best || (c === best && j < bestJ))) {
          best = c;
          bestJ = j;
        }
      };
      if (full) {
        for (let j = 0; j < nD; j++) consider(j);
      } else {
        const boxes = geo ? boxList(qx, qy, r) : [[qx - r, qy - r, qx + r, qy + r]];
        for (const box of boxes)
          for (const j of index.range(box[0] ?? NaN, box[1] ?? NaN, box[2] ?? NaN, box[3] ?? NaN)) consider(j);
      }
      if (best !== Infinity) {
        out[i] = best;
        if (nearestIndex) nearestIndex[i] = bestJ;
        break;
      }
      if (full || r >= maxCost) break;
      r = Math.min(r * 4, maxCost);
    }
  }
  return out;
}
