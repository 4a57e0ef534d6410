/**
 * Benchmark of the access engine (src/lib/access) on synthetic data laid out like
 * Canada's census dissemination areas (DAs).
 *
 *   npx node scripts/bench/access.ts            # print the Markdown section
 *   npx node scripts/bench/access.ts --write    # also replace the section in docs/benchmarks.md
 *
 * `scripts/bench.ts` imports this module and calls `run()`.
 * Benchmarks report times only; tests never assert on them.
 */
import { writeSection } from '../lib/bench-doc.ts';
import { seededRandom } from '../lib/random.ts';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfDistance from '@turf/distance';
import { findPairs, stepWeight, twoStep, type PairList, type PointSet } from '../../src/lib/access/index.ts';
import { cliArgs } from '../lib/cli.ts';

export const HEADING = '## Access engine (gap analysis)';
const COMMAND = 'npx node scripts/bench/access.ts --write';
const MAX_COST = 5000; // metres, geodesic
const E2SFCA_STEPS = [
  [1500, 1],
  [3000, 0.68],
  [5000, 0.22],
] as const;
const RUNS = 5;

/** Urban centres: lon, lat, relative number of DAs (roughly the 2021 CMA sizes). */
const CITIES: readonly (readonly [string, number, number, number])[] = [
  ['Toronto', -79.38, 43.7, 7600],
  ['Montréal', -73.57, 45.5, 6600],
  ['Vancouver', -123.1, 49.25, 3500],
  ['Calgary', -114.07, 51.05, 2000],
  ['Edmonton', -113.5, 53.55, 2000],
  ['Ottawa–Gatineau', -75.7, 45.42, 2000],
  ['Québec', -71.21, 46.81, 1300],
  ['Winnipeg', -97.14, 49.9, 1200],
  ['Hamilton', -79.87, 43.25, 1100],
  ['Kitchener–Waterloo', -80.49, 43.45, 800],
  ['London', -81.25, 42.98, 800],
  ['Halifax', -63.57, 44.65, 600],
  ['St. Catharines', -79.24, 43.16, 600],
  ['Oshawa', -78.86, 43.9, 500],
  ['Victoria', -123.37, 48.43, 600],
  ['Windsor', -83.03, 42.3, 500],
  ['Saskatoon', -106.67, 52.13, 500],
  ['Regina', -104.62, 50.45, 400],
  ['Sherbrooke', -71.9, 45.4, 350],
  ['St. John’s', -52.71, 47.56, 350],
  ['Barrie', -79.69, 44.39, 300],
  ['Kelowna', -119.49, 49.89, 300],
  ['Moncton', -64.78, 46.09, 250],
  ['Kingston', -76.48, 44.23, 250],
  ['Sudbury', -80.99, 46.49, 250],
];
const URBAN_SHARE = 0.75;

export interface Layout {
  readonly demand: PointSet;
  readonly population: Float64Array;
  readonly supply: PointSet;
  readonly capacity: Float64Array;
}

/**
 * Synthetic DA-like layout: `URBAN_SHARE` of the points in clusters around real urban
 * centres (Gaussian, σ growing with the square root of the cluster size, so core densities
 * are similar: about 8 DAs per km² at the centre of the largest), the rest scattered over
 * Canada's southern band (lon -128..-53, lat 42..55). Services follow the same clusters a
 * little more tightly (90 % urban).
 */
export function makeLayout(nDemand: number, nSupply: number, seed = 2021): Layout {
  const rand = seededRandom(seed);
  const gauss = (): number => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const total = CITIES.reduce((s, c) => s + c[3], 0);
  const place = (n: number, urbanShare: number, tight: number): PointSet => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (rand() < urbanShare) {
        let pick = rand() * total;
        let city = CITIES[0]!;
        for (const c of CITIES) {
          pick -= c[3];
          city = c;
          if (pick <= 0) break;
        }
        const sigmaKm = 12 * Math.sqrt(city[3] / 7600) * tight;
        const dy = (gauss() * sigmaKm) / 111.2;
        const dx = (gauss() * sigmaKm) / (111.2 * Math.cos((city[2] * Math.PI) / 180));
        x[i] = city[1] + dx;
        y[i] = city[2] + dy;
      } else {
        x[i] = -128 + 75 * rand();
        y[i] = 42 + 13 * rand() * rand(); // denser towards the south
      }
    }
    return { x, y };
  };
  const demand = place(nDemand, URBAN_SHARE, 1);
  const supply = place(nSupply, 0.9, 0.8);
  const population = Float64Array.from({ length: nDemand }, () => 250 + Math.floor(rand() * 700));
  const capacity = Float64Array.from({ length: nSupply }, () => 1 + Math.floor(rand() * 60));
  return { demand, population, supply, capacity };
}

function subset(l: Layout, nDemand: number, nSupply: number): Layout {
  // The generator draws points in random order, so a prefix is a random sample of the layout.
  const cut = (p: PointSet, n: number): PointSet => ({
    x: Array.prototype.slice.call(p.x, 0, n) as number[],
    y: Array.prototype.slice.call(p.y, 0, n) as number[],
  });
  return {
    demand: cut(l.demand, nDemand),
    population: l.population.slice(0, nDemand),
    supply: cut(l.supply, nSupply),
    capacity: l.capacity.slice(0, nSupply),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface EngineTiming {
  pairs: number;
  findMs: number;
  twoMs: number;
  e2Ms: number;
  totalMs: number;
  result2: Float64Array;
}

function engineOnce(l: Layout): EngineTiming {
  const e2 = stepWeight(E2SFCA_STEPS);
  const t0 = performance.now();
  const pairs: PairList = findPairs(l.demand, l.supply, { metric: 'geodesic', maxCost: MAX_COST });
  const t1 = performance.now();
  const input = { population: l.population, capacity: l.capacity, pairs };
  const result2 = twoStep(input, { maxCost: MAX_COST });
  const t2 = performance.now();
  twoStep(input, { maxCost: MAX_COST, weight: e2 });
  const t3 = performance.now();
  return { pairs: pairs.length, findMs: t1 - t0, twoMs: t2 - t1, e2Ms: t3 - t2, totalMs: t3 - t0, result2 };
}

function engine(l: Layout, runs = RUNS): EngineTiming {
  engineOnce(l); // warm-up
  const all = Array.from({ length: runs }, () => engineOnce(l));
  const pick = (f: (t: EngineTiming) => number): number => median(all.map(f));
  return {
    pairs: all[0]!.pairs,
    findMs: pick((t) => t.findMs),
    twoMs: pick((t) => t.twoMs),
    e2Ms: pick((t) => t.e2Ms),
    totalMs: pick((t) => t.totalMs),
    result2: all[0]!.result2,
  };
}

/** Naive 2SFCA: every demand × supply distance with @turf/distance, then two nested loops. */
function naive2sfca(l: Layout): { ms: number; result: Float64Array } {
  const t0 = performance.now();
  const nD = l.population.length;
  const nS = l.capacity.length;
  const dist = new Float64Array(nD * nS);
  for (let i = 0; i < nD; i++) {
    const a = [l.demand.x[i]!, l.demand.y[i]!];
    for (let j = 0; j < nS; j++)
      dist[i * nS + j] = turfDistance(a, [l.supply.x[j]!, l.supply.y[j]!], { units: 'meters' });
  }
  const ratio = new Float64Array(nS).fill(NaN);
  for (let j = 0; j < nS; j++) {
    let load = 0;
    let any = false;
    for (let i = 0; i < nD; i++) {
      if (dist[i * nS + j]! <= MAX_COST) {
        load += l.population[i]!;
        any = true;
      }
    }
    if (any) ratio[j] = l.capacity[j]! / load;
  }
  const result = new Float64Array(nD).fill(NaN);
  for (let i = 0; i < nD; i++) {
    let a = 0;
    let any = false;
    for (let j = 0; j < nS; j++) {
      if (dist[i * nS + j]! <= MAX_COST) {
        any = true;
        const t = ratio[j]!;
        if (t === t) a += t;
      }
    }
    if (any) result[i] = a;
  }
  return { ms: performance.now() - t0, result };
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (Number.isNaN(x) !== Number.isNaN(y)) return Infinity;
    const d = Math.abs(x - y) / Math.max(Math.abs(y), Number.MIN_VALUE);
    if (d > m) m = d;
  }
  return m;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export async function run(): Promise<string> {
  const full = makeLayout(57_000, 10_000);
  const main = engine(full);
  const defined = main.result2.reduce((s, v) => s + (Number.isNaN(v) ? 0 : 1), 0);

  const scaling: string[] = [];
  for (const n of [1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 57_000]) {
    const t = n === 57_000 ? main : engine(subset(full, n, 10_000));
    scaling.push(
      `| ${n.toLocaleString('en-CA')} | ${t.pairs.toLocaleString('en-CA')} | ${ms(t.findMs)} | ${ms(t.twoMs + t.e2Ms)} | ${ms(t.totalMs)} |`,
    );
  }

  const small = subset(full, 5_700, 1_000);
  const fast = engine(small);
  naive2sfca(subset(full, 200, 100)); // warm-up
  const naiveRuns = Array.from({ length: 3 }, () => naive2sfca(small));
  const naiveMs = median(naiveRuns.map((r) => r.ms));
  const diff = maxRelDiff(fast.result2, naiveRuns[0]!.result);
  const fastPairsAnd2 = fast.findMs + fast.twoMs;

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${HEADING}

Command: \`${COMMAND}\` (also run by \`npm run bench\`). Machine: ${String(availableParallelism())} cores (${cpu}), Node ${process.version}. Times are medians of ${String(RUNS)} runs after a warm-up, single-threaded.

Synthetic data laid out like census dissemination areas: 57,000 demand points (75 % in Gaussian clusters around 25 real urban centres sized like their CMAs, the rest scattered over the southern band), population 250–949; 10,000 service points (90 % urban), capacity 1–60; seeded PRNG. Catchment 5 km, geodesic (haversine, R = 6,371,008.8 m, the same doubles as @turf/distance). E2SFCA weight \`step:1500=1,3000=0.68,5000=0.22\`.

### 57,000 areas × 10,000 services

| step | time (ms) |
| --- | ---: |
| find pairs within 5 km (grid box query + exact haversine) | ${ms(main.findMs)} |
| 2SFCA | ${ms(main.twoMs)} |
| E2SFCA | ${ms(main.e2Ms)} |
| **total (pairs + 2SFCA + E2SFCA)** | **${ms(main.totalMs)}** |

${main.pairs.toLocaleString('en-CA')} usable pairs; ${defined.toLocaleString('en-CA')} of 57,000 areas have a service within 5 km. Target: under 2,000 ms.

### Against a naive all-pairs loop

Subset of 5,700 areas × 1,000 services (a random tenth of the layout: the generator draws points in random order and the subset takes the first ones). Naive: a distance matrix with \`@turf/distance\` for every pair, then 2SFCA by nested loops (median of 3 runs).

| | time (ms) |
| --- | ---: |
| naive all-pairs 2SFCA | ${ms(naiveMs)} |
| engine: pairs + 2SFCA | ${ms(fastPairsAnd2)} |
| **speed-up** | **${(naiveMs / fastPairsAnd2).toFixed(0)}×** |

Largest relative difference between the two results: ${diff.toExponential(1)} (summation order only).

### Growth with the number of areas (10,000 services)

| areas | pairs | find pairs (ms) | 2SFCA + E2SFCA (ms) | total (ms) |
| ---: | ---: | ---: | ---: | ---: |
${scaling.join('\n')}
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const section = await run();
  process.stdout.write(section);
  if (cliArgs('bench', { options: { write: { type: 'boolean' } } }).values.write) writeSection(section);
}
