/**
 * cost-table: turns a routing engine's matrix response (OSRM table, Valhalla
 * sources_to_targets) into the cost table CSV that `npm run gaps -- --cost` and the site read
 * (origin,dest,cost,unit; see docs/access-methods.md). The logic is in
 * src/lib/access/cost-adapters.ts; this file does the I/O.
 *
 *   npm run --silent cost-table -- --from osrm|valhalla [--cost duration|distance] [--unit min] \
 *     --origins demand.csv --dests supply.csv response.json [--out costs.csv]
 *
 * The origin and destination ids are the `id` columns of the two CSV files, in the order
 * the points were sent to the engine; `--unit` converts (seconds to minutes or hours, metres to
 * kilometres). The site's points to send come from its gaps input:
 *
 *   npm run --silent cost-table -- --export dist/data/gaps-input.json --out-dir costs
 *
 * writes origins.csv and dests.csv (id,lon,lat), osrm-request.txt and valhalla-request.json
 * there. Exit codes: 0 ok, 1 bad data, 2 bad usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AdapterError,
  adaptResponse,
  convertUnit,
  costTableCsv,
  engineRequests,
  ENGINES,
  type Annotation,
  type Engine,
} from '../src/lib/access/cost-adapters.ts';
import { COST_UNITS, isCostUnit } from '../src/lib/access/cost-table.ts';
import type { GapsInput } from '../src/lib/access/gaps-input.ts';
import { GapsError, readCsv } from '../src/lib/access/gaps-cli.ts';

const USAGE = `Usage: npm run --silent cost-table -- --from ${ENGINES.join('|')} [--cost duration|distance] [--unit ${Object.keys(COST_UNITS).join('|')}] \\
  --origins demand.csv --dests supply.csv response.json [--out costs.csv]
       npm run --silent cost-table -- --export gaps-input.json --out-dir folder`;

class UsageError extends Error {}

function ids(path: string): string[] {
  const t = readCsv(path, readFileSync(path, 'utf8'));
  const k = t.columns.get('id');
  if (k === undefined) throw new GapsError(`${path}: missing column id`, 1);
  return t.rows.map((r) => r.cells[k]!);
}

function main(argv: readonly string[]): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        options: {
          help: { type: 'boolean', short: 'h' },
          from: { type: 'string' },
          cost: { type: 'string' },
          unit: { type: 'string' },
          origins: { type: 'string' },
          dests: { type: 'string' },
          out: { type: 'string' },
          export: { type: 'string' },
          'out-dir': { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { help, ...options } = parsed.values;
    if (help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const values = new Map(Object.entries(options));
    const rest = parsed.positionals;
    const exported = values.get('export');
    if (exported !== undefined) return exportPoints(exported, values.get('out-dir'));
    const from = values.get('from');
    if (!from || !(ENGINES as readonly string[]).includes(from))
      throw new UsageError(`--from must be one of ${ENGINES.join(', ')}`);
    const cost = values.get('cost') ?? 'duration';
    if (cost !== 'duration' && cost !== 'distance') throw new UsageError('--cost must be duration or distance');
    const origins = values.get('origins');
    const dests = values.get('dests');
    if (!origins || !dests) throw new UsageError('--origins and --dests are required');
    if (rest.length !== 1) throw new UsageError('give one response file');
    const file = rest[0]!;
    let response: unknown;
    try {
      response = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new GapsError(`${file}: ${(e as Error).message}`, 1);
    }
    const unit = values.get('unit');
    if (unit !== undefined && !isCostUnit(unit))
      throw new UsageError(`--unit must be one of ${Object.keys(COST_UNITS).join(', ')}`);
    const adapted = adaptResponse(from as Engine, response, cost as Annotation, ids(origins), ids(dests), file);
    const csv = costTableCsv(unit ? convertUnit(adapted, unit) : adapted);
    const out = values.get('out');
    if (out) writeFileSync(out, csv);
    else process.stdout.write(csv);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cost-table: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof AdapterError || e instanceof GapsError) {
      process.stderr.write(`cost-table: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && 'code' in e) {
      process.stderr.write(`cost-table: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Writes the site's demand points and service locations as the engines want them. */
function exportPoints(file: string, outDir: string | undefined): number {
  if (!outDir) throw new UsageError('--export needs --out-dir');
  let input: GapsInput;
  try {
    input = JSON.parse(readFileSync(file, 'utf8')) as GapsInput;
  } catch (e) {
    throw new GapsError(`${file}: ${(e as Error).message}`, 1);
  }
  if (!Array.isArray(input?.points?.id) || !Array.isArray(input?.services?.id)) {
    throw new GapsError(
      `${file}: not a gaps input (/data/gaps-input.json of a build: points.id and services.id are missing)`,
      1,
    );
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(engineRequests(input.points, input.services)))
    writeFileSync(join(outDir, name), text);
  process.stderr.write(
    `cost-table: ${String(input.points.id.length)} origins and ${String(input.services.id.length)} destinations written to ${outDir}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
