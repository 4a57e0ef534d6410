/**
 * Integration tests for `scripts/gaps.ts`: spawns the CLI with the running Node
 * (process.execPath, type stripping) and checks stdout, stderr and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const script = join(root, 'scripts/gaps.ts');
const fx = (name: string): string => join('tests/fixtures/access', name);

function gaps(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function parse(csv: string): Map<string, number> {
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('id,value');
  const m = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cut = line.lastIndexOf(',');
    let id = line.slice(0, cut);
    if (id.startsWith('"')) id = id.slice(1, -1).replaceAll('""', '"');
    m.set(id, Number(line.slice(cut + 1)));
  }
  return m;
}

// Every test spawns processes: allow for a busy machine (tests never assert on time).
const SLOW = { timeout: 60_000 };

const XY = ['--demand', fx('demand-xy.csv'), '--supply', fx('supply-xy.csv')];
const ROUTING = ['--demand', fx('routing/areas.csv'), '--supply', fx('routing/sites.csv')];

function costTable(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'scripts/cost-table.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gaps CLI: results', SLOW, () => {
  it('2sfca from x,y coordinates (hand-computed)', () => {
    // s1 (cap 10) reaches a (500) and b (500): R = 10/300; s2 (cap 5) reaches c (1000): R = 0.1.
    // "d,1" and 007 have no supplier within 1500 → NaN.
    const r = gaps('--method', '2sfca', ...XY, '--max-cost', '1500');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`id,value\na,${String(10 / 300)}\nb,${String(10 / 300)}\nc,0.1\n"d,1",NaN\n007,NaN\n`);
  });
  it('the same from cost.csv (an empty cost is unreachable)', () => {
    const a = gaps('--method', '2sfca', ...XY, '--max-cost', '1500');
    const b = gaps('--method', '2sfca', ...XY, '--cost', fx('cost.csv'), '--max-cost', '1500');
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
  it('fca with neighbours from coordinates, and from nn.csv', () => {
    // a: demand 100 + b 200 = 300, supply 10; b: 200 + a 100 = 300, supply 10; c: 50, supply 5;
    // "d,1": 0 + 007's 40 = 40, no supply → 0; 007: 40 + 0 → 0.
    const expected = `id,value\na,${String(10 / 300)}\nb,${String(10 / 300)}\nc,0.1\n"d,1",0\n007,0\n`;
    expect(gaps('--method', 'fca', ...XY, '--max-cost', '1500').stdout).toBe(expected);
    const r = gaps(
      '--method',
      'fca',
      ...XY,
      '--cost',
      fx('cost.csv'),
      '--neighbor-cost',
      fx('nn.csv'),
      '--max-cost',
      '1500',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });
  it('catchment, nearest and gravity', () => {
    expect(gaps('--method', 'catchment', ...XY, '--max-cost', '1500').stdout).toBe(
      'id,value\na,10\nb,10\nc,5\n"d,1",NaN\n007,NaN\n',
    );
    expect(gaps('--method', 'nearest', ...XY).stdout).toBe('id,value\na,500\nb,500\nc,1000\n"d,1",16000\n007,16500\n');
    expect(gaps('--method', 'nearest', ...XY, '--max-cost', '1000').stdout).toBe(
      'id,value\na,500\nb,500\nc,1000\n"d,1",NaN\n007,NaN\n',
    );
    // a: 10·(500/1000)^-2 + 5·(4000/1000)^-2 = 40 + 0.3125
    const g = parse(gaps('--method', 'gravity', ...XY, '--weight', 'gravity:1000,-2,100').stdout);
    expect(g.get('a')).toBe(40.3125);
  });
  it('--normalize divides by the population-weighted mean', () => {
    // Σ A·P = 100/30 + 200/30 + 50·0.1 = 15; Σ P = 390 → mean 1/26
    const m = parse(gaps('--method', '2sfca', ...XY, '--max-cost', '1500', '--normalize').stdout);
    expect(m.get('a')).toBeCloseTo(26 / 30, 14);
    expect(m.get('c')).toBeCloseTo(2.6, 14);
    expect(m.get('007')).toBeNaN();
  });
  it('e2sfca with a step weight on lon/lat input (geodesic, checked against @turf/distance)', () => {
    const demand = [
      ['da1', 400, -79.3832, 43.6532],
      ['da2', 250, -79.4, 43.66],
      ['da3', 300, -79.35, 43.7],
      ['da4', 120, -79.6, 43.9],
    ] as const;
    const supply = [
      ['svc1', 1, -79.39, 43.655],
      ['svc2', 3, -79.36, 43.69],
      ['svc3', 2, -79.2, 43.8],
    ] as const;
    const f = (c: number): number => (c <= 1000 ? 1 : c <= 3000 ? 0.68 : c <= 5000 ? 0.22 : 0);
    const cost = (i: number, j: number): number =>
      turfDistance([demand[i]![2], demand[i]![3]], [supply[j]![2], supply[j]![3]], { units: 'meters' });
    const load = supply.map((_, j) =>
      demand.reduce((s, d, i) => (cost(i, j) <= 5000 ? s + d[1] * f(cost(i, j)) : s), 0),
    );
    const expected = demand.map((_, i) => {
      let any = false;
      let a = 0;
      supply.forEach((s, j) => {
        if (cost(i, j) <= 5000) {
          any = true;
          a += (s[1] / load[j]!) * f(cost(i, j));
        }
      });
      return any ? a : NaN;
    });
    const r = gaps(
      '--method',
      'e2sfca',
      '--demand',
      fx('demand-lonlat.csv'),
      '--supply',
      fx('supply-lonlat.csv'),
      '--max-cost',
      '5000',
      '--weight',
      'step:1000=1,3000=0.68,5000=0.22',
    );
    expect(r.status).toBe(0);
    const got = parse(r.stdout);
    demand.forEach((d, i) => {
      const e = expected[i]!;
      if (Number.isNaN(e)) expect(got.get(d[0])).toBeNaN();
      else expect(Math.abs(got.get(d[0])! - e) / e).toBeLessThan(1e-12);
    });
    expect(got.get('da4')).toBeNaN();
  });
  it('writes --out and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaps-'));
    try {
      const out = join(dir, 'r.csv');
      const r = gaps('--method', 'catchment', ...XY, '--max-cost=1500', `--out=${out}`);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe('id,value\na,10\nb,10\nc,5\n"d,1",NaN\n007,NaN\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('writes finite numbers that parse back to the same double', () => {
    const m = parse(gaps('--method', '2sfca', ...XY, '--max-cost', '1500').stdout);
    expect(m.get('a')).toBe(10 / 300);
  });
});

describe('travel costs from a routing engine (the worked example in docs/access-methods.md)', SLOW, () => {
  const ids = ['--origins', fx('routing/areas.csv'), '--dests', fx('routing/sites.csv')];
  it('cost-table turns an OSRM table response into the committed travel-times.csv', () => {
    const r = costTable('--from', 'osrm', ...ids, fx('routing/osrm-table.json'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(root, fx('routing/travel-times.csv')), 'utf8'));
  });
  it('2sfca on the travel times within 15 minutes (hand-computed)', () => {
    // Within 900 s: S1 ← A1, A2, A3 (1,200 + 800 + 500): R = 10/2,500; S2 ← A1, A3 (A2 at 900.8 s is
    // out): R = 5/1,700; S3 ← A4: R = 2/300. A4 → S1 has no route (empty cost).
    const r = gaps(
      '--method',
      '2sfca',
      ...ROUTING,
      '--cost',
      fx('routing/travel-times.csv'),
      '--max-cost',
      '900',
      '--cost-unit',
      's',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `id,value\nA1,${String(10 / 2500 + 5 / 1700)}\nA2,${String(10 / 2500)}\nA3,${String(10 / 2500 + 5 / 1700)}\nA4,${String(2 / 300)}\n`,
    );
  });
  it('cost-table reads Valhalla distances (km) and refuses a response of the other engine', () => {
    const r = costTable('--from', 'valhalla', '--cost', 'distance', ...ids, fx('routing/valhalla-matrix.json'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['origin,dest,cost,unit', 'A1,S1,0.9,km']);
    expect(r.stdout).toContain('\nA4,S1,,km\n');
    const bad = costTable('--from', 'valhalla', ...ids, fx('routing/osrm-table.json'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'cost-table: tests/fixtures/access/routing/osrm-table.json: "sources_to_targets" is missing\n',
    );
    expect(costTable('--from', 'graphhopper', ...ids, fx('routing/osrm-table.json')).status).toBe(2);
  });
});

describe('gaps CLI: start-up', SLOW, () => {
  it("npm run gaps keeps its compiled modules in Node's compile cache for the next run", () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gaps-cache-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
      delete env['NODE_COMPILE_CACHE'];
      delete env['NODE_DISABLE_COMPILE_CACHE'];
      const r = spawnSync(
        process.execPath,
        [join(root, 'scripts/gaps.js'), '--method', '2sfca', ...XY, '--max-cost', '1500'],
        { cwd: root, encoding: 'utf8', env },
      );
      expect(r.status).toBe(0);
      expect(readdirSync(join(tmp, 'node-compile-cache')).length).toBeGreaterThan(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('gaps CLI: errors', SLOW, () => {
  it('exits 2 on bad usage', () => {
    for (const args of [
      [],
      ['--method', 'magic', ...XY],
      ['--method', '2sfca', '--supply', fx('supply-xy.csv')],
      ['--method', '2sfca', ...XY, '--max-cost', 'far'],
      ['--method', '2sfca', ...XY, '--weight', 'step:1000'],
      ['--method', 'gravity', ...XY],
      ['--method', 'nearest', ...XY, '--weight', 'gaussian:100'],
      ['--method', '2sfca', ...XY, '--frobnicate'],
      ['--method', '2sfca', ...XY, '--metric', 'manhattan'],
      ['--method', '2sfca', ...XY, '--neighbor-cost', fx('nn.csv')],
      ['--method', '2sfca', ...XY, '--cost', fx('cost.csv'), '--cost-unit', 'minutes'],
      ['--method', '2sfca', ...XY, '--cost-unit', 's'],
    ]) {
      const r = gaps(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^gaps: /);
    }
  });
  it('exits 1 with file, row and reason on bad data', () => {
    const cases: [string[], string][] = [
      [
        ['--demand', fx('demand-bad-pop.csv'), '--supply', fx('supply-xy.csv')],
        'demand-bad-pop.csv row 3: column pop: "abc" is not a number',
      ],
      [
        ['--demand', fx('demand-missing-pop.csv'), '--supply', fx('supply-xy.csv')],
        'demand-missing-pop.csv: missing column pop',
      ],
      [
        ['--demand', fx('demand-xy.csv'), '--supply', fx('supply-negative.csv')],
        'supply-negative.csv row 2: column capacity: -1 is negative',
      ],
      [[...XY, '--cost', fx('cost-unknown.csv')], 'cost-unknown.csv row 3: column origin: "zzz" is not a demand id'],
      [
        ['--demand', fx('demand-xy.csv'), '--supply', fx('supply-lonlat.csv')],
        'supply-lonlat.csv: missing column x (needed for euclidean distances)',
      ],
      [['--demand', fx('no-such-file.csv'), '--supply', fx('supply-xy.csv')], 'cannot read'],
      [[...XY, '--cost', fx('no-such-costs.csv')], 'cannot read tests/fixtures/access/no-such-costs.csv'],
      [[...XY, '--cost', fx('cost-bad.csv')], 'cost-bad.csv row 4: column cost: "12 min" is not a number'],
      [
        [...XY, '--cost', fx('routing/travel-times.csv')],
        'travel-times.csv row 2: column origin: "A1" is not a demand id',
      ],
      [
        [...ROUTING, '--cost', fx('routing/travel-times.csv'), '--cost-unit', 'min'],
        'travel-times.csv row 2: column unit: "s" differs from "min", the unit given for this table',
      ],
    ];
    for (const [args, message] of cases) {
      const r = gaps('--method', '2sfca', '--max-cost', '1500', ...args);
      expect(r.status, message).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });
  it('--help prints usage on stdout', () => {
    const r = gaps('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--method');
  });
});
