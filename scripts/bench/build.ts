/**
 * Build benchmark (issue: hardening, performance): how long the full build takes (data
 * pipeline, Astro, Pagefind) for the demo and for synthetic LIPs with more or fewer services,
 * in the demo's 10 locales, and how it grows.
 *
 * The synthetic LIPs keep the demo's areas, census and content and replace each service layer
 * by a copy scaled to the wanted total: fewer services take every k-th feature, more repeat
 * features with a new id, a numbered name and the point moved by up to ~300 m (so the
 * pipeline's duplicate merge keeps them). Builds run one at a time in a scratch copy of the
 * project (its own src/generated and .astro), selected with SITE_CONFIG.
 *
 * `npm run bench -- build`; BENCH_BUILD_SIZES=1000,2500,5000 (default) sets the synthetic
 * sizes, BENCH_BUILD_SIZES=none runs the demo only. Takes minutes per build on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../lib/random.ts';

const root = join(import.meta.dirname, '..', '..');

interface Layer {
  id: string;
  file: string;
  idField: string | string[];
  nameField: string;
}

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** A layer's features scaled to `count`. */
export function scaleFeatures(
  features: readonly Feature[],
  count: number,
  layer: Pick<Layer, 'idField' | 'nameField'>,
  seed = 1,
): Feature[] {
  if (count <= features.length) {
    const step = features.length / Math.max(1, count);
    return Array.from({ length: count }, (_, i) => features[Math.floor(i * step)]!).filter(Boolean);
  }
  const rand = seededRandom(seed); // seeded, so every run builds the same synthetic LIP
  const out = [...features];
  const idFields = Array.isArray(layer.idField) ? layer.idField : [layer.idField];
  const idField = idFields[idFields.length - 1]!;
  for (let i = 0; out.length < count; i += 1) {
    const base = features[i % features.length]!;
    const copy = structuredClone(base);
    const n = Math.floor(i / features.length) + 1;
    copy.properties[idField] = `${String(base.properties[idField] ?? i)}-s${n}`;
    copy.properties[layer.nameField] = `${String(base.properties[layer.nameField] ?? 'Service')} ${n + 1}`;
    if (copy.geometry?.type === 'Point') {
      const [x, y] = copy.geometry.coordinates as [number, number];
      copy.geometry.coordinates = [x + (rand() - 0.5) * 0.006, y + (rand() - 0.5) * 0.004];
    }
    out.push(copy);
  }
  return out;
}

function time(label: string, cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0)
    throw new Error(`${label} failed: ${(r.stderr || r.stdout || '').split('\n').slice(-15).join('\n')}`);
  return (performance.now() - t0) / 1000;
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.startsWith('pagefind'),
  ).length;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) n += s.size;
  }
  return n;
}

/** Copies the project (without node_modules, dist, .git, .astro) into a scratch folder. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsm-bench-build-'));
  for (const entry of readdirSync(root)) {
    if (['node_modules', 'dist', '.git', '.astro', 'test-results', 'playwright-report'].includes(entry)) continue;
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  rmSync(join(dir, 'src', 'generated'), { recursive: true, force: true });
  return dir;
}

/** The Toronto demo's folder (config, data, content), from the project root. */
const DEMO = join('demo', 'toronto');

async function syntheticConfig(work: string, total: number): Promise<{ config: string; services: number }> {
  const { default: base } = (await import(pathToFileURL(join(root, DEMO, 'site.config.ts')).href)) as {
    default: { serviceLayers: Layer[] };
  };
  const layers = base.serviceLayers.map((l) => ({
    layer: l,
    features: (JSON.parse(readFileSync(join(root, DEMO, l.file), 'utf8')) as { features: Feature[] }).features,
  }));
  const read = layers.reduce((n, l) => n + l.features.length, 0);
  const dir = join(work, DEMO, `synthetic-${total}`);
  mkdirSync(dir, { recursive: true });
  let written = 0;
  const files: Record<string, string> = {};
  // The rule table names layers by their path relative to the table (`services/x.geojson`), so
  // the synthetic layers keep their file names in a folder of their own, next to a copy of it.
  const { default: cfg } = (await import(pathToFileURL(join(root, DEMO, 'site.config.ts')).href)) as {
    default: { rules: { file: string } };
  };
  const rulesDir = cfg.rules.file.split('/').slice(0, -1).join('/');
  const rulesName = cfg.rules.file.split('/').pop() ?? 'rules.csv';
  cpSync(join(root, DEMO, cfg.rules.file), join(dir, rulesName));
  layers.forEach(({ layer, features }, i) => {
    const count = Math.max(1, Math.round((features.length / read) * total * 1.16)); // ~14 % of rows are dropped or merged by the pipeline
    const scaled = scaleFeatures(features, count, layer, i + 1);
    written += scaled.length;
    const inRules =
      rulesDir && layer.file.startsWith(`${rulesDir}/`) ? layer.file.slice(rulesDir.length + 1) : layer.file;
    files[layer.id] = `synthetic-${total}/${inRules}`;
    mkdirSync(join(dir, ...inRules.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, inRules), JSON.stringify({ type: 'FeatureCollection', features: scaled }));
  });
  const config = join(work, DEMO, `synthetic-${total}.config.ts`);
  writeFileSync(
    config,
    `// Synthetic LIP for the build benchmark (scripts/bench/build.ts): the demo with ${total} services.\nimport base from './site.config.ts';\nconst files: Record<string, string> = ${JSON.stringify(files)};\nexport default { ...base, rules: { ...base.rules, file: 'synthetic-${total}/${rulesName}' }, serviceLayers: base.serviceLayers.map((l) => ({ ...l, file: files[l.id] ?? l.file })) };\n`,
  );
  return { config, services: written };
}

export async function run(): Promise<string> {
  const sizes =
    (process.env.BENCH_BUILD_SIZES ?? '1000,2500,5000') === 'none'
      ? []
      : (process.env.BENCH_BUILD_SIZES ?? '1000,2500,5000').split(',').map(Number);
  const lines = [
    '## Build time',
    '',
    `Command: \`npm run bench -- build\` (BENCH_BUILD_SIZES to change the synthetic sizes). Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}. One build at a time in a scratch copy; wall-clock seconds, one run each (other work on the machine adds noise).`,
    '',
  ];
  lines.push(
    '| site | services | locales | pages | data (s) | astro build (s) | pagefind (s) | total (s) | output |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const work = scratchCopy();
  try {
    const targets: { label: string; config: string; requested?: number }[] = [
      { label: 'demo (Toronto)', config: join(DEMO, 'site.config.ts') },
    ];
    for (const n of sizes)
      targets.push({
        label: `synthetic ${n.toLocaleString('en')}`,
        config: (await syntheticConfig(work, n)).config,
        requested: n,
      });
    for (const target of targets) {
      const out = join(work, `dist-${targets.indexOf(target)}`);
      const env = { SITE_CONFIG: target.config, ASTRO_TELEMETRY_DISABLED: '1' };
      const data = time('data', work, 'npx', ['node', 'scripts/build-data.ts'], env);
      const localeCount = (
        JSON.parse(readFileSync(join(work, 'src', 'generated', 'config.json'), 'utf8')) as { locales: string[] }
      ).locales.length;
      const published = readdirSync(join(work, 'src', 'generated')).includes('services.json')
        ? (JSON.parse(readFileSync(join(work, 'src', 'generated', 'services.json'), 'utf8')) as unknown[]).length
        : Number.NaN;
      const astro = time('astro build', work, 'npx', ['astro', 'build', '--outDir', out], env);
      const pagefind = time('pagefind', work, 'npx', ['pagefind', '--site', out], env);
      lines.push(
        `| ${target.label} | ${Number.isNaN(published) ? '?' : published.toLocaleString('en')} | ${localeCount} | ${countPages(out).toLocaleString('en')} | ${data.toFixed(1)} | ${astro.toFixed(0)} | ${pagefind.toFixed(0)} | ${(data + astro + pagefind).toFixed(0)} | ${(dirBytes(out) / 2 ** 20).toFixed(0)} MB |`,
      );
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (import.meta.main) console.log(await run());
