/**
 * `npm run data` — builds the site's data from `data/site.config.ts`:
 *   node scripts/build-data.ts [--config data/site.config.ts] [--out src/generated]
 * The config defaults to the SITE_CONFIG environment variable, then data/site.config.ts.
 * Writes services.json, areas.json, boundary.json, report.json and config.json, all or nothing
 * (scripts/lib/data-step.ts). Prints one line per input file and a totals line; exits 1 after
 * listing every fatal error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/lib/ingest/index.ts';
import { runDataStep, summaryLines } from './lib/data-step.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: process.env['SITE_CONFIG'] ?? 'data/site.config.ts' },
    out: { type: 'string', default: 'src/generated' },
    quiet: { type: 'boolean', default: false },
  },
});
const outDir = resolve(values.out);
const started = performance.now();

try {
  const step = await runDataStep(resolve(values.config), outDir);
  if (step.ok) {
    for (const line of summaryLines(step.result, outDir, (performance.now() - started) / 1000)) console.log(line);
  } else {
    for (const issue of step.issues) console.error(formatIssue(issue));
    console.error(`Data build failed: ${step.issues.length} fatal problem(s); nothing was written.`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
}
