/**
 * The data step (`npm run data`) as a function, for scripts/build-data.ts and scripts/new-lip.ts:
 * loads and validates a site config, runs the pipeline on the files beside it and writes
 * services.json, areas.json, boundary.json, report.json, config.json, postal-areas.json and
 * site-paths.json (the site's folder and content folder, src/lib/adopt/site-choice.ts), all or
 * nothing (each file goes to a temporary name first and is renamed only when every step succeeded).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildData, formatIssue, loadSiteConfig, PipelineError, type DataResult } from '../../src/lib/ingest/index.ts';
import { readFilesIn } from '../../src/lib/ingest/read-file.ts';
import { FileTexts } from '../../src/lib/ingest/text-file.ts';
import { writeJsonArray, writeJsonFile } from '../../src/lib/ingest/write-json.ts';
import type { Issue } from '../../src/lib/schema/report.ts';
import { sitePaths, type SitePaths } from '../../src/lib/adopt/site-choice.ts';

const OUTPUTS = [
  'services.json',
  'areas.json',
  'boundary.json',
  'report.json',
  'config.json',
  'postal-areas.json',
  'site-paths.json',
] as const;

export type DataStepResult =
  | {
      readonly ok: true;
      readonly result: Omit<DataResult, 'services'>;
      readonly paths: SitePaths;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Runs the data step for the config at `configPath` (absolute), writing into `outDir`; `strict`
 * makes the pipeline's checks fatal (see buildData). Other errors are thrown.
 */
export async function runDataStep(
  configPath: string,
  outDir: string,
  options: { readonly strict?: boolean } = {},
): Promise<DataStepResult> {
  // The services' JSON texts wait in a scratch file until they are written.
  const texts = new FileTexts();
  try {
    const config = await loadSiteConfig(configPath, relative(process.cwd(), configPath));
    const configDir = dirname(configPath);
    const result = buildData(config, readFilesIn(configDir), {
      configDir: relative(process.cwd(), configDir) || '.',
      strict: options.strict === true,
      texts,
    });
    const paths = sitePaths(process.cwd(), configPath, config.content);
    const warnings = existsSync(join(dirname(configPath), config.content))
      ? []
      : [
          `WARNING ${paths.config} content: folder ${paths.content} not found; the site will have no pages, e-updates or events (copy starter/content to begin)`,
        ];
    mkdirSync(outDir, { recursive: true });
    const { services } = result;
    const data: Record<Exclude<(typeof OUTPUTS)[number], 'services.json'>, unknown> = {
      'areas.json': result.areas,
      'boundary.json': result.boundary,
      'report.json': result.report,
      'config.json': result.config,
      'postal-areas.json': result.postalAreas,
      'site-paths.json': paths,
    };
    const temps = OUTPUTS.map((name) => {
      const tmp = join(outDir, `.${name}.tmp`);
      // Services are written from the JSON text each was kept as, one at a time.
      if (name === 'services.json') writeJsonArray(tmp, services.length, (i) => services.json(i));
      else writeJsonFile(tmp, data[name]);
      return [tmp, join(outDir, name)] as const;
    });
    for (const [tmp, final] of temps) renameSync(tmp, final);
    // The services' texts go with the scratch file: callers get everything else.
    const { services: _written, ...rest } = result;
    return { ok: true, result: rest, paths, warnings };
  } catch (e) {
    for (const name of OUTPUTS) rmSync(join(outDir, `.${name}.tmp`), { force: true });
    if (e instanceof PipelineError) return { ok: false, issues: e.issues };
    throw e;
  } finally {
    texts.close();
  }
}

/** One line per input file and a totals line, as `npm run data` prints them. */
export function summaryLines(result: Omit<DataResult, 'services'>, outDir: string, seconds: number): string[] {
  const width = Math.max(...result.report.files.map((f) => f.file.length));
  const lines = result.report.files.map((f) => {
    const errors = result.report.issues.filter((i) => i.file === f.file && i.severity === 'error').length;
    const warnings = result.report.issues.filter((i) => i.file === f.file && i.severity === 'warning').length;
    return `${f.file.padEnd(width)}  ${f.layer.padEnd(9)} read ${String(f.read).padStart(5)}  published ${String(f.published).padStart(5)}  reported ${String(f.reported).padStart(4)}  merged ${String(f.merged).padStart(3)}  (${errors} errors, ${warnings} warnings)`;
  });
  for (const issue of result.checks) lines.push(formatIssue(issue));
  if (result.checks.length > 0)
    lines.push(`${result.checks.length} warning(s) above stop \`npm run build\` (its data step runs with --strict).`);
  const t = result.report.totals;
  lines.push(
    `TOTAL services: read ${t.read}, published ${t.published}, reported ${t.reported}, merged ${t.merged} → ${t.services} services in ${t.areas} areas; ${result.report.issues.length} issues; ${relative(process.cwd(), outDir)}/ written in ${seconds.toFixed(1)} s`,
  );
  return lines;
}
