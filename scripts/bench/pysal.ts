/**
 * Side by side with PySAL `access` (the Python library accessibility researchers use): the
 * same 2SFCA on the national-size synthetic (57,000 areas × 10,000 services, 5 km), whole
 * processes, in one run.
 *
 *   PYSAL_ACCESS_SRC=<checkout of github.com/pysal/access> npm run bench -- pysal
 *
 * PySAL is not part of this project: give a checkout (`git clone --depth 1
 * https://github.com/pysal/access`); Python 3 with pandas and numpy runs it (PYTHON=… to
 * choose the interpreter). Without them the PySAL rows are skipped with the reason, and our
 * own rows are still measured. Wall time, CPU time and peak memory come from GNU time
 * (`/usr/bin/time`). Benchmarks measure time; tests never do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPairs } from '../../src/lib/access/index.ts';
import { writeSection } from '../lib/bench-doc.ts';
import { makeLayout } from './access.ts';
import { cliArgs } from '../lib/cli.ts';

export const HEADING = '## Access engine against PySAL access';
const COMMAND = 'PYSAL_ACCESS_SRC=<pysal/access checkout> npm run bench -- pysal --write';
const N_DEMAND = 57_000;
const N_SUPPLY = 10_000;
const MAX_COST = 5000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TIME = '/usr/bin/time';
const root = resolve(import.meta.dirname, '../..');

/** Our driver for PySAL (not PySAL's code): read the three CSVs, 2SFCA, write the result. */
const PYSAL_DRIVER = `import sys
sys.path.insert(0, sys.argv[1])
import pandas as pd
from access import Access
demand = pd.read_csv(sys.argv[2], dtype={"id": str})
supply = pd.read_csv(sys.argv[3], dtype={"id": str})
cost = pd.read_csv(sys.argv[4], dtype={"origin": str, "dest": str})
a = Access(demand_df=demand, demand_index="id", demand_value="pop",
           supply_df=supply, supply_index="id", supply_value="capacity",
           cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="cost")
a.two_stage_fca(name="value", max_cost=float(sys.argv[5])).to_csv(sys.argv[6])
`;

interface Measure {
  wall: number;
  cpu: number;
  peakMb: number;
}

/** Runs a command under GNU time; returns wall s, user + sys s and peak RSS MB. */
function timed(cmd: string, args: readonly string[]): Measure {
  const r = spawnSync(TIME, ['-f', '@@ %e %U %S %M', cmd, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !m)
    throw new Error(`${cmd} ${args.join(' ')} failed (${String(r.status)}):\n${r.stderr.slice(-2000)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), peakMb: Number(m[4]) / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function summary(ms: Measure[]): Measure {
  return {
    wall: median(ms.map((m) => m.wall)),
    cpu: median(ms.map((m) => m.cpu)),
    peakMb: median(ms.map((m) => m.peakMb)),
  };
}

/** The synthetic as the three CSV files both tools read; returns the cost table's size. */
function writeInputs(dir: string): { pairs: number; costBytes: number } {
  const l = makeLayout(N_DEMAND, N_SUPPLY);
  const demand = ['id,pop,lon,lat'];
  for (let i = 0; i < N_DEMAND; i++)
    demand.push(`d${String(i)},${String(l.population[i])},${String(l.demand.x[i])},${String(l.demand.y[i])}`);
  writeFileSync(join(dir, 'demand.csv'), `${demand.join('\n')}\n`);
  const supply = ['id,capacity,lon,lat'];
  for (let j = 0; j < N_SUPPLY; j++)
    supply.push(`s${String(j)},${String(l.capacity[j])},${String(l.supply.x[j])},${String(l.supply.y[j])}`);
  writeFileSync(join(dir, 'supply.csv'), `${supply.join('\n')}\n`);
  // The pairs within 5 km with their exact haversine distances, full precision.
  const p = findPairs(l.demand, l.supply, { metric: 'geodesic', maxCost: MAX_COST });
  const parts: string[] = ['origin,dest,cost\n'];
  for (let k = 0; k < p.length; k++) parts.push(`d${String(p.origin[k])},s${String(p.dest[k])},${String(p.cost[k])}\n`);
  writeFileSync(join(dir, 'cost.csv'), parts.join(''));
  return { pairs: p.length, costBytes: statSync(join(dir, 'cost.csv')).size };
}

/** Python that can import pandas, numpy and PySAL `access` from `src`, or the reason there is none. */
function findPython(src: string | undefined): { python: string } | { skip: string } {
  if (!src) return { skip: 'PYSAL_ACCESS_SRC is not set (a checkout of github.com/pysal/access)' };
  if (!existsSync(join(src, 'access', 'fca.py')))
    return { skip: `PYSAL_ACCESS_SRC has no access/fca.py (not a checkout of pysal/access)` };
  const candidates = [process.env['PYTHON'], 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  const reasons: string[] = [];
  for (const python of candidates) {
    const r = spawnSync(
      python,
      ['-c', `import sys; sys.path.insert(0, sys.argv[1]); import numpy, pandas; from access import Access`, src],
      { encoding: 'utf8' },
    );
    if (r.status === 0) return { python };
    reasons.push(
      `${python}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').pop() ?? `exit ${String(r.status)}`)}`,
    );
  }
  return { skip: `no Python with pandas, numpy and PySAL access (${reasons.join('; ')})` };
}

/** id → value of a result CSV (`id,value`, either tool's spelling of missing values). */
function readResult(file: string): Map<string, number> {
  const m = new Map<string, number>();
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
  for (const line of lines) {
    const cut = line.lastIndexOf(',');
    const v = line.slice(cut + 1).trim();
    m.set(line.slice(0, cut), v === '' || v === 'NaN' ? NaN : Number(v));
  }
  return m;
}

/** Largest relative difference, and how many areas differ in being defined. */
function compare(
  a: Map<string, number>,
  b: Map<string, number>,
): { maxRel: number; mismatched: number; compared: number } {
  let maxRel = 0;
  let mismatched = 0;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (y === undefined || Number.isNaN(x) !== Number.isNaN(y)) {
      mismatched++;
      continue;
    }
    if (Number.isNaN(x)) continue;
    const d = Math.abs(x - y) / Math.max(Math.abs(y), Number.MIN_VALUE);
    if (d > maxRel) maxRel = d;
  }
  return { maxRel, mismatched: mismatched + Math.max(0, b.size - a.size), compared: a.size };
}

const s = (x: number): string => x.toFixed(2);
const mb = (x: number): string => x.toFixed(0);

export async function run(): Promise<string> {
  if (!existsSync(TIME)) return `${HEADING}\n\nSkipped: GNU time (${TIME}) is needed to measure whole processes.\n`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-pysal-'));
  try {
    const { pairs, costBytes } = writeInputs(dir);
    const f = (name: string): string => join(dir, name);
    const py = findPython(process.env['PYSAL_ACCESS_SRC']);
    if ('python' in py) writeFileSync(f('pysal_2sfca.py'), PYSAL_DRIVER);
    const gaps = join(root, 'scripts/gaps.js');
    const common = [
      '--method',
      '2sfca',
      '--demand',
      f('demand.csv'),
      '--supply',
      f('supply.csv'),
      '--max-cost',
      String(MAX_COST),
    ];
    const oursCost: Measure[] = [];
    const oursXY: Measure[] = [];
    const pysal: Measure[] = [];
    const loadBefore = loadavg()[0]!;
    // Interleaved rounds, so a busy spell on the machine hits every tool alike.
    for (let r = 0; r < ROUNDS; r++) {
      oursCost.push(
        timed(process.execPath, [
          gaps,
          ...common,
          '--cost',
          f('cost.csv'),
          '--cost-unit',
          'm',
          '--out',
          f('ours-cost.csv'),
        ]),
      );
      if ('python' in py)
        pysal.push(
          timed(py.python, [
            f('pysal_2sfca.py'),
            process.env['PYSAL_ACCESS_SRC']!,
            f('demand.csv'),
            f('supply.csv'),
            f('cost.csv'),
            String(MAX_COST),
            f('pysal.csv'),
          ]),
        );
      oursXY.push(timed(process.execPath, [gaps, ...common, '--out', f('ours-xy.csv')]));
    }
    const loadAfter = loadavg()[0]!;
    const identical = readFileSync(f('ours-cost.csv'), 'utf8') === readFileSync(f('ours-xy.csv'), 'utf8');
    const c = summary(oursCost);
    const x = summary(oursXY);
    const rows = [
      `| ours, from the cost table (\`npm run gaps -- --cost cost.csv\`) | ${s(c.wall)} | ${s(c.cpu)} | ${mb(c.peakMb)} |`,
      `| ours, from coordinates (pairs within 5 km found by the engine) | ${s(x.wall)} | ${s(x.cpu)} | ${mb(x.peakMb)} |`,
    ];
    let verdict: string;
    if ('python' in py) {
      const p = summary(pysal);
      rows.splice(
        1,
        0,
        `| PySAL \`access\` \`two_stage_fca\`, from the cost table (pandas ${pandasVersion(py.python)}) | ${s(p.wall)} | ${s(p.cpu)} | ${mb(p.peakMb)} |`,
      );
      const cmp = compare(readResult(f('ours-cost.csv')), readResult(f('pysal.csv')));
      verdict = `**From the same cost table: ours is ${(p.wall / c.wall).toFixed(1)}× faster than PySAL in wall time (${(p.cpu / c.cpu).toFixed(1)}× in CPU time) with ${(p.peakMb / c.peakMb).toFixed(1)}× less peak memory** (target: ≥ 2× faster, no more memory). Results agree: ${cmp.compared.toLocaleString('en-CA')} areas compared, ${String(cmp.mismatched)} differ in being defined, largest relative difference ${cmp.maxRel.toExponential(1)}.`;
    } else {
      verdict = `PySAL rows skipped: ${py.skip}.`;
    }
    const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
    return `${HEADING}

Command: \`${COMMAND}\` (PySAL is not part of this project: a checkout of github.com/pysal/access and Python 3 with pandas and numpy run it; without them its rows are skipped). Machine: ${String(availableParallelism())} cores (${cpu}), Node ${process.version}. Whole processes (start-up, reading, computing, writing the result CSV) measured with GNU time: medians of ${String(ROUNDS)} interleaved rounds. Wall time depends on what else the machine runs (load average ${loadBefore.toFixed(1)} at the start of this run, ${loadAfter.toFixed(1)} at the end, on ${String(availableParallelism())} cores); CPU time less so.

Input: the synthetic of "Access engine" above, 57,000 areas × 10,000 services, 2SFCA with a 5 km catchment. \`cost.csv\` holds the ${pairs.toLocaleString('en-CA')} pairs within 5 km (origin,dest,cost in metres, full precision: ${(costBytes / 1e6).toFixed(0)} MB); both tools read it and the same demand and supply CSVs.

| process | wall (s) | CPU (s) | peak memory (MB) |
| --- | ---: | ---: | ---: |
${rows.join('\n')}

${verdict} From coordinates the whole 2SFCA process takes ${s(x.wall)} s wall, ${s(x.cpu)} s CPU (target: under 0.6 s). Our two results are ${identical ? 'byte-identical' : '**not** identical'}.
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pandasVersion(python: string): string {
  const r = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  return r.stdout.trim() || '?';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const section = await run();
  process.stdout.write(section);
  if (cliArgs('bench', { options: { write: { type: 'boolean' } } }).values.write) writeSection(section);
}
