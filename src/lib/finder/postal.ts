/**
 * Canadian postal codes → approximate positions, without any lookup service.
 *
 * The table is built at build time. For every forward sortation area (FSA, the first three
 * characters) it holds a position and how many listed service addresses have that FSA:
 * - with postal-area polygons (config `postalAreas`, e.g. Statistics Canada's FSA boundaries),
 *   a point inside the FSA's polygon (src/lib/ingest/postal-areas.ts), so every FSA of the
 *   region is known, with or without a service in it;
 * - otherwise, and for an FSA the polygons lack, the median longitude and latitude of the
 *   service addresses with that FSA: typically within 1–3 km of the visitor in a city.
 * The visitor's code is looked up in the browser and never sent anywhere.
 */

/** First letters that Canada Post uses (no D, F, I, O, Q, U, W, Z). */
const POSTAL_RE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(?:\s*(\d[ABCEGHJ-NPRSTV-Z]\d))?$/;

export interface PostalCode {
  /** Forward sortation area, e.g. `M5V`. */
  fsa: string;
  /** Full code `M5V 3L9` when all six characters were given. */
  full?: string;
}

/** Parses `m5v3l9`, `M5V 3L9` or just `M5V`; undefined when it is not a Canadian postal code. */
export function parsePostalCode(input: string): PostalCode | undefined {
  const m = POSTAL_RE.exec(
    input
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, ' '),
  );
  if (!m?.[1]) return undefined;
  return m[2] ? { fsa: m[1], full: `${m[1]} ${m[2]}` } : { fsa: m[1] };
}

/** FSA → `[lon, lat, addresses]`. */
export type PostalTable = Record<string, [number, number, number]>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Builds the FSA table from points that carry a postal code and, when given, a point inside each
 * FSA's polygon (which wins). Coordinates rounded to ~10 m.
 */
export function buildPostalTable(
  points: Iterable<{ postalCode?: string | undefined; lon: number; lat: number }>,
  areaPoints: Readonly<Record<string, readonly [number, number]>> | null = null,
): PostalTable {
  const byFsa = new Map<string, { lon: number[]; lat: number[] }>();
  for (const p of points) {
    const code = p.postalCode ? parsePostalCode(p.postalCode) : undefined;
    if (!code) continue;
    const entry = byFsa.get(code.fsa) ?? { lon: [], lat: [] };
    entry.lon.push(p.lon);
    entry.lat.push(p.lat);
    byFsa.set(code.fsa, entry);
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const table: PostalTable = {};
  for (const fsa of [...new Set([...byFsa.keys(), ...Object.keys(areaPoints ?? {})])].sort()) {
    const e = byFsa.get(fsa);
    const inside = areaPoints?.[fsa];
    if (inside) table[fsa] = [round(inside[0]), round(inside[1]), e?.lon.length ?? 0];
    else if (e) table[fsa] = [round(median(e.lon)), round(median(e.lat)), e.lon.length];
  }
  return table;
}

/** Position of a postal code, or undefined when its FSA is not in the table. */
export function lookupPostalCode(
  table: PostalTable,
  input: string,
): { lon: number; lat: number; fsa: string } | undefined {
  const code = parsePostalCode(input);
  const hit = code ? table[code.fsa] : undefined;
  return code && hit ? { lon: hit[0], lat: hit[1], fsa: code.fsa } : undefined;
}
