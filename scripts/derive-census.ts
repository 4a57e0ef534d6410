/**
 * `npm run census` — derives the per-neighbourhood indicators table from the City of Toronto's
 * raw 2021 Neighbourhood Profiles:
 *   node scripts/derive-census.ts [--in demo/toronto/data/census/neighbourhood_profiles_2021_158.csv]
 *                                 [--out demo/toronto/data/census/newcomer_indicators_2021.csv]
 * Deterministic: running it twice gives the same bytes. See docs/data-pipeline.md.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deriveIndicators, indicatorsToCsv, parseProfile } from '../src/lib/ingest/census-profile.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string', default: 'demo/toronto/data/census/neighbourhood_profiles_2021_158.csv' },
    out: { type: 'string', default: 'demo/toronto/data/census/newcomer_indicators_2021.csv' },
  },
});

try {
  const rows = deriveIndicators(parseProfile(readFileSync(values.in, 'utf8')));
  const tmp = `${values.out}.tmp`;
  writeFileSync(tmp, indicatorsToCsv(rows));
  renameSync(tmp, values.out);
  const suppressed = rows.reduce((n, r) => n + Object.values(r.counts).filter((v) => v === null).length, 0);
  console.log(`${values.in} → ${values.out}: ${rows.length} areas, ${suppressed} suppressed cells kept as unknown`);
} catch (e) {
  console.error(`${values.in}: ${(e as Error).message}`);
  process.exitCode = 1;
}
