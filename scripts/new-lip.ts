/**
 * `npm run new-lip` — starts a LIP's site from its own files:
 *   npm run new-lip -- --name "Vancouver LIP" --areas areas.geojson --census census.csv \
 *     --services amenities.geojson [--services more.csv] [--out data/vancouver] [--force]
 *     [--data-out src/generated]
 * Inspects the files (src/lib/adopt/inspect.ts), copies them into the output folder's data/, writes a
 * commented site.config.ts and a rules.csv skeleton there (src/lib/adopt/scaffold.ts), copies the
 * starter's placeholder pages (starter/content) when the folder has no content yet, runs the
 * data step on them (scripts/lib/data-step.ts) and prints what to fix next, numbered
 * (src/lib/adopt/next-steps.ts). Refuses to overwrite an existing config without --force.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { inspectFile, describeFile, type FileInspection } from '../src/lib/adopt/inspect.ts';
import { nextSteps, numbered, type DataOutcome } from '../src/lib/adopt/next-steps.ts';
import {
  planScaffold,
  renderConfig,
  renderRules,
  SITE_CONFIG_IMPORT,
  type StarterSettings,
} from '../src/lib/adopt/scaffold.ts';
import { idCandidates } from '../src/lib/adopt/guess.ts';
import { slugify } from '../src/lib/slug.ts';
import { runDataStep, summaryLines } from './lib/data-step.ts';

const USAGE =
  'usage: npm run new-lip -- --name "<partnership name>" --areas <areas.geojson> --census <census.csv> --services <file> [--services <file> …] [--out <folder>] [--force] [--data-out <folder, default src/generated>]';

function fail(message: string): never {
  console.error(`new-lip: ${message}\n${USAGE}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      name: { type: 'string' },
      areas: { type: 'string' },
      census: { type: 'string' },
      services: { type: 'string', multiple: true },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'data-out': { type: 'string', default: 'src/generated' },
    },
  });
} catch (e) {
  fail((e as Error).message);
}
const { values } = parsed;
const name = values.name?.trim();
if (name === undefined || name === '') fail('--name is required');
if (values.areas === undefined) fail('--areas is required (the areas as GeoJSON polygons)');
if (values.census === undefined) fail('--census is required (one row per area, one column per count)');
if (values.services === undefined || values.services.length === 0)
  fail('--services is required (one or more service files)');

const root = process.cwd();
const outDir = resolve(values.out ?? join('data', slugify(name) || 'lip'));
const configPath = join(outDir, 'site.config.ts');
const rulesPath = join(outDir, 'rules.csv');
if (existsSync(configPath) && !values.force)
  fail(`${relative(root, configPath)} exists already; use --force to write it again (your edits to it would be lost)`);

/** Reads a given file, or stops naming it and why. */
function bytesOf(path: string, role: string): Uint8Array {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) fail(`${role} file ${path}: not found`);
  if (stat.isDirectory()) fail(`${role} file ${path}: this is a folder; give the file itself`);
  return readFileSync(path);
}

/** Copies a file into the output folder's data/ (unless it is inside the folder already) and returns its path relative to the folder. */
function place(path: string, taken: Map<string, string>): string {
  const abs = resolve(path);
  if (abs.startsWith(outDir + sep)) return relative(outDir, abs).split(sep).join('/');
  const target = basename(abs);
  const other = taken.get(target);
  if (other !== undefined && other !== abs) fail(`two files are named ${target} (${other} and ${abs}); rename one`);
  taken.set(target, abs);
  mkdirSync(join(outDir, 'data'), { recursive: true });
  copyFileSync(abs, join(outDir, 'data', target));
  return `data/${target}`;
}

const inputs = { areas: values.areas, census: values.census, services: values.services };
const areas = inspectFile(basename(inputs.areas), bytesOf(inputs.areas, 'areas'));
const census = inspectFile(basename(inputs.census), bytesOf(inputs.census, 'census'));
const services = inputs.services.map((s) => inspectFile(basename(s), bytesOf(s, 'services')));

mkdirSync(outDir, { recursive: true });
const taken = new Map<string, string>();
const paths = {
  areas: place(inputs.areas, taken),
  census: place(inputs.census, taken),
  services: inputs.services.map((s) => place(s, taken)),
};

/** Published languages from the starter's configuration, when the project has one. */
async function starterSettings(): Promise<StarterSettings | undefined> {
  const starter = join(root, 'starter', 'site.config.ts');
  if (!existsSync(starter)) return undefined;
  try {
    const mod = (await import(new URL(`file://${starter}`).href)) as {
      default?: { locales?: string[]; defaultLocale?: string };
    };
    return {
      ...(mod.default?.locales !== undefined ? { locales: mod.default.locales } : {}),
      ...(mod.default?.defaultLocale !== undefined ? { defaultLocale: mod.default.defaultLocale } : {}),
    };
  } catch {
    return undefined;
  }
}

const starter = await starterSettings();
// Inside the project, the package's own import name (package.json "imports"), so the config can be
// moved or copied to any folder of it; outside, a relative path.
const schemaPath = relative(outDir, join(root, 'src', 'lib', 'schema', 'config.ts'))
  .split(sep)
  .join('/');
const relativeImport = schemaPath.startsWith('.') ? schemaPath : `./${schemaPath}`;
const insideProject = !relative(root, outDir).startsWith('..');
const schemaImport = insideProject ? SITE_CONFIG_IMPORT : relativeImport;
const plan = planScaffold({
  name,
  areas,
  census,
  services,
  paths,
  schemaImport,
  rulesFile: 'rules.csv',
  ...(starter !== undefined ? { starter } : {}),
});

function printFile(role: string, f: FileInspection): void {
  console.log(`\n${role}: ${f.file} — ${describeFile(f)}`);
  if (f.encoding.note !== undefined) console.log(`  encoding: ${f.encoding.note}`);
  for (const p of f.problems) console.log(`  problem: ${p}`);
  const ids = idCandidates(f).map((x) => x.path);
  if (ids.length > 0) console.log(`  id candidates (unique, non-empty): ${ids.slice(0, 6).join(', ')}`);
  const shown = f.fields.slice(0, 30);
  for (const x of shown)
    console.log(
      `  ${x.path.padEnd(28)} ${String(x.present).padStart(6)} × ${x.distinct} values  e.g. ${x.examples.map((e) => JSON.stringify(e)).join(', ')}`,
    );
  if (f.fields.length > shown.length) console.log(`  … and ${f.fields.length - shown.length} more fields`);
}

printFile('areas', areas);
printFile('census', census);
services.forEach((s) => printFile('services', s));
if (plan.join !== undefined)
  console.log(
    `\nareas ↔ census: ${plan.join.areaField} = ${plan.join.censusField}, ${plan.join.matched} of ${plan.join.areas} areas have a row`,
  );
for (const layer of plan.layers)
  if (layer.order !== undefined) console.log(`${layer.file}: coordinates ${layer.order.order} (${layer.order.why})`);

const configText = renderConfig(plan);
writeFileSync(configPath, configText);
writeFileSync(rulesPath, renderRules(plan));
console.log(`\nWrote ${relative(root, configPath)} and ${relative(root, rulesPath)}.`);
// The site's pages start as the starter's placeholders, each marked as a page to replace.
const starterContent = join(root, 'starter', 'content');
if (!existsSync(join(outDir, 'content')) && existsSync(starterContent)) {
  cpSync(starterContent, join(outDir, 'content'), { recursive: true });
  console.log(
    `Copied the starter's placeholder pages to ${relative(root, join(outDir, 'content'))}/: replace them with your own.`,
  );
}

console.log(`\nData step: npm run data -- --config ${relative(root, configPath)}`);
const started = performance.now();
const dataOut = resolve(values['data-out']);
const step = await runDataStep(configPath, dataOut);
let outcome: DataOutcome;
if (step.ok) {
  for (const line of summaryLines(step.result, dataOut, (performance.now() - started) / 1000)) console.log(line);
  outcome = { ok: true, report: step.result.report };
} else {
  console.log(`stopped with ${step.issues.length} fatal problem(s); nothing was written.`);
  outcome = { ok: false, issues: step.issues };
}

console.log('\nWhat to do next:');
console.log(
  numbered(
    nextSteps({
      plan,
      configFile: relative(root, configPath),
      configText,
      rulesFile: relative(root, rulesPath),
      outcome,
    }),
  ),
);
