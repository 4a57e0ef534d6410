/**
 * cost-table: turns a routing engine's matrix response (OSRM table, Valhalla
 * sources_to_targets) into the cost table CSV that `npm run gaps -- --cost` and the site read
 * (origin,dest,cost,unit; see docs/access-methods.md). The logic is in
 * src/lib/access/cost-adapters.ts; this file does the I/O.
 *
 *   npm run --silent cost-table -- --from osrm|valhalla [--cost duration|distance] \
 *     --origins demand.csv --dests supply.csv response.json [--out costs.csv]
 *
 * The origin and destination ids are the `id` columns of the two CSV files, in the order
 * the points were sent to the engine. Exit codes: 0 ok, 1 bad data, 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AdapterError, adaptResponse, costTableCsv, ENGINES, type Annotation, type Engine } from '../src/lib/access/cost-adapters.ts';
import { GapsError, readCsv } from '../src/lib/access/gaps-cli.ts';

const USAGE = `Usage: npm run --silent cost-table -- --from ${ENGINES.join('|')} [--cost duration|distance] \\
  --origins demand.csv --dests supply.csv response.json [--out costs.csv]`;

class UsageError extends Error {}

function ids(path: string): string[] {
  const t = readCsv(path, readFileSync(path, 'utf8'));
  const k = t.columns.get('id');
  if (k === undefined) throw new GapsError(`${path}: missing column id`, 1);
  return t.rows.map((r) => r.cells[k]!);
}

function main(argv: readonly string[]): number {
  try {
    const values = new Map<string, string>();
    const rest: string[] = [];
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k]!;
      if (a === '--help' || a === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return 0;
      }
      if (!a.startsWith('--')) {
        rest.push(a);
        continue;
      }
      const name = a.slice(2);
      if (!['from', 'cost', 'origins', 'dests', 'out'].includes(name)) throw new UsageError(`unknown option ${a}`);
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      values.set(name, v);
    }
    const from = values.get('from');
    if (!from || !(ENGINES as readonly string[]).includes(from)) throw new UsageError(`--from must be one of ${ENGINES.join(', ')}`);
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
    const table = adaptResponse(from as Engine, response, cost as Annotation, ids(origins), ids(dests), file);
    const csv = costTableCsv(table);
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

process.exitCode = main(process.argv.slice(2));
