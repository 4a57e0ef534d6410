/**
 * Reading service files into {@link RawRecord}s. Whole-file problems (not JSON, not a
 * FeatureCollection, a configured column missing from the header) are thrown as messages for
 * the pipeline to report as fatal: they mean the config and the file do not fit together.
 */
import type { ServiceLayerConfig } from '../schema/config.ts';
import {
  CsvError,
  CsvParser,
  describeHeader,
  parseCsv,
  type CsvBadRow,
  type CsvHeader,
  type CsvTable,
} from '../csv/read.ts';
import type { FieldRef } from './fields.ts';
import { fieldPath, getPath } from './field-path.ts';
import type { RawRecord } from './record.ts';
import { DuplicateFeaturesError, FeatureStream, JsonStreamError, type CollectionInfo } from './json-stream.ts';

/** A configuration problem about a file: which config field, and why. */
export interface FileProblem {
  readonly field: string;
  readonly reason: string;
  /** CSV line the problem is on, when there is one. */
  readonly line?: number;
}

export class FileError extends Error {
  readonly problems: readonly FileProblem[];
  constructor(problems: readonly FileProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
    this.name = 'FileError';
    this.problems = problems;
  }
}

/** Numbers JSON.parse cannot keep: integers of 16+ digits, exponents of 3+ digits (`1e999`). */
const UNSAFE_NUMBER = /\d{16}|[eE][-+]?\d{3}/;

/**
 * Keeps a number's source text where a double would change it: an integer beyond 2^53 (a
 * 20-digit id would lose digits) stays a string, and so does a number too large to represent
 * (`1e999`, which the coordinate check then reports as "not a finite number").
 */
function keepUnsafeNumbers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number' || context?.source === undefined) return value;
  if (!Number.isFinite(value) || (!Number.isSafeInteger(value) && /^-?\d+$/.test(context.source)))
    return context.source;
  return value;
}

/** Parses JSON, naming the position of a syntax error. */
export function parseJson(content: string): unknown {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    // The reviver costs time on every value, so it only runs when the text has such a number.
    return UNSAFE_NUMBER.test(text)
      ? JSON.parse(text, keepUnsafeNumbers as (key: string, value: unknown) => unknown)
      : JSON.parse(text);
  } catch (e) {
    throw new FileError([{ field: '*', reason: `not valid JSON: ${(e as Error).message}` }]);
  }
}

/** The feature list of a GeoJSON FeatureCollection. */
export function featuresOf(data: unknown): unknown[] {
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'FeatureCollection') {
    throw new FileError([{ field: 'type', reason: 'expected a GeoJSON FeatureCollection' }]);
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features))
    throw new FileError([{ field: 'features', reason: 'FeatureCollection has no features array' }]);
  return features;
}

/** Every field name a layer config refers to, with the config key that names it. */
function configuredFields(layer: ServiceLayerConfig): { key: string; names: readonly string[] }[] {
  const refs: [string, FieldRef | undefined][] = [
    ['idField', layer.idField],
    ['nameField', layer.nameField],
    ['alternateNameField', layer.alternateNameField],
    ['descriptionField', layer.descriptionField],
    ['organizationField', layer.organizationField],
    ['address.osm', typeof layer.address?.osm === 'string' ? layer.address.osm : undefined],
    ['address.line1', layer.address?.line1],
    ['address.line2', layer.address?.line2],
    ['address.city', layer.address?.city],
    ['address.postalCode', layer.address?.postalCode],
    ['address.province', layer.address?.province],
    ['phoneField', layer.phoneField],
    ['websiteField', layer.websiteField],
    ['emailField', layer.emailField],
    ['languagesField', layer.languagesField],
    ['audiencesField', layer.audiencesField],
    ['latField', layer.latField],
    ['lonField', layer.lonField],
    ['capacityField', layer.capacityField],
    ['lastModifiedField', layer.lastModifiedField],
    ['francophoneWhen.field', layer.francophoneWhen?.field],
    ...layer.attributes.map((a, i): [string, FieldRef] => [`attributes[${i}].field`, a.field]),
  ];
  return refs
    .filter((r): r is [string, FieldRef] => r[1] !== undefined)
    .map(([key, ref]) => ({ key, names: typeof ref === 'string' ? [ref] : ref }));
}

/**
 * Fails when a configured field appears nowhere in the file: almost always a typo in the config.
 * `present(name)` says whether some record has a value at that field path.
 */
function checkFieldsExist(layer: ServiceLayerConfig, present: (name: string) => boolean, header?: CsvHeader): void {
  const problems: FileProblem[] = [];
  for (const { key, names } of configuredFields(layer)) {
    for (const name of names) {
      if (present(name)) continue;
      if (header === undefined) {
        problems.push({
          field: name,
          reason: `the layer config (${key}) names "${name}", which no record in the file has`,
        });
        continue;
      }
      // A CSV row is flat: a column whose name holds a dot or bracket is written as a quoted key.
      const hint = header.names.includes(name)
        ? `; for a column named "${name}" write ["${name.replace(/["\\]/g, '\\$&')}"]`
        : '';
      problems.push({
        field: name,
        line: header.line,
        reason: `the layer config (${key}) names "${name}", which the header does not have (${describeHeader(header)})${hint}`,
      });
    }
  }
  if (problems.length > 0) throw new FileError(problems);
}

/**
 * The configured field paths no record seen so far has a value at; `see` each record's
 * properties (a path is looked up only until some record has it).
 */
function fieldsMissing(layer: ServiceLayerConfig): {
  see: (props: RawRecord['props']) => void;
  present: (name: string) => boolean;
} {
  const missing = new Set(configuredFields(layer).flatMap((f) => f.names));
  return {
    see: (props) => {
      for (const name of missing) if (getPath(props, name) !== undefined) missing.delete(name);
    },
    present: (name) => !missing.has(name),
  };
}

/** One GeoJSON feature as a record. */
function featureRecord(f: unknown, feature: number): RawRecord {
  const at = { feature };
  if (typeof f !== 'object' || f === null)
    return { at, props: {}, lon: undefined, lat: undefined, geometryProblem: 'feature is not an object' };
  const { properties, geometry, id: featureId } = f as { properties?: unknown; geometry?: unknown; id?: unknown };
  const props = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
  const g = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (g === null || g === undefined)
    return { at, props, featureId, lon: undefined, lat: undefined, geometryProblem: 'geometry is missing' };
  if (g.type === 'Point' && Array.isArray(g.coordinates)) {
    return { at, props, featureId, lon: g.coordinates[0], lat: g.coordinates[1] };
  }
  if (
    g.type === 'MultiPoint' &&
    Array.isArray(g.coordinates) &&
    g.coordinates.length === 1 &&
    Array.isArray(g.coordinates[0])
  ) {
    const [lon, lat] = g.coordinates[0] as unknown[];
    return { at, props, featureId, lon, lat, geometryFix: 'MultiPoint with one point read as a Point' };
  }
  return {
    at,
    props,
    featureId,
    lon: undefined,
    lat: undefined,
    geometryProblem: `expected a Point geometry, got ${JSON.stringify(g.type)}`,
  };
}

/** Reads the Point features of a GeoJSON service layer. */
export function readGeoJsonLayer(content: string, layer: ServiceLayerConfig): RawRecord[] {
  const features = featuresOf(parseJson(content));
  const fields = fieldsMissing(layer);
  const records = features.map((f, feature) => {
    const record = featureRecord(f, feature);
    fields.see(record.props);
    return record;
  });
  if (features.length > 0) checkFieldsExist(layer, fields.present);
  return records;
}

/**
 * Reads a GeoJSON service layer as a stream: `chunks` of text in, one call per feature out, so
 * a FeatureCollection of a million points is never one string or one array. Accepts and
 * refuses what {@link readGeoJsonLayer} does, with the same messages: when the text is not a
 * readable FeatureCollection, `whole()` (the file's text) is read the old way to say why.
 * Throws {@link FileError} for whole-file problems.
 */
export function streamGeoJsonLayer(
  chunks: Iterable<string>,
  whole: () => string,
  layer: ServiceLayerConfig,
  record: (raw: RawRecord) => void,
): void {
  const fields = fieldsMissing(layer);
  let count = 0;
  const stream = new FeatureStream((text) => {
    let f: unknown;
    try {
      f = parseJson(text);
    } catch {
      throw new JsonStreamError('a feature is not valid JSON');
    }
    const raw = featureRecord(f, count);
    fields.see(raw.props);
    count += 1;
    record(raw);
  });
  let info: CollectionInfo;
  try {
    for (const chunk of chunks) stream.push(chunk);
    info = stream.end();
  } catch (e) {
    if (e instanceof DuplicateFeaturesError) throw new FileError([{ field: 'features', reason: e.message }]);
    if (!(e instanceof JsonStreamError)) throw e;
    featuresOf(parseJson(whole()));
    throw new Error(`the GeoJSON reader stopped (${e.message}) on a file JSON.parse reads`, { cause: e });
  }
  if (info.type !== 'FeatureCollection' || !info.hasFeatures) featuresOf(parseJson(whole()));
  if (count > 0) checkFieldsExist(layer, fields.present);
}

/** A whole-file CSV problem (no header, a header that cannot be used) as a {@link FileError}. */
function csvFileError(e: CsvError): FileError {
  return new FileError([
    e.line === undefined
      ? { field: '*', reason: `not a readable CSV: ${e.message}` }
      : { field: '*', line: e.line, reason: `not a readable CSV: ${e.message}` },
  ]);
}

/** Parses a CSV file, turning a whole-file problem into a {@link FileError}. */
export function readCsvTable(content: string, delimiter: CsvHeader['delimiter'] | undefined, trim = true): CsvTable {
  try {
    return parseCsv(content, { delimiter, trim });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw csvFileError(e);
  }
}

/** A CSV row's value at a configured field, or undefined when none is configured. */
function column(values: Readonly<Record<string, string>>, field: string | undefined): unknown {
  return field === undefined ? undefined : getPath(values, field);
}

/**
 * Reads a CSV service layer with latitude/longitude columns as a stream: `chunks` of text in,
 * one call per row out, so a million-row file is never held as rows (or as one string).
 * Throws {@link FileError} for whole-file problems (header, configured columns).
 */
export function streamCsvLayer(
  chunks: Iterable<string>,
  layer: ServiceLayerConfig,
  on: { readonly record: (raw: RawRecord) => void; readonly bad: (bad: CsvBadRow) => void },
): void {
  const parser = new CsvParser(
    { delimiter: layer.delimiter },
    {
      onHeader: (h) =>
        checkFieldsExist(
          layer,
          (name) => {
            const { steps } = fieldPath(name);
            return steps.length === 1 && h.names.includes(String(steps[0]));
          },
          h,
        ),
      onRow: (row) =>
        on.record({
          at: { row: row.line },
          props: row.values,
          lon: column(row.values, layer.lonField),
          lat: column(row.values, layer.latField),
        }),
      onBadRow: on.bad,
    },
  );
  try {
    for (const chunk of chunks) parser.push(chunk);
    parser.end();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw csvFileError(e);
  }
}

/** Reads a whole CSV service layer (see {@link streamCsvLayer}). */
export function readCsvLayer(
  content: string,
  layer: ServiceLayerConfig,
): { records: RawRecord[]; badRows: readonly CsvBadRow[] } {
  const records: RawRecord[] = [];
  const badRows: CsvBadRow[] = [];
  streamCsvLayer([content], layer, { record: (r) => records.push(r), bad: (b) => badRows.push(b) });
  return { records, badRows };
}
