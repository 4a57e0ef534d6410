/**
 * Inspecting a LIP's own files before any configuration exists (`npm run new-lip`): what format
 * and encoding each file is, how a CSV is delimited, which fields (columns, or property paths
 * into nested objects such as OpenStreetMap's `tags["addr:street"]`) it has with example values,
 * which of them could be ids, and where its points lie. Pure: bytes in, a description out;
 * guesses built on it are in guess.ts, the files written from them in scaffold.ts.
 */
import { CsvError, delimiterName, parseCsv, type Delimiter } from '../csv/read.ts';
import { checkStart, DecodeError, firstInvalidUtf8 } from '../ingest/decode.ts';
import { formatFieldPath, type PathStep } from '../ingest/field-path.ts';
import { FileError, parseJson } from '../ingest/readers.ts';

/** What a file holds, as far as the portal can read it. */
export type FileFormat = 'csv' | 'geojson' | 'hsds' | 'json' | 'ndjson' | 'unreadable';

/** How the file's bytes become text. */
export interface EncodingInfo {
  /** A label TextDecoder knows: `utf-8`, `windows-1252`, `utf-16le` … */
  readonly label: string;
  /** True when the file starts with a byte order mark. */
  readonly bom: boolean;
  /** Why it is not UTF-8 (with the first character that shows it), when it is not. */
  readonly note?: string;
}

/** One field of the records: a CSV column or a path into a record's properties. */
export interface FieldInfo {
  /** The name to write in the config: `phone`, `tags.phone`, `tags["addr:street"]`. */
  readonly path: string;
  /** Records where it holds a non-empty value. */
  readonly present: number;
  /** Different non-empty values. */
  readonly distinct: number;
  /** Up to three different example values, as text. */
  readonly examples: readonly string[];
  /** Every non-empty value is a number (`1,234` counts). */
  readonly numeric: boolean;
  /** Counts of the most frequent values (at most 60), most frequent first; empty when nearly every value differs. */
  readonly top: readonly (readonly [string, number])[];
}

/** Where a file's points lie (GeoJSON points, or the CSV columns that look like coordinates). */
export interface PointInfo {
  /** Points read, `[x, y]` as written (GeoJSON: `[lon, lat]` when the file follows the standard). */
  readonly count: number;
  /** `[minX, minY, maxX, maxY]` of those points. */
  readonly extent: readonly [number, number, number, number];
  /** The first points (at most 1,000), for the coordinate-order check. */
  readonly sample: readonly (readonly [number, number])[];
}

export interface FileInspection {
  /** The file's name as given. */
  readonly file: string;
  readonly format: FileFormat;
  readonly encoding: EncodingInfo;
  /** CSV: the delimiter found in the header line. */
  readonly delimiter?: Delimiter;
  /** `CRLF`, `LF`, `CR` or `mixed`, for text files with more than one line. */
  readonly lineEnding?: string;
  /** Records (CSV rows, features, list items, lines). */
  readonly records: number;
  /** GeoJSON geometry types with their counts, e.g. `{ Point: 290 }`. */
  readonly geometryTypes: Readonly<Record<string, number>>;
  /** GeoJSON points (Point features, first point of a MultiPoint). */
  readonly points?: PointInfo;
  /** Polygon extent of a polygon GeoJSON, `[west, south, east, north]` as written. */
  readonly polygonExtent?: readonly [number, number, number, number];
  readonly fields: readonly FieldInfo[];
  /** Why the file (or part of it) cannot be read, in plain words. */
  readonly problems: readonly string[];
  /** The records' values by field path, for the guesses that compare files (id joins, coordinates). */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

/** Most frequent values kept per field. */
const TOP = 60;
/** How deep nested objects are followed. */
const MAX_DEPTH = 4;

/** The text a value shows as, or undefined when empty. */
function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

const NUMBER = /^[-+]?(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Collects every leaf of `value` under its path; lists of objects are followed through their first element. */
function collect(value: unknown, steps: PathStep[], into: Map<string, string[]>, depth: number): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const joined = value
        .map(asText)
        .filter((v) => v !== undefined)
        .join('; ');
      if (joined !== '') push(into, formatFieldPath(steps), joined);
      return;
    }
    if (depth < MAX_DEPTH) collect(value[0], [...steps, 0], into, depth + 1);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    if (depth >= MAX_DEPTH) return;
    for (const [key, v] of Object.entries(value)) collect(v, [...steps, key], into, depth + 1);
    return;
  }
  const text = asText(value);
  if (text !== undefined && steps.length > 0) push(into, formatFieldPath(steps), text);
}

function push(into: Map<string, string[]>, path: string, value: string): void {
  const list = into.get(path);
  if (list === undefined) into.set(path, [value]);
  else list.push(value);
}

/** Describes every field from its values (in record order, one per record that has it). */
function describeFields(values: ReadonlyMap<string, readonly string[]>, order: readonly string[]): FieldInfo[] {
  return order.map((path) => {
    const list = values.get(path) ?? [];
    const counts = new Map<string, number>();
    for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1);
    const examples = [...counts.keys()].slice(0, 3).map((v) => (v.length > 60 ? `${v.slice(0, 57)}…` : v));
    const repeated = counts.size <= Math.max(TOP, list.length / 2);
    const top = repeated ? [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP) : [];
    return {
      path,
      present: list.length,
      distinct: counts.size,
      examples,
      numeric: list.length > 0 && list.every((v) => NUMBER.test(v)),
      top,
    };
  });
}

/** Detects the encoding: a byte order mark, valid UTF-8, or else Windows-1252 (what Excel writes as "CSV" in Canada). */
function detectEncoding(bytes: Uint8Array): EncodingInfo {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { label: 'utf-16le', bom: true, note: 'UTF-16 (little-endian) with a byte order mark' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { label: 'utf-16be', bom: true, note: 'UTF-16 (big-endian) with a byte order mark' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { label: 'utf-8', bom };
  let lineStart = bad;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a) lineStart -= 1;
  let lineEnd = bad;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd += 1;
  const line = new TextDecoder('windows-1252')
    .decode(bytes.subarray(lineStart, Math.min(lineEnd, lineStart + 200)))
    .trim();
  const lineNo = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
  const char = new TextDecoder('windows-1252').decode(bytes.subarray(bad, bad + 1));
  return {
    label: 'windows-1252',
    bom: false,
    note: `not UTF-8: byte 0x${(bytes[bad] as number).toString(16).toUpperCase()} on line ${lineNo} reads as "${char}" in Windows-1252 (\`${line.length > 60 ? `${line.slice(0, 57)}…` : line}\`)`,
  };
}

function lineEndingOf(text: string): string | undefined {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0 ? 'CRLF' : '', lf > 0 ? 'LF' : '', cr > 0 ? 'CR' : ''].filter((k) => k !== '');
  if (kinds.length === 0) return undefined;
  return kinds.length === 1 ? kinds[0] : 'mixed';
}

function extentOf(points: readonly (readonly [number, number])[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** Every coordinate pair of a geometry's coordinates array. */
function positions(coords: unknown, out: [number, number][]): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    if (Number.isFinite(coords[0]) && Number.isFinite(coords[1])) out.push([coords[0], coords[1]]);
    return;
  }
  for (const c of coords) positions(c, out);
}

type Parsed = Pick<FileInspection, 'format' | 'records' | 'geometryTypes' | 'points' | 'polygonExtent'> & {
  readonly values: Map<string, string[]>;
  readonly order: string[];
  readonly problems: string[];
  readonly delimiter?: Delimiter;
};

const emptyParse = (format: FileFormat, problems: string[]): Parsed => ({
  format,
  records: 0,
  geometryTypes: {},
  values: new Map(),
  order: [],
  problems,
});

/** Records of a JSON value: features, a list, `{ services }`, an API page `{ contents }`. */
function inspectJson(data: unknown, ndjson: boolean): Parsed {
  const values = new Map<string, string[]>();
  const problems: string[] = [];
  const geometryTypes: Record<string, number> = {};
  const points: [number, number][] = [];
  const polygon: [number, number][] = [];
  const d = data as { type?: unknown; features?: unknown; services?: unknown; contents?: unknown };
  let format: FileFormat = ndjson ? 'ndjson' : 'json';
  let records: unknown[];
  if (d !== null && typeof d === 'object' && d.type === 'FeatureCollection') {
    format = 'geojson';
    records = Array.isArray(d.features) ? d.features : [];
    if (!Array.isArray(d.features)) problems.push('the FeatureCollection has no "features" list');
  } else if (Array.isArray(data)) records = data;
  else if (d !== null && typeof d === 'object' && Array.isArray(d.services)) records = d.services;
  else if (d !== null && typeof d === 'object' && Array.isArray(d.contents)) records = d.contents;
  else records = [data];
  let featureIndex = 0;
  for (const record of records) {
    if (format === 'geojson') {
      const f = record as { geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown } | null;
      const type = typeof f?.geometry?.type === 'string' ? f.geometry.type : 'none';
      geometryTypes[type] = (geometryTypes[type] ?? 0) + 1;
      const at: [number, number][] = [];
      positions(f?.geometry?.coordinates, at);
      if ((type === 'Point' || type === 'MultiPoint') && at[0] !== undefined) points.push(at[0]);
      else if (type === 'Polygon' || type === 'MultiPolygon') polygon.push(...at);
      if (type === 'none') problems.push(`feature ${featureIndex} has no geometry`);
      collect(f?.properties ?? {}, [], values, 0);
    } else {
      collect(record, [], values, 0);
    }
    featureIndex += 1;
  }
  if (
    format === 'json' &&
    records.some(
      (r) =>
        typeof r === 'object' && r !== null && ('service_at_locations' in r || ('organization' in r && 'name' in r)),
    )
  )
    format = 'hsds';
  return {
    format,
    records: records.length,
    geometryTypes,
    values,
    order: [...values.keys()],
    problems,
    ...(points.length > 0
      ? { points: { count: points.length, extent: extentOf(points), sample: points.slice(0, 1000) } }
      : {}),
    ...(polygon.length > 0 ? { polygonExtent: extentOf(polygon) } : {}),
  };
}

function inspectCsv(text: string): Parsed {
  try {
    const table = parseCsv(text);
    const values = new Map<string, string[]>(table.header.map((h) => [h, []]));
    for (const row of table.rows) {
      for (const h of table.header) {
        const v = row.values[h];
        if (v !== undefined && v !== '') values.get(h)?.push(v);
      }
    }
    const problems = table.badRows.slice(0, 5).map((b) => `line ${b.line}: ${b.reason}`);
    if (table.badRows.length > 5) problems.push(`… and ${table.badRows.length - 5} more rows that cannot be read`);
    return {
      format: 'csv',
      records: table.records,
      geometryTypes: {},
      values,
      order: [...table.header],
      problems,
      delimiter: table.headerInfo.delimiter,
    };
  } catch (e) {
    if (e instanceof CsvError)
      return emptyParse('csv', [e.line === undefined ? e.message : `line ${e.line}: ${e.message}`]);
    throw e;
  }
}

/** Text of `bytes`, or why there is none. */
function decode(bytes: Uint8Array, encoding: EncodingInfo): { text: string } | { problem: string } {
  try {
    checkStart(bytes, encoding.label === 'utf-8' ? undefined : encoding.label);
  } catch (e) {
    if (e instanceof DecodeError) return { problem: e.message };
    throw e;
  }
  const text = new TextDecoder(encoding.label).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Inspects one file: `name` (for its extension and messages) and its bytes. */
export function inspectFile(name: string, bytes: Uint8Array): FileInspection {
  const encoding = detectEncoding(bytes);
  const decoded = decode(bytes, encoding);
  const base = { file: name, encoding };
  if ('problem' in decoded) {
    const p = emptyParse('unreadable', [decoded.problem]);
    return {
      ...base,
      format: p.format,
      records: 0,
      geometryTypes: {},
      fields: [],
      problems: p.problems,
      values: p.values,
    };
  }
  const { text } = decoded;
  const lineEnding = lineEndingOf(text);
  const trimmed = text.trimStart();
  let parsed: Parsed;
  if (/\.(?:csv|tsv|txt)$/i.test(name) || !/^[[{]/.test(trimmed)) {
    parsed = inspectCsv(text);
  } else {
    try {
      parsed = inspectJson(parseJson(text), false);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
      try {
        parsed = inspectJson(
          lines.map((l) => parseJson(l)),
          true,
        );
      } catch {
        parsed = emptyParse('unreadable', [e.message.replace(/^\*: /, '')]);
      }
    }
  }
  if (parsed.records === 0 && parsed.problems.length === 0) parsed.problems.push('the file has no records');
  return {
    ...base,
    format: parsed.format,
    ...(parsed.delimiter !== undefined ? { delimiter: parsed.delimiter } : {}),
    ...(lineEnding !== undefined ? { lineEnding } : {}),
    records: parsed.records,
    geometryTypes: parsed.geometryTypes,
    ...(parsed.points !== undefined ? { points: parsed.points } : {}),
    ...(parsed.polygonExtent !== undefined ? { polygonExtent: parsed.polygonExtent } : {}),
    fields: describeFields(parsed.values, parsed.order),
    problems: parsed.problems,
    values: parsed.values,
  };
}

/** One line per fact, for the command's printout: format, encoding, delimiter, records, geometry. */
export function describeFile(f: FileInspection): string {
  const parts = [f.format === 'unreadable' ? 'cannot be read' : f.format.toUpperCase()];
  parts.push(`${f.encoding.label}${f.encoding.bom ? ' with byte order mark' : ''}`);
  if (f.delimiter !== undefined) parts.push(`delimiter ${delimiterName(f.delimiter)}`);
  if (f.lineEnding !== undefined) parts.push(`${f.lineEnding} line ends`);
  parts.push(`${f.records} record${f.records === 1 ? '' : 's'}`);
  const geometry = Object.entries(f.geometryTypes).map(([t, n]) => `${n} ${t}`);
  if (geometry.length > 0) parts.push(geometry.join(', '));
  return parts.join(', ');
}
