/**
 * `npm run data` — builds the site's data from `data/site.config.ts`:
 *   node scripts/build-data.ts [--config data/site.config.ts] [--out src/generated]
 * The config defaults to the SITE_CONFIG environment variable, then data/site.config.ts.
 * Writes services.json, areas.json, boundary.json, report.json and config.json, all or nothing
 * (each file goes to a temporary name first and is renamed only when every step succeeded).
 * Prints one line per input file and a totals line; exits 1 after listing every fatal error.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, loadSiteConfig, PipelineError, runPipeline } from '../src/lib/ingest/index.ts';
import { readFilesIn } from '../src/lib/ingest/read-file.ts';
import { writeJsonFile } from '../src/lib/ingest/write-json.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: process.env['SITE_CONFIG'] ?? 'data/site.config.ts' },
    out: { type: 'string', default: 'src/generated' },
    quiet: { type: 'boolean', default: false },
  },
});
const configPath = resolve(values.config);
const outDir = resolve(values.out);
const configDir = dirname(configPath);
const started = performance.now();

try {
  const config = await loadSiteConfig(configPath, relative(process.cwd(), configPath));
  const result = runPipeline(config, readFilesIn(configDir));

  mkdirSync(outDir, { recursive: true });
  const outputs: [string, unknown][] = [
    ['services.json', result.services],
    ['areas.json', result.areas],
    ['boundary.json', result.boundary],
    ['report.json', result.report],
    ['config.json', result.config],
    ['postal-areas.json', result.postalAreas],
  ];
  const temps = outputs.map(([name, data]) => {
    const tmp = join(outDir, `.${name}.tmp`);
    writeJsonFile(tmp, data);
    return [tmp, join(outDir, name)] as const;
  });
  for (const [tmp, final] of temps) renameSync(tmp, final);

  const width = Math.max(...result.report.files.map((f) => f.file.length));
  for (const f of result.report.files) {
    const errors = result.report.issues.filter((i) => i.file === f.file && i.severity === 'error').length;
    const warnings = result.report.issues.filter((i) => i.file === f.file && i.severity === 'warning').length;
    console.log(`${f.file.padEnd(width)}  ${f.layer.padEnd(9)} read ${String(f.read).padStart(5)}  published ${String(f.published).padStart(5)}  reported ${String(f.reported).padStart(4)}  merged ${String(f.merged).padStart(3)}  (${errors} errors, ${warnings} warnings)`);
  }
  const t = result.report.totals;
  console.log(`TOTAL services: read ${t.read}, published ${t.published}, reported ${t.reported}, merged ${t.merged} → ${t.services} services in ${t.areas} areas; ${result.report.issues.length} issues; ${relative(process.cwd(), outDir)}/ written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  for (const name of ['services.json', 'areas.json', 'boundary.json', 'report.json', 'config.json', 'postal-areas.json']) rmSync(join(outDir, `.${name}.tmp`), { force: true });
  if (e instanceof PipelineError) {
    for (const issue of e.issues) console.error(formatIssue(issue));
    console.error(`Data build failed: ${e.issues.length} fatal problem(s); nothing was written.`);
  } else {
    console.error(e);
  }
  process.exitCode = 1;
}
