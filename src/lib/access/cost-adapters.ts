/**
 * Adapters from routing engines' matrix responses to the cost table shape (cost-table.ts):
 * `origin,dest,cost,unit`, one row per pair, an empty cost for "no route".
 *
 * - OSRM `/table/v1/{profile}/…?annotations=duration,distance`: `durations` (seconds) and
 *   `distances` (metres), one row per source, one column per destination, `null` = no route.
 * - Valhalla `/sources_to_targets`: `sources_to_targets` as rows of `{ time, distance }`
 *   (verbose) or as `{ durations, distances }` arrays (concise); time in seconds, distance in
 *   the request's `units` (kilometres by default; miles are refused rather than converted).
 * - r5py `travel_time_matrix` and OpenTripPlanner write long tables already: a rename is
 *   enough (docs/access-methods.md gives the one-liners).
 *
 * The engines answer by position, so the caller passes the origin and destination ids in the
 * order they were sent. Pure: no I/O.
 */
import { csvDocument } from '../csv/write.ts';
import type { CostUnit } from './cost-table.ts';
import { nth } from '../lookup.ts';

export interface CostTableRow {
  readonly origin: string;
  readonly dest: string;
  /** null = no route. */
  readonly cost: number | null;
}

export interface AdaptedTable {
  readonly rows: CostTableRow[];
  readonly unit: CostUnit;
}

/** A response that does not have the expected shape; the message says where. */
export class AdapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdapterError';
  }
}

export const ENGINES = ['osrm', 'valhalla'] as const;
export type Engine = (typeof ENGINES)[number];
/** Which cost to take: travel time or network distance. */
export type Annotation = 'duration' | 'distance';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number ≥ 0, or null for "no route"; anything else is an error naming the cell. */
function costCell(v: unknown, where: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new AdapterError(`${where}: ${JSON.stringify(v)} is not a cost (a number ≥ 0 or null)`);
  return v;
}

/** Rows of a matrix given as arrays (row i = origin i, column j = dest j). */
function fromMatrix(
  matrix: unknown,
  name: string,
  file: string,
  originIds: readonly string[],
  destIds: readonly string[],
): CostTableRow[] {
  if (!Array.isArray(matrix)) throw new AdapterError(`${file}: "${name}" is missing (ask the engine for it)`);
  if (matrix.length !== originIds.length) {
    throw new AdapterError(
      `${file}: "${name}" has ${String(matrix.length)} rows, expected ${String(originIds.length)} (one per origin id)`,
    );
  }
  const rows: CostTableRow[] = [];
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== destIds.length) {
      throw new AdapterError(
        `${file}: "${name}" row ${String(i)} has ${Array.isArray(row) ? String(row.length) : 'no'} columns, expected ${String(destIds.length)} (one per destination id)`,
      );
    }
    row.forEach((v: unknown, j) =>
      rows.push({
        origin: nth(originIds, i),
        dest: nth(destIds, j),
        cost: costCell(v, `${file}: "${name}"[${String(i)}][${String(j)}]`),
      }),
    );
  });
  return rows;
}

/** OSRM table response → rows (durations in s, or distances in m). */
export function osrmTable(
  response: unknown,
  annotation: Annotation,
  originIds: readonly string[],
  destIds: readonly string[],
  file = 'response',
): AdaptedTable {
  if (!isRecord(response)) throw new AdapterError(`${file}: not an OSRM table response (a JSON object)`);
  if (response['code'] !== 'Ok')
    throw new AdapterError(
      `${file}: OSRM answered code ${JSON.stringify(response['code'])}${typeof response['message'] === 'string' ? ` (${response['message']})` : ''}`,
    );
  const name = annotation === 'duration' ? 'durations' : 'distances';
  return {
    rows: fromMatrix(response[name], name, file, originIds, destIds),
    unit: annotation === 'duration' ? 's' : 'm',
  };
}

/** Valhalla sources_to_targets response → rows (time in s, or distance in km). */
export function valhallaMatrix(
  response: unknown,
  annotation: Annotation,
  originIds: readonly string[],
  destIds: readonly string[],
  file = 'response',
): AdaptedTable {
  if (!isRecord(response)) throw new AdapterError(`${file}: not a Valhalla matrix response (a JSON object)`);
  const units = response['units'] ?? 'kilometers';
  if (annotation === 'distance' && units !== 'kilometers')
    throw new AdapterError(`${file}: distances are in ${String(units)}; ask Valhalla for "units": "kilometers"`);
  const unit: CostUnit = annotation === 'duration' ? 's' : 'km';
  const m = response['sources_to_targets'];
  if (isRecord(m)) {
    // Concise format: { durations: [[…]], distances: [[…]] }.
    const name = annotation === 'duration' ? 'durations' : 'distances';
    return { rows: fromMatrix(m[name], `sources_to_targets.${name}`, file, originIds, destIds), unit };
  }
  if (!Array.isArray(m)) throw new AdapterError(`${file}: "sources_to_targets" is missing`);
  const key = annotation === 'duration' ? 'time' : 'distance';
  const matrix = m.map((row: unknown, i) => {
    if (!Array.isArray(row)) throw new AdapterError(`${file}: sources_to_targets[${String(i)}] is not a list`);
    return row.map((cell: unknown, j) => {
      if (!isRecord(cell))
        throw new AdapterError(`${file}: sources_to_targets[${String(i)}][${String(j)}] is not an object`);
      return cell[key] ?? null;
    });
  });
  return { rows: fromMatrix(matrix, `sources_to_targets (${key})`, file, originIds, destIds), unit };
}

/** Converts an engine's response. */
export function adaptResponse(
  engine: Engine,
  response: unknown,
  annotation: Annotation,
  originIds: readonly string[],
  destIds: readonly string[],
  file?: string,
): AdaptedTable {
  return engine === 'osrm'
    ? osrmTable(response, annotation, originIds, destIds, file)
    : valhallaMatrix(response, annotation, originIds, destIds, file);
}

/** The cost table CSV (origin,dest,cost,unit; LF line ends, RFC 4180 quoting, ids verbatim). */
export function costTableCsv(table: AdaptedTable): string {
  const data = table.rows.map((r) => [r.origin, r.dest, r.cost === null ? '' : String(r.cost), table.unit]);
  return csvDocument(['origin', 'dest', 'cost', 'unit'], data, { newline: '\n', guard: false });
}

/** Size of each unit in the base unit of its measure (seconds, metres). */
const UNIT_SIZE: Readonly<Record<CostUnit, { measure: 'time' | 'distance'; size: number }>> = {
  s: { measure: 'time', size: 1 },
  min: { measure: 'time', size: 60 },
  h: { measure: 'time', size: 3600 },
  m: { measure: 'distance', size: 1 },
  km: { measure: 'distance', size: 1000 },
};

/** The table in another unit of the same measure (e.g. OSRM's seconds in minutes): each cost × from-size ÷ to-size. */
export function convertUnit(table: AdaptedTable, unit: CostUnit): AdaptedTable {
  const from = UNIT_SIZE[table.unit];
  const to = UNIT_SIZE[unit];
  if (from.measure !== to.measure)
    throw new AdapterError(
      `the costs are a ${from.measure} in ${table.unit}; ${unit} is not a unit of ${from.measure}`,
    );
  if (table.unit === unit) return table;
  return {
    unit,
    rows: table.rows.map((r) => ({ ...r, cost: r.cost === null ? null : (r.cost * from.size) / to.size })),
  };
}

/** Points to send to an engine: ids and lon/lat in the order the engine answers in. */
export interface EnginePoints {
  readonly id: readonly string[];
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/**
 * What to send to the engines for these origins (the site's demand points) and destinations
 * (its service locations): `origins.csv` and `dests.csv` (`id,lon,lat`, the files `--origins`
 * and `--dests` then take back), the path and query of an OSRM table request, and a Valhalla
 * `sources_to_targets` request body.
 */
export function engineRequests(
  origins: EnginePoints,
  dests: EnginePoints,
  profile = 'driving',
  costing = 'auto',
): Record<string, string> {
  const csv = (p: EnginePoints) =>
    csvDocument(
      ['id', 'lon', 'lat'],
      p.id.map((id, i) => [id, String(nth(p.x, i)), String(nth(p.y, i))]),
      { newline: '\n', guard: false },
    );
  const coords = [origins, dests]
    .flatMap((p) => p.id.map((_, i) => `${String(nth(p.x, i))},${String(nth(p.y, i))}`))
    .join(';');
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i)).join(';');
  const osrm = `/table/v1/${profile}/${coords}?sources=${range(0, origins.id.length)}&destinations=${range(origins.id.length, dests.id.length)}&annotations=duration,distance`;
  const lonLat = (p: EnginePoints) => p.id.map((_, i) => ({ lon: nth(p.x, i), lat: nth(p.y, i) }));
  const valhalla = { sources: lonLat(origins), targets: lonLat(dests), costing, units: 'kilometers' };
  return {
    'origins.csv': csv(origins),
    'dests.csv': csv(dests),
    'osrm-request.txt': `${osrm}\n`,
    'valhalla-request.json': `${JSON.stringify(valhalla)}\n`,
  };
}
