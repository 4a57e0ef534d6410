import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parseGapsArgs, runGaps, type GapsFiles } from '../../../src/lib/access/gaps-cli.ts';
import { FIXTURES } from '../ingest/helpers.ts';
import { expectGolden } from './golden.ts';

const fx = (name: string) => join(FIXTURES, 'access', name);
const files: GapsFiles = { readText: (path) => readFileSync(path, 'utf8'), readChunks: (path) => [readFileSync(path)] };
const XY = ['--demand', fx('demand-xy.csv'), '--supply', fx('supply-xy.csv')];
const LONLAT = ['--demand', fx('demand-lonlat.csv'), '--supply', fx('supply-lonlat.csv')];
const ROUTING = ['--demand', fx('routing/areas.csv'), '--supply', fx('routing/sites.csv')];

/** Each case: the arguments of `npm run gaps --` → the CSV it writes. */
const CASES: Record<string, string[]> = {
  '2sfca-xy': ['--method', '2sfca', ...XY, '--max-cost', '1500'],
  '2sfca-xy-normalized': ['--method', '2sfca', ...XY, '--max-cost', '1500', '--normalize'],
  '2sfca-cost-table': ['--method', '2sfca', ...XY, '--cost', fx('cost.csv'), '--max-cost', '1500'],
  'e2sfca-step-lonlat': ['--method', 'e2sfca', ...LONLAT, '--max-cost', '3000', '--weight', 'step:1000=1,2000=0.68,3000=0.22'],
  'gravity-xy': ['--method', 'gravity', ...XY, '--weight', 'gravity:1000,-2,100'],
  'fca-nn': ['--method', 'fca', ...XY, '--max-cost', '1500', '--neighbor-cost', fx('nn.csv')],
  'nearest-xy': ['--method', 'nearest', ...XY],
  '2sfca-routing-minutes': ['--method', '2sfca', ...ROUTING, '--cost', fx('routing/travel-times.csv'), '--cost-unit', 's', '--max-cost', '900'],
};

describe('gaps CLI output (golden)', () => {
  for (const [name, argv] of Object.entries(CASES)) {
    it(name, () => {
      expectGolden(`gaps/${name}.csv`, runGaps(parseGapsArgs(argv), files));
    });
  }
});
