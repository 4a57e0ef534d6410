/**
 * The `gaps` command-line tool, without any I/O: argument parsing, CSV reading and
 * validation, and result formatting. `scripts/gaps.ts` supplies the file system.
 * (Kept out of the `index.ts` barrel: the browser bundle needs none of it.)
 */
import { CsvError, CsvParser } from '../csv/read.ts';
import { csvDocument } from '../csv/write.ts';
import type { PairList } from './costs.ts';
import { COST_UNITS, CostTableError, isCostUnit, readCostTable, type CostUnit } from './cost-table.ts';
import { nth } from '../lookup.ts';
import { formatValue } from './format.ts';
import { findPairs, nearestCost, type Metric, type PointSet } from './pairs.ts';
import { computeAccess, effectiveWeight, isMethodName, METHODS, searchRadius, type MethodName } from './run.ts';
import { normalize } from './methods.ts';
import { parseDecimal, parseWeightSpec, type Weight } from './weights.ts';

export const USAGE = `Usage: npm run --silent gaps -- --method ${METHODS.join('|')} \\
  --demand demand.csv --supply supply.csv [--cost cost.csv [--cost-unit m|km|s|min|h]] \\
  [--neighbor-cost nn.csv] [--max-cost N] [--weight step:1000=1,2000=0.68,3000=0.22 | gaussian:1500 | gravity:1000,-2,100] \\
  [--metric euclidean|geodesic] [--normalize] [--out result.csv]

  demand.csv  id,pop and x,y (projected metres) or lon,lat (degrees)
  supply.csv  id,capacity and coordinates (not needed with --cost)
  cost.csv    origin,dest,cost[,unit]: demand id -> supply id, e.g. travel times from a
              routing engine (replaces coordinates; see docs/access-methods.md)
  nn.csv      origin,dest,cost[,unit]: demand id -> demand id, for fca (else from coordinates)
  --max-cost and --weight are in the cost table's unit (metres from coordinates).
Writes id,value (one row per demand id) to stdout, or to --out.
Exit codes: 0 ok, 1 bad data, 2 bad usage.`;

/** An error with the process exit code to use: 2 for usage, 1 for data. */
export class GapsError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = 'GapsError';
    this.exitCode = exitCode;
  }
}

const usage = (msg: string): GapsError => new GapsError(msg, 2);
const bad = (msg: string): GapsError => new GapsError(msg, 1);

export interface GapsArgs {
  readonly help: boolean;
  readonly method: MethodName;
  readonly demand: string;
  readonly supply: string;
  readonly cost?: string;
  readonly neighborCost?: string;
  /** Unit of the cost tables; a `unit` column must agree with it. */
  readonly costUnit?: CostUnit;
  readonly maxCost?: number;
  readonly weight?: Weight;
  readonly metric?: Metric;
  readonly normalize: boolean;
  readonly out?: string;
}

const VALUE_FLAGS = [
  'method',
  'demand',
  'supply',
  'cost',
  'cost-unit',
  'neighbor-cost',
  'max-cost',
  'weight',
  'metric',
  'out',
] as const;
const BOOL_FLAGS = ['normalize', 'help'] as const;

/** Parses argv (without node and the script path). Throws GapsError(2) on bad usage. */
export function parseGapsArgs(argv: readonly string[]): GapsArgs {
  const values = new Map<string, string>();
  const bools = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const a = nth(argv, k);
    if (a === '-h') {
      bools.add('help');
      continue;
    }
    if (!a.startsWith('--')) throw usage(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if ((BOOL_FLAGS as readonly string[]).includes(name)) {
      if (eq >= 0) throw usage(`--${name} takes no value`);
      bools.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw usage(`unknown option --${name}`);
    if (values.has(name)) throw usage(`--${name} given twice`);
    let v: string | undefined;
    if (eq >= 0) v = a.slice(eq + 1);
    else {
      v = argv[k + 1];
      k++;
    }
    if (v === undefined || v === '') throw usage(`--${name} needs a value`);
    values.set(name, v);
  }
  const help = bools.has('help');
  const method = values.get('method');
  const demand = values.get('demand');
  const supply = values.get('supply');
  if (help) {
    return {
      help,
      method: isMethodName(method ?? '') ? (method as MethodName) : '2sfca',
      demand: demand ?? '',
      supply: supply ?? '',
      normalize: false,
    };
  }
  if (method === undefined) throw usage('--method is required');
  if (!isMethodName(method)) throw usage(`unknown method "${method}" (use ${METHODS.join(', ')})`);
  if (demand === undefined) throw usage('--demand is required');
  if (supply === undefined) throw usage('--supply is required');

  let maxCost: number | undefined;
  const mc = values.get('max-cost');
  if (mc !== undefined) {
    maxCost = parseDecimal(mc);
    if (Number.isNaN(maxCost)) throw usage(`--max-cost "${mc}" is not a number`);
  }
  let weight: Weight | undefined;
  const ws = values.get('weight');
  if (ws !== undefined) {
    try {
      weight = parseWeightSpec(ws);
    } catch (e) {
      throw usage(`--${(e as Error).message}`);
    }
  }
  if (method === 'nearest' && weight) throw usage('--weight does not apply to --method nearest');
  if (method === 'gravity' && !weight) throw usage('--method gravity needs --weight (e.g. gravity:1000,-2,100)');
  const metric = values.get('metric');
  if (metric !== undefined && metric !== 'euclidean' && metric !== 'geodesic') {
    throw usage(`--metric "${metric}" must be euclidean or geodesic`);
  }
  const nn = values.get('neighbor-cost');
  if (nn !== undefined && method !== 'fca') throw usage('--neighbor-cost is only used by --method fca');
  const cost = values.get('cost');
  const costUnit = values.get('cost-unit');
  if (costUnit !== undefined && !isCostUnit(costUnit))
    throw usage(`--cost-unit "${costUnit}" must be one of ${Object.keys(COST_UNITS).join(', ')}`);
  if (costUnit !== undefined && cost === undefined && nn === undefined)
    throw usage('--cost-unit needs --cost or --neighbor-cost');
  const out = values.get('out');
  return {
    help,
    method,
    demand,
    supply,
    normalize: bools.has('normalize'),
    ...(cost !== undefined ? { cost } : {}),
    ...(nn !== undefined ? { neighborCost: nn } : {}),
    ...(costUnit !== undefined ? { costUnit } : {}),
    ...(maxCost !== undefined ? { maxCost } : {}),
    ...(weight !== undefined ? { weight } : {}),
    ...(metric !== undefined ? { metric } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}

/** A parsed CSV: lower-cased, trimmed header names → column index; records with their row number (header = row 1). */
interface Table {
  readonly file: string;
  readonly columns: Map<string, number>;
  readonly rows: { readonly row: number; readonly cells: readonly string[] }[];
}

/**
 * Reads a CSV file as the tool needs it, with the one CSV reader (`src/lib/csv/read.ts`):
 * comma-separated like the cost table, any line ends, RFC 4180 quotes; a plain numeric file is
 * split directly. Cells are kept exactly (ids are compared as written); header names are
 * trimmed and compared without case. Any row the reader cannot use stops the tool with its
 * file and row.
 */
export function readCsv(file: string, text: string): Table {
  let names: readonly string[] = [];
  const rows: { row: number; cells: readonly string[] }[] = [];
  const parser = new CsvParser(
    { trim: false, delimiter: ',' },
    {
      onHeader: (h) => (names = h.names),
      onCells: (row, cells) => {
        if (cells.length !== names.length)
          throw bad(
            `${file} row ${String(row)}: expected ${String(names.length)} fields, found ${String(cells.length)}`,
          );
        rows.push({ row, cells });
      },
      onBadRow: (b) => {
        throw bad(`${file} row ${String(b.line)}: ${b.reason}`);
      },
    },
  );
  try {
    parser.push(text);
    parser.end();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw bad(e.line === undefined ? `${file}: ${e.message}` : `${file} row ${String(e.line)}: ${e.message}`);
  }
  const columns = new Map<string, number>();
  names.forEach((h, k) => {
    const name = h.toLowerCase();
    if (columns.has(name)) throw bad(`${file} row 1: column "${name}" appears twice`);
    columns.set(name, k);
  });
  return { file, columns, rows };
}

function requireColumn(t: Table, name: string, why = ''): number {
  const k = t.columns.get(name);
  if (k === undefined) {
    const [only] = t.columns.keys();
    const hint =
      t.columns.size === 1 && only !== undefined && /[;\t|]/.test(only)
        ? ` (the header is one column, "${only}": columns are separated by commas)`
        : '';
    throw bad(`${t.file}: missing column ${name}${why}${hint}`);
  }
  return k;
}

/** A row's cell; a short row reads as empty cells (which the checks then name). */
function cell(r: { row: number; cells: readonly string[] }, k: number): string {
  return r.cells[k] ?? '';
}

function numberCell(t: Table, r: { row: number; cells: readonly string[] }, k: number, column: string): number {
  const raw = cell(r, k);
  const v = parseDecimal(raw);
  if (Number.isNaN(v)) throw bad(`${t.file} row ${String(r.row)}: column ${column}: "${raw}" is not a number`);
  if (!Number.isFinite(v))
    throw bad(`${t.file} row ${String(r.row)}: column ${column}: "${raw}" is not a finite number`);
  return v;
}

interface Points {
  readonly ids: string[];
  readonly values: Float64Array;
  readonly coords: PointSet | null;
  readonly metric: Metric | null;
}

/** The coordinates of points read with `needCoords` (readPoints throws when they are missing). */
function located(p: Points): { coords: PointSet; metric: Metric } {
  if (!p.coords || !p.metric) throw new Error('gaps: coordinates were not read');
  return { coords: p.coords, metric: p.metric };
}

function detectMetric(t: Table, requested: Metric | undefined): Metric | null {
  const hasXY = t.columns.has('x') && t.columns.has('y');
  const hasLL = t.columns.has('lon') && t.columns.has('lat');
  if (requested) return requested;
  if (hasXY && hasLL)
    throw usage(`${t.file} has both x,y and lon,lat columns: choose one with --metric euclidean|geodesic`);
  if (hasXY) return 'euclidean';
  if (hasLL) return 'geodesic';
  return null;
}

function readPoints(
  t: Table,
  valueColumn: 'pop' | 'capacity',
  needCoords: boolean,
  metric: Metric | undefined,
): Points {
  const idK = requireColumn(t, 'id');
  const vK = requireColumn(t, valueColumn);
  const m = needCoords ? detectMetric(t, metric) : null;
  if (needCoords && m === null)
    throw bad(`${t.file}: missing columns x,y or lon,lat (coordinates are needed without --cost/--neighbor-cost)`);
  const why = m ? ` (needed for ${m} distances)` : '';
  const cx = m === 'euclidean' ? requireColumn(t, 'x', why) : m === 'geodesic' ? requireColumn(t, 'lon', why) : -1;
  const cy = m === 'euclidean' ? requireColumn(t, 'y', why) : m === 'geodesic' ? requireColumn(t, 'lat', why) : -1;
  const n = t.rows.length;
  const ids: string[] = [];
  const values = new Float64Array(n);
  const xs = new Float64Array(m ? n : 0);
  const ys = new Float64Array(m ? n : 0);
  const seen = new Map<string, number>();
  t.rows.forEach((r, i) => {
    const id = cell(r, idK);
    if (id.trim() === '') throw bad(`${t.file} row ${String(r.row)}: column id is empty`);
    const prev = seen.get(id);
    if (prev !== undefined) throw bad(`${t.file} row ${String(r.row)}: id "${id}" already used in row ${String(prev)}`);
    seen.set(id, r.row);
    ids.push(id);
    const v = numberCell(t, r, vK, valueColumn);
    if (v < 0) throw bad(`${t.file} row ${String(r.row)}: column ${valueColumn}: ${cell(r, vK)} is negative`);
    values[i] = v;
    if (m) {
      const xName = m === 'euclidean' ? 'x' : 'lon';
      const yName = m === 'euclidean' ? 'y' : 'lat';
      const x = numberCell(t, r, cx, xName);
      const y = numberCell(t, r, cy, yName);
      if (m === 'geodesic') {
        if (x < -180 || x > 180)
          throw bad(`${t.file} row ${String(r.row)}: column lon: ${cell(r, cx)} is outside -180..180`);
        if (y < -90 || y > 90)
          throw bad(`${t.file} row ${String(r.row)}: column lat: ${cell(r, cy)} is outside -90..90`);
      }
      xs[i] = x;
      ys[i] = y;
    }
  });
  return { ids, values, coords: m ? { x: xs, y: ys } : null, metric: m };
}

/** Reads a cost table (cost-table.ts) into pairs; bad rows become exit-1 errors. */
function readCosts(
  chunks: Iterable<Uint8Array>,
  file: string,
  originIds: readonly string[],
  destIds: readonly string[],
  destKind: string,
  unit: CostUnit | undefined,
): PairList {
  try {
    return readCostTable(chunks, { file, originIds, destIds, originKind: 'demand', destKind, unit }).pairs;
  } catch (e) {
    if (e instanceof CostTableError) throw bad(e.message);
    throw e;
  }
}

/** Formats `id,value` rows (RFC 4180 quoting for ids when needed, text kept exactly), ending with a newline. */
export function formatResult(ids: readonly string[], values: ArrayLike<number>): string {
  // No area: the header and a blank line, the text this tool has always written then.
  if (ids.length === 0) return 'id,value\n\n';
  return csvDocument(
    ['id', 'value'],
    ids.map((id, i) => [id, formatValue(nth(values, i))]),
    { newline: '\n', guard: false },
  );
}

/** The file system as the tool sees it (scripts/gaps.ts supplies Node's). */
export interface GapsFiles {
  /** The whole file as text. */
  readText(path: string): string;
  /** The file as chunks of bytes, in order (large cost tables are streamed). */
  readChunks(path: string): Iterable<Uint8Array>;
}

/**
 * Runs the tool: reads the files through `files`, returns the result CSV text.
 * Throws GapsError (exit 1) on bad data, (exit 2) on bad usage.
 */
export function runGaps(args: GapsArgs, files: GapsFiles): string {
  const load = (path: string): Table => {
    let text: string;
    try {
      text = files.readText(path);
    } catch (e) {
      throw bad(`cannot read ${path}: ${(e as Error).message}`);
    }
    return readCsv(path, text);
  };
  /** Chunks whose read errors become "cannot read" messages. */
  const stream = function* (path: string): Iterable<Uint8Array> {
    const it = (() => {
      try {
        return files.readChunks(path)[Symbol.iterator]();
      } catch (e) {
        throw bad(`cannot read ${path}: ${(e as Error).message}`);
      }
    })();
    for (;;) {
      let r: IteratorResult<Uint8Array>;
      try {
        r = it.next();
      } catch (e) {
        throw bad(`cannot read ${path}: ${(e as Error).message}`);
      }
      if (r.done) return;
      yield r.value;
    }
  };
  const { method } = args;
  const needSupplyCoords = args.cost === undefined;
  const needDemandCoords = needSupplyCoords || (method === 'fca' && args.neighborCost === undefined);
  const demandTable = load(args.demand);
  const supplyTable = load(args.supply);
  const demand = readPoints(demandTable, 'pop', needDemandCoords, args.metric);
  const metric = demand.metric ?? args.metric;
  const supply = readPoints(supplyTable, 'capacity', needSupplyCoords, metric);
  if (demand.metric && supply.metric && demand.metric !== supply.metric) {
    throw bad(
      `${args.demand} uses ${demand.metric} coordinates but ${args.supply} uses ${supply.metric}: give both the same columns`,
    );
  }

  const options = {
    ...(args.maxCost !== undefined ? { maxCost: args.maxCost } : {}),
    ...(args.weight !== undefined ? { weight: args.weight } : {}),
  };
  let weight: Weight | undefined;
  try {
    weight = effectiveWeight(method, args.weight);
  } catch (e) {
    throw usage((e as Error).message);
  }
  const radius = searchRadius(method, { ...options, ...(weight ? { weight } : {}) });

  // nearest from coordinates: no pair list needed.
  if (method === 'nearest' && needSupplyCoords) {
    const values = nearestCost(located(demand).coords, located(supply).coords, {
      metric: located(demand).metric,
      maxCost: radius.supply,
    });
    return formatResult(demand.ids, args.normalize ? normalize(values, demand.values) : values);
  }

  // Unweighted 2SFCA uses a pair's cost only to test cost <= maxCost, which findPairs has done.
  const thresholdOnly = method === '2sfca' && weight === undefined && radius.supply === args.maxCost;
  const pairs =
    args.cost !== undefined
      ? readCosts(stream(args.cost), args.cost, demand.ids, supply.ids, 'supply', args.costUnit)
      : findPairs(located(demand).coords, located(supply).coords, {
          metric: located(demand).metric,
          maxCost: radius.supply,
          withCosts: !thresholdOnly,
        });
  let neighborPairs: PairList | undefined;
  if (method === 'fca') {
    neighborPairs =
      args.neighborCost !== undefined
        ? readCosts(stream(args.neighborCost), args.neighborCost, demand.ids, demand.ids, 'demand', args.costUnit)
        : findPairs(located(demand).coords, located(demand).coords, {
            metric: located(demand).metric,
            maxCost: radius.neighbor,
            excludeSelf: true,
          });
  }
  const values = computeAccess(
    method,
    { population: demand.values, capacity: supply.values, pairs, ...(neighborPairs ? { neighborPairs } : {}) },
    { ...options, normalize: args.normalize },
  );
  return formatResult(demand.ids, values);
}
