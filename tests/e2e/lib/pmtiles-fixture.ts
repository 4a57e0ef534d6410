/**
 * A tiny PMTiles v3 archive for the tests, built in memory: a few Mapbox Vector Tiles in the
 * Protomaps basemap schema (`earth`, `water`, `landuse`, `roads`) over a region, so a map styled
 * with `@protomaps/basemaps` has something to draw. A few kB; nothing is downloaded.
 *
 * Only what the tests need: uncompressed tiles and directory, one root directory, no metadata.
 * Formats: PMTiles v3 (header, varint directory) and the Mapbox Vector Tile 2.1 protobuf.
 */
import { zxyToTileId } from 'pmtiles';

/** Protobuf writer: just varints, length-delimited fields and packed varints. */
class Proto {
  readonly bytes: number[] = [];
  varint(n: number): this {
    let v = n;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
    return this;
  }
  /** Field `field` with wire type 0 (varint). */
  uint(field: number, n: number): this {
    return this.varint(field * 8).varint(n);
  }
  /** Field `field` with wire type 2 (bytes, string, embedded message, packed list). */
  bytesField(field: number, data: readonly number[] | Uint8Array): this {
    this.varint(field * 8 + 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, text: string): this {
    return this.bytesField(field, new TextEncoder().encode(text));
  }
  packed(field: number, values: readonly number[]): this {
    const inner = new Proto();
    for (const v of values) inner.varint(v);
    return this.bytesField(field, inner.bytes);
  }
}

const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
const command = (id: number, count: number): number => (count << 3) | id;

type Ring = [number, number][];
export interface FixtureFeature {
  /** Layer of the Protomaps schema, e.g. `water`. */
  layer: string;
  properties: Record<string, string>;
  /** Lon/lat: a line, or a polygon's outer ring (clockwise on the map, first point not repeated). */
  line?: Ring;
  polygon?: Ring;
}

const EXTENT = 4096;

/** Tile coordinates of a lon/lat in tile z/x/y (Web Mercator), not clipped. */
function toTile(z: number, x: number, y: number, [lon, lat]: [number, number]): [number, number] {
  const n = 2 ** z;
  const px = ((lon + 180) / 360) * n;
  const rad = (lat * Math.PI) / 180;
  const py = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [Math.round((px - x) * EXTENT), Math.round((py - y) * EXTENT)];
}

function geometry(points: [number, number][], close: boolean): number[] {
  const out: number[] = [];
  let cx = 0;
  let cy = 0;
  points.forEach(([px, py], i) => {
    if (i === 0) out.push(command(1, 1));
    else if (i === 1) out.push(command(2, points.length - 1));
    out.push(zigzag(px - cx), zigzag(py - cy));
    cx = px;
    cy = py;
  });
  if (close) out.push(command(7, 1));
  return out;
}

/** One vector tile with every feature, projected into tile z/x/y. */
function vectorTile(z: number, x: number, y: number, features: readonly FixtureFeature[]): Uint8Array {
  const tile = new Proto();
  for (const name of [...new Set(features.map((f) => f.layer))]) {
    const layer = new Proto().uint(15, 2).string(1, name);
    const keys: string[] = [];
    const values: string[] = [];
    features
      .filter((f) => f.layer === name)
      .forEach((f, i) => {
        const tags: number[] = [];
        for (const [k, v] of Object.entries(f.properties)) {
          if (!keys.includes(k)) keys.push(k);
          if (!values.includes(v)) values.push(v);
          tags.push(keys.indexOf(k), values.indexOf(v));
        }
        const ring = (f.polygon ?? f.line ?? []).map((p) => toTile(z, x, y, p));
        const feature = new Proto()
          .uint(1, i + 1)
          .packed(2, tags)
          .uint(3, f.polygon ? 3 : 2)
          .packed(4, geometry(ring, f.polygon !== undefined));
        layer.bytesField(2, feature.bytes);
      });
    for (const k of keys) layer.string(3, k);
    for (const v of values) layer.bytesField(4, new Proto().string(1, v).bytes);
    layer.uint(5, EXTENT);
    tile.bytesField(3, layer.bytes);
  }
  return new Uint8Array(tile.bytes);
}

/** Tiles x/y at zoom z covering `bounds` = [west, south, east, north]. */
function tilesCovering(z: number, [west, south, east, north]: [number, number, number, number]): [number, number][] {
  const [x0, y0] = toTile(z, 0, 0, [west, north]).map((v) => Math.floor(v / EXTENT)) as [number, number];
  const [x1, y1] = toTile(z, 0, 0, [east, south]).map((v) => Math.floor(v / EXTENT)) as [number, number];
  const out: [number, number][] = [];
  for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) out.push([x, y]);
  return out;
}

/** The archive: `features` in every tile covering `bounds` from zoom 0 to `maxZoom`. */
export function buildPmtiles(
  features: readonly FixtureFeature[],
  bounds: [number, number, number, number],
  maxZoom = 8,
): Uint8Array {
  const entries: { tileId: number; data: Uint8Array }[] = [];
  for (let z = 0; z <= maxZoom; z += 1) {
    for (const [x, y] of tilesCovering(z, bounds))
      entries.push({ tileId: zxyToTileId(z, x, y), data: vectorTile(z, x, y, features) });
  }
  entries.sort((a, b) => a.tileId - b.tileId);
  const directory = new Proto().varint(entries.length);
  let last = 0;
  for (const e of entries) {
    directory.varint(e.tileId - last);
    last = e.tileId;
  }
  for (const _ of entries) directory.varint(1);
  for (const e of entries) directory.varint(e.data.length);
  // Offsets: 0 means "right after the previous tile", which they all are (except the first).
  entries.forEach((_, i) => directory.varint(i === 0 ? 1 : 0));
  const dir = new Uint8Array(directory.bytes);
  const tileBytes = entries.reduce((n, e) => n + e.data.length, 0);
  const header = new DataView(new ArrayBuffer(127));
  const u64 = (at: number, n: number): void => {
    header.setUint32(at, n % 2 ** 32, true);
    header.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
  };
  new TextEncoder().encodeInto('PMTiles', new Uint8Array(header.buffer, 0, 7));
  header.setUint8(7, 3);
  u64(8, 127); // root directory
  u64(16, dir.length);
  u64(24, 127 + dir.length); // metadata (empty)
  u64(32, 0);
  u64(40, 127 + dir.length); // leaf directories (none)
  u64(48, 0);
  u64(56, 127 + dir.length); // tile data
  u64(64, tileBytes);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  header.setUint8(96, 1); // clustered
  header.setUint8(97, 1); // internal compression: none
  header.setUint8(98, 1); // tile compression: none
  header.setUint8(99, 1); // tile type: MVT
  header.setUint8(100, 0);
  header.setUint8(101, maxZoom);
  const e7 = (v: number): number => Math.round(v * 1e7);
  header.setInt32(102, e7(bounds[0]), true);
  header.setInt32(106, e7(bounds[1]), true);
  header.setInt32(110, e7(bounds[2]), true);
  header.setInt32(114, e7(bounds[3]), true);
  header.setUint8(118, Math.min(10, maxZoom));
  header.setInt32(119, e7((bounds[0] + bounds[2]) / 2), true);
  header.setInt32(123, e7((bounds[1] + bounds[3]) / 2), true);
  const out = new Uint8Array(127 + dir.length + tileBytes);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(dir, 127);
  let at = 127 + dir.length;
  for (const e of entries) {
    out.set(e.data, at);
    at += e.data.length;
  }
  return out;
}

/** Land, a lake, a park and two roads over `bounds`: what the map tests look for. */
export function cityFixture(bounds: [number, number, number, number]): Uint8Array {
  const [w, s, e, n] = bounds;
  const midLat = (s + n) / 2;
  const midLon = (w + e) / 2;
  const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
    [x0, y1],
    [x1, y1],
    [x1, y0],
    [x0, y0],
  ];
  return buildPmtiles(
    [
      { layer: 'earth', properties: { kind: 'earth' }, polygon: rect(w - 1, s - 1, e + 1, n + 1) },
      { layer: 'water', properties: { kind: 'lake' }, polygon: rect(w - 1, s - 1, e + 1, s + (n - s) * 0.15) },
      {
        layer: 'landuse',
        properties: { kind: 'park' },
        polygon: rect(midLon - 0.05, midLat - 0.03, midLon + 0.05, midLat + 0.03),
      },
      {
        layer: 'roads',
        properties: { kind: 'highway' },
        line: [
          [w, midLat],
          [e, midLat + 0.02],
        ],
      },
      {
        layer: 'roads',
        properties: { kind: 'major_road' },
        line: [
          [midLon, s],
          [midLon + 0.01, n],
        ],
      },
    ],
    bounds,
  );
}
