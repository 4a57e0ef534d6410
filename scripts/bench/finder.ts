/**
 * Finder benchmark (issue: service finder, performance):
 * - our own JavaScript on the finder and map pages, gzip (target ≤ 30 kB; MapLibre excluded);
 * - the search index the finder downloads, gzip bytes per service (target ≤ 40 B);
 * - per-keystroke search + filter time in Chromium for 5,000 and 50,000 synthetic records
 *   (target p95 ≤ 16 ms, one frame, at 5,000).
 * Needs a built site: `npm run build` first (or DIST=/other/dir). Standalone:
 * `npx node scripts/bench/finder.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus } from 'node:os';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib/browser.ts';
import { gzipSize, ownScriptGzip } from '../lib/page-weight.ts';
import { needWords } from '../../src/i18n/needs.ts';
import type { prepare, runQuery } from '../../src/lib/finder/filter.ts';
import type { decodeFinderIndex, FinderRow } from '../../src/lib/finder/records.ts';
import type { EMPTY_QUERY } from '../../src/lib/finder/query.ts';
import type { compileNeeds } from '../../src/lib/finder/needs.ts';
import type { seededRandom } from '../lib/random.ts';
import type { CATEGORY_IDS } from '../../src/lib/categories.ts';

/** What finderBundle() puts on the page's `globalThis.finder`. */
interface FinderBundle {
  prepare: typeof prepare;
  runQuery: typeof runQuery;
  decodeFinderIndex: typeof decodeFinderIndex;
  EMPTY_QUERY: typeof EMPTY_QUERY;
  seededRandom: typeof seededRandom;
  compileNeeds: typeof compileNeeds;
  CATEGORY_IDS: typeof CATEGORY_IDS;
}

const root = join(import.meta.dirname, '..', '..');

/** Bundles the finder's pure search code for the browser, exactly as the page uses it (and the seeded generator for the synthetic records). */
async function finderBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { prepare, runQuery } from './src/lib/finder/filter.ts';
        import { decodeFinderIndex } from './src/lib/finder/records.ts';
        import { EMPTY_QUERY } from './src/lib/finder/query.ts';
        import { compileNeeds } from './src/lib/finder/needs.ts';
        import { seededRandom } from './scripts/lib/random.ts';
        import { CATEGORY_IDS } from './src/lib/categories.ts';
        globalThis.finder = { prepare, runQuery, decodeFinderIndex, EMPTY_QUERY, seededRandom, compileNeeds, CATEGORY_IDS };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Runs in the page: synthetic records shaped like the real index, then timed keystrokes (names and needs, with the Arabic page's vocabulary: its words plus English). */
function measureInPage({ count, vocabulary }: { count: number; vocabulary: { id: string; terms: string }[] }): {
  p50: number;
  p95: number;
  max: number;
  keystrokes: number;
} {
  const f = (globalThis as unknown as { finder: FinderBundle }).finder;
  const rand: () => number = f.seededRandom(42); // scripts/lib/random.ts, bundled into the page by finderBundle()
  const words = [
    'centre',
    'community',
    'health',
    'library',
    'newcomer',
    'services',
    'family',
    'clinic',
    'employment',
    'language',
    'school',
    'public',
    'toronto',
    'north',
    'west',
    'settlement',
    'youth',
    'women',
    'legal',
    'housing',
  ];
  const pick = () => words[Math.floor(rand() * words.length)];
  const rows: FinderRow[] = [];
  for (let i = 0; i < count; i += 1) {
    rows.push([
      `s${i}`,
      `${pick()} ${pick()} ${pick()} ${i}`,
      rand() < 0.3 ? `${pick()} organization` : '',
      1 << Math.floor(rand() * f.CATEGORY_IDS.length),
      Math.round((-79.6 + rand() * 0.5) * 1e5),
      Math.round((43.6 + rand() * 0.25) * 1e5),
      rand() < 0.5 ? 3 : 0,
      rand() < 0.2 ? 'en fr' : '',
      rand() < 0.2 ? 3 : 0,
      rand() < 0.2 ? 'MO,TU,WE,TH,FR 09:00-17:00' : '',
      '1',
      rand() < 0.2 ? `${pick()} ${pick()} program` : '',
      `${i} Main St`,
      '416-555-0100',
      rand() < 0.5 ? 'primary_care_walk_in_clinic' : 'LINC_ESL',
    ]);
  }
  const categories = f.CATEGORY_IDS;
  const items = f.prepare(
    f.decodeFinderIndex({ v: 1, categories, audiences: ['a', 'b'], rows }),
    (id: string) => `label ${id}`,
  );
  const collator = new Intl.Collator('en');
  const times: number[] = [];
  const typing = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
  const typed = [
    ...typing('community cen'),
    ...typing('english class'),
    ...typing('doctor'),
    ...typing('دروس الإنجليزية'),
  ];
  const termsById = new Map(vocabulary.map((n) => [n.id, n.terms]));
  const needs = f.compileNeeds((id: string) => [termsById.get(id) ?? '']);
  const ctx = { now: new Date(), timeZone: 'America/Toronto', origin: { lon: -79.38, lat: 43.65 }, needs };
  for (let round = 0; round < 5; round += 1) {
    for (const q of typed) {
      const t0 = performance.now();
      f.runQuery(
        items,
        { ...f.EMPTY_QUERY, q, free: round % 2 === 1, categories: round === 2 ? categories.slice(1, 3) : [] },
        ctx,
        collator,
      );
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1] ?? 0, keystrokes: times.length };
}

export async function run(): Promise<string> {
  const dist = process.env.DIST ?? join(root, 'dist');
  const lines = [
    '## Service finder',
    '',
    `Command: \`npm run bench -- finder\` (after \`npm run build\`). Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
    '',
  ];
  if (!existsSync(join(dist, 'en', 'services', 'index.html')))
    return [...lines, 'No built site found: run `npm run build` first.'].join('\n');

  const index = readFileSync(join(dist, 'data', 'finder.json'));
  const services = new Set((JSON.parse(index.toString('utf8')) as { rows: [string][] }).rows.map((r) => r[0])).size;
  const indexGzip = gzipSize(index);
  lines.push('| measure | value | target |', '|---|---:|---:|');
  lines.push(
    `| our JS on the finder page (gzip, MapLibre excluded) | ${(ownScriptGzip(dist, 'en/services/index.html') / 1024).toFixed(1)} kB | ≤ 30 kB |`,
  );
  lines.push(
    `| our JS on the map page (gzip, MapLibre excluded) | ${(ownScriptGzip(dist, 'en/map/index.html') / 1024).toFixed(1)} kB | ≤ 30 kB |`,
  );
  lines.push(`| search index (gzip) | ${(indexGzip / 1024).toFixed(1)} kB for ${services} services | |`);
  lines.push(`| search index per service (gzip) | ${(indexGzip / services).toFixed(1)} B | ≤ 40 B |`);

  const browserPath = findChromium().path;
  if (!browserPath) return [...lines, '', 'No Chromium found: keystroke timings skipped.'].join('\n');
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await finderBundle() });
    const vocabulary = needWords('ar');
    for (const count of [5_000, 50_000]) {
      const r = await page.evaluate(measureInPage, { count, vocabulary });
      const target = count === 5_000 ? '≤ 16 ms' : '(reported)';
      lines.push(
        `| search + filter per keystroke, ${count.toLocaleString('en')} records (Chromium, ${r.keystrokes} keystrokes) | p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, max ${r.max.toFixed(2)} ms | ${target} |`,
      );
    }
  } finally {
    await browser.close();
  }
  return lines.join('\n');
}

if (import.meta.main) console.log(await run());
