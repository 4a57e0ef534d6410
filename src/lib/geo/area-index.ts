/**
 * Point-in-polygon assignment of services to census areas, with a spatial index.
 *
 * A uniform grid over the areas' extent stores, per cell, the areas whose bounding box touches
 * the cell. A point is then tested exactly (Turf's ray casting) only against those few areas
 * instead of all of them: Toronto's ~5,000 points × 158 detailed neighbourhoods go from ~790k
 * polygon tests to ~2 per point. A grid suits this data better than a tree: areas are similar
 * in size and tile the region, so cells hold a near-constant number of candidates.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygonBbox, type PolygonalGeometry } from './geometry.ts';

export interface IndexedArea {
  readonly id: string;
  readonly geometry: PolygonalGeometry;
}

interface Entry {
  readonly id: string;
  readonly geometry: PolygonalGeometry;
  readonly bbox: readonly [number, number, number, number];
  /** Position in the input, so ties on shared borders resolve the same way every run. */
  readonly order: number;
}

export class AreaIndex {
  readonly #cells: Entry[][];
  readonly #cols: number;
  readonly #rows: number;
  readonly #west: number;
  readonly #south: number;
  readonly #cellW: number;
  readonly #cellH: number;

  /** `cellsPerSide` defaults to about 2 × √(number of areas), i.e. a few areas per cell. */
  constructor(areas: readonly IndexedArea[], cellsPerSide?: number) {
    const entries: Entry[] = areas.map((a, order) => ({
      id: a.id,
      geometry: a.geometry,
      bbox: polygonBbox(a.geometry),
      order,
    }));
    const side = Math.max(1, cellsPerSide ?? Math.ceil(2 * Math.sqrt(Math.max(1, entries.length))));
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const { bbox } of entries) {
      w = Math.min(w, bbox[0]);
      s = Math.min(s, bbox[1]);
      e = Math.max(e, bbox[2]);
      n = Math.max(n, bbox[3]);
    }
    if (entries.length === 0) {
      w = s = 0;
      e = n = 1;
    }
    this.#cols = side;
    this.#rows = side;
    this.#west = w;
    this.#south = s;
    // A zero-size extent (one degenerate area) still needs a positive cell size.
    this.#cellW = (e - w || 1e-9) / side;
    this.#cellH = (n - s || 1e-9) / side;
    this.#cells = Array.from({ length: side * side }, () => []);
    for (const entry of entries) {
      const [c0, r0] = this.#cell(entry.bbox[0], entry.bbox[1]);
      const [c1, r1] = this.#cell(entry.bbox[2], entry.bbox[3]);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) this.#cells[r * this.#cols + c]?.push(entry);
      }
    }
  }

  #cell(lon: number, lat: number): [number, number] {
    const c = Math.min(this.#cols - 1, Math.max(0, Math.floor((lon - this.#west) / this.#cellW)));
    const r = Math.min(this.#rows - 1, Math.max(0, Math.floor((lat - this.#south) / this.#cellH)));
    return [c, r];
  }

  /**
   * Id of the area containing `[lon, lat]`, or null when it is in none. A point exactly on a
   * border shared by two areas goes to the one listed first in the areas file.
   */
  areaAt(lon: number, lat: number): string | null {
    if (
      lon < this.#west ||
      lat < this.#south ||
      lon > this.#west + this.#cellW * this.#cols ||
      lat > this.#south + this.#cellH * this.#rows
    ) {
      return null;
    }
    const [c, r] = this.#cell(lon, lat);
    let best: Entry | undefined;
    for (const entry of this.#cells[r * this.#cols + c] ?? []) {
      const [w, s, e, n] = entry.bbox;
      if (lon < w || lon > e || lat < s || lat > n) continue;
      if (best !== undefined && best.order < entry.order) continue;
      if (booleanPointInPolygon([lon, lat], entry.geometry)) best = entry;
    }
    return best?.id ?? null;
  }
}
