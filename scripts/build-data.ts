/**
 * `npm run data` — builds the site's data from the chosen site's config:
 *   node scripts/build-data.ts [--config demo/toronto/site.config.ts] [--out src/generated] [--strict]
 * The config defaults to the SITE_CONFIG environment variable, then `config.site` in
 * package.json (the Toronto demo as shipped; src/lib/adopt/site-choice.ts).
 * Writes services.json, areas.json, boundary.json, report.json, config.json and site-paths.json
 * (where the site's folder and content are), all or nothing (scripts/lib/data-step.ts). Prints one line per input file and a totals line; exits 1 after
 * listing every fatal error. `--strict` (used by `npm run build`, so CI) makes the warnings that
 * data is almost surely mis-configured fatal: a layer publishing no service, a rule for a file no
 * layer reads, a rule matching no record.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chosenConfigPath } from '../src/lib/adopt/site-choice.ts';
import { formatIssue } from '../src/lib/ingest/index.ts';
import { runDataStep, summaryLines } from './lib/data-step.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    out: { type: 'string', default: 'src/generated' },
    quiet: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
function chosen(): string {
  try {
    return chosenConfigPath();
  } catch (e) {
    console.error(`ERROR ${(e as Error).message}`);
    process.exit(1);
  }
}
const configPath = values.config === undefined ? chosen() : resolve(values.config);
const outDir = resolve(values.out);
const started = performance.now();

try {
  const step = await runDataStep(configPath, outDir, { strict: values.strict });
  if (step.ok) {
    for (const line of step.warnings) console.log(line);
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
