/**
 * Site benchmark (issue: hardening, performance budgets):
 * - bytes (deterministic, also tested in tests/e2e/budgets.spec.ts): our JS per page type,
 *   first-view transfer of a fact sheet, the home page and the light finder in every locale,
 *   what the service worker stores at install and per locale;
 * - Pagefind bytes fetched for typical queries (Chromium, fresh profile per query);
 * - Lighthouse mobile scores (performance, accessibility, best practices) against the local
 *   static server, with Debian's Chromium: `npx --yes lighthouse@13`, run here only (not a
 *   dependency, not in the tests). BENCH_LIGHTHOUSE=0 skips it.
 * Needs a built site (DIST, default dist). Standalone: `npx node scripts/bench/site.ts`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib/browser.ts';
import { gzipSize, ownScriptGzip, pageScripts, pageTransfer } from '../lib/page-weight.ts';

const root = join(import.meta.dirname, '..', '..');
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function localesOf(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, e.name, 'index.html')))
    .map((e) => e.name);
}

function firstPage(dist: string, locale: string, pattern: RegExp): string | undefined {
  const files = readdirSync(join(dist, locale), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
  const hit = files.find((f) => pattern.test(f.slice(0, -'index.html'.length)));
  return hit ? `${locale}/${hit}` : undefined;
}

async function withServer<T>(dist: string, fn: (base: string) => Promise<T>): Promise<T> {
  const port = 4700 + Math.floor(Math.random() * 200);
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.ts'), dist, String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    try {
      if ((await fetch(`${base}/en/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn(base);
  } finally {
    server.kill();
  }
}

async function pagefindBytes(dist: string, browserPath: string, queries: [string, string][]): Promise<string[]> {
  return withServer(dist, async (base) => {
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] });
    const rows: string[] = [];
    try {
      for (const [locale, q] of queries) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        // Pagefind fetches its index from a web worker, which the page's resource timing does not
        // list: count every finished request of the context (page and workers) instead.
        const sizes: Promise<number>[] = [];
        context.on('requestfinished', (request) => {
          if (new URL(request.url()).pathname.startsWith('/pagefind/'))
            sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
        });
        const page = await context.newPage();
        await page.goto(`${base}/${locale}/search/?q=${encodeURIComponent(q)}`);
        await page
          .locator('site-search .results li')
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(() => undefined);
        await page.waitForLoadState('networkidle');
        const counted = await Promise.all(sizes);
        const r = {
          files: counted.length,
          bytes: counted.reduce((n, b) => n + b, 0),
          results: await page.locator('site-search .results li').count(),
        };
        rows.push(`| ${locale} | “${q}” | ${r.results} shown | ${r.files} | ${kB(r.bytes)} |`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return rows;
  });
}

function lighthouse(
  url: string,
  browserPath: string,
  desktop: boolean,
): { performance: number; accessibility: number; bestPractices: number } | string {
  const out = join(tmpdir(), `lh-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const result = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@13',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      ...(desktop ? ['--preset=desktop'] : []),
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ],
    { env: { ...process.env, CHROME_PATH: browserPath }, encoding: 'utf8', timeout: 180_000 },
  );
  if (!existsSync(out))
    return `lighthouse failed: ${(result.stderr || result.error?.message || '').split('\n').slice(-3).join(' ')}`;
  const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }> };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
  };
}

export async function run(): Promise<string> {
  const dist = process.env.DIST ?? join(root, 'dist');
  const lines = [
    '## Site: page weight, search bytes, Lighthouse',
    '',
    `Command: \`npm run bench -- site\` (after \`npm run build\`; \`DIST=…\` for another build). Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
    '',
  ];
  if (!existsSync(join(dist, 'en', 'index.html')))
    return [...lines, 'No built site found: run `npm run build` first.'].join('\n');
  const locales = localesOf(dist);

  lines.push(
    '### Our JavaScript per page (gzip, loaded with the page; MapLibre excluded)',
    '',
    '| page | our JS | budget |',
    '|---|---:|---:|',
  );
  for (const [label, file, budget] of [
    ['finder (en)', 'en/services/index.html', '≤ 30 kB'],
    ['map (en)', 'en/map/index.html', '≤ 30 kB'],
    ['gaps (en)', 'en/gaps/index.html', '≤ 30 kB'],
    ['light finder (en)', 'en/services/lite/index.html', 'shell only'],
    ['about (en)', 'en/about/index.html', 'shell only (few kB)'],
    [
      'fact sheet (en)',
      firstPage(dist, 'en', /^fact-sheets\/(?!neighbourhoods\/)[^/]+\/$/) ?? '',
      'shell only (few kB)',
    ],
  ] as const) {
    if (!file || !existsSync(join(dist, file))) continue;
    const own = ownScriptGzip(dist, file);
    const lazy = pageScripts(dist, file)
      .filter((s) => s.lazy)
      .reduce((n, s) => n + s.gzip, 0);
    lines.push(`| ${label} | ${kB(own)}${lazy ? ` (+ ${kB(lazy)} on demand)` : ''} | ${budget} |`);
  }

  lines.push(
    '',
    '### First-view transfer (gzip: HTML + CSS + JS + images, fonts excluded), every locale',
    '',
    '| page | smallest | largest | budget |',
    '|---|---:|---:|---:|',
  );
  for (const [label, pattern, budget] of [
    ['city fact sheet', /^fact-sheets\/(?!neighbourhoods\/)[^/]+\/$/, 60],
    ['neighbourhood fact sheet', /^fact-sheets\/neighbourhoods\/[^/]+\/$/, 60],
    ['home page', /^$/, 100],
    ['light finder', /^services\/lite\/$/, 100],
    ['finder (for comparison)', /^services\/$/, 0],
  ] as const) {
    const sizes = locales
      .map((l) => firstPage(dist, l, pattern))
      .filter((f): f is string => !!f)
      .map((f) => ({ f, total: pageTransfer(dist, f).total }));
    if (sizes.length === 0) continue;
    sizes.sort((a, b) => a.total - b.total);
    const lo = sizes[0]!;
    const hi = sizes[sizes.length - 1]!;
    lines.push(
      `| ${label} | ${kB(lo.total)} (${lo.f.split('/')[0]}) | ${kB(hi.total)} (${hi.f.split('/')[0]}) | ${budget ? `< ${budget} kB` : ''} |`,
    );
  }

  const sw = join(dist, 'sw.js');
  if (existsSync(sw)) {
    const source = readFileSync(sw, 'utf8');
    const manifest = JSON.parse(/const MANIFEST = (\{.*?\});\n/s.exec(source)?.[1] ?? '{"shared":[],"locales":{}}') as {
      shared: string[];
      locales: Record<string, { pages: string[] }>;
    };
    const size = (url: string) => {
      const file = url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '');
      return existsSync(join(dist, file)) ? gzipSize(readFileSync(join(dist, file))) : 0;
    };
    const install = manifest.shared.reduce((n, u) => n + size(u), 0) + gzipSize(source);
    const warm = Object.entries(manifest.locales).map(
      ([l, v]) => [l, v.pages.reduce((n, u) => n + size(u), 0)] as const,
    );
    const warmSizes = warm.map(([, n]) => n).sort((a, b) => a - b);
    lines.push('', '### Offline (service worker)', '', '| what | gzip |', '|---|---:|');
    lines.push(`| installed on a first visit (sw.js + ${manifest.shared.length} shared files) | ${kB(install)} |`);
    lines.push(
      `| warm-up per locale (finder, light finder, shortlist, search, home, finder index, postal codes; skipped on the light finder, Save-Data or 2G) | ${kB(warmSizes[0] ?? 0)} – ${kB(warmSizes[warmSizes.length - 1] ?? 0)} |`,
    );
    const offlineSearch = join(dist, 'pagefind', 'offline');
    if (existsSync(offlineSearch)) {
      const saved = readdirSync(offlineSearch).map(
        (f) =>
          JSON.parse(readFileSync(join(offlineSearch, f), 'utf8')) as {
            language: string;
            bytes: number;
            files: string[];
          },
      );
      saved.sort((a, b) => a.bytes - b.bytes);
      const lo = saved[0];
      const hi = saved[saved.length - 1];
      if (lo && hi)
        lines.push(
          `| whole search index of one language, stored on "Save search for offline use" (as stored: Pagefind's files are compressed already) | ${(lo.bytes / 2 ** 20).toFixed(1)} MB (${lo.language}, ${lo.files.length} files) – ${(hi.bytes / 2 ** 20).toFixed(1)} MB (${hi.language}, ${hi.files.length} files) |`,
        );
    }
  }

  const browserPath = findChromium().path;
  if (!browserPath) return [...lines, '', 'No Chromium found: search bytes and Lighthouse skipped.'].join('\n');

  const pagefind = join(dist, 'pagefind');
  if (existsSync(pagefind)) {
    const indexBytes = readdirSync(join(pagefind, 'index')).reduce(
      (n, f) => n + statSync(join(pagefind, 'index', f)).size,
      0,
    );
    lines.push(
      '',
      '### Pagefind: bytes fetched for a typical query',
      '',
      `Fresh browser profile per query (nothing cached), static server without compression (Pagefind's index and fragment files are compressed already). Whole index on disk, all locales: ${kB(indexBytes)}.`,
      '',
      '| locale | query | results | files fetched | bytes |',
      '|---|---|---:|---:|---:|',
    );
    const queries: [string, string][] = [
      ['en', 'library'],
      ['en', 'health card'],
      ['fr', 'emploi'],
      ['ar', 'مكتبة'],
      ['zh-Hans', '图书馆'],
    ];
    lines.push(
      ...(await pagefindBytes(
        dist,
        browserPath,
        queries.filter(([l]) => locales.includes(l)),
      )),
    );
  }

  if (process.env.BENCH_LIGHTHOUSE !== '0') {
    lines.push(
      '',
      '### Lighthouse (mobile, simulated throttling)',
      '',
      'Lighthouse 13 (`npx --yes lighthouse@13`, default mobile settings: a 412 px wide phone on a slow 4G connection, so the map pages show the map poster and load MapLibre when asked; the desktop-preset rows measure the map starting at once) against the local static server (scripts/serve.ts: no compression, so real hosts do better), Debian Chromium headless. Scores vary by a few points between runs; reported, not tested.',
      '',
      '| page | performance | accessibility | best practices | target |',
      '|---|---:|---:|---:|---|',
    );
    const pages: [string, string | undefined, string][] = [
      ['home (en)', 'en/', 'perf ≥ 95'],
      [
        'fact sheet (en)',
        firstPage(dist, 'en', /^fact-sheets\/(?!neighbourhoods\/)[^/]+\/$/)?.replace(/index\.html$/, ''),
        'perf ≥ 95',
      ],
      [
        'e-update (en)',
        firstPage(dist, 'en', /^e-updates\/(?!archive\/)[^/]+\/$/)?.replace(/index\.html$/, ''),
        'perf ≥ 95',
      ],
      [
        'story (ar)',
        firstPage(dist, 'ar', /^stories\/(?!poster\/|booklet\/)[^/]+\/$/)?.replace(/index\.html$/, ''),
        'perf ≥ 95',
      ],
      ['news item (fr)', firstPage(dist, 'fr', /^news\/[^/]+\/$/)?.replace(/index\.html$/, ''), 'perf ≥ 95'],
      ['about (zh-Hans)', 'zh-Hans/about/', 'perf ≥ 95'],
      [
        'service page (en)',
        firstPage(dist, 'en', /^services\/(?!category\/|lite\/|shortlist\/)[^/]+\/$/)?.replace(/index\.html$/, ''),
        'perf ≥ 95',
      ],
      ['light finder (fa)', 'fa/services/lite/', 'perf ≥ 95'],
      ['finder (en)', 'en/services/', 'perf ≥ 80'],
      ['map (en)', 'en/map/', 'perf ≥ 80'],
      ['gaps (en)', 'en/gaps/', 'perf ≥ 80'],
      [
        'gaps table (en)',
        firstPage(dist, 'en', /^gaps\/(?!methodology\/|residence\/)[^/]+\/$/)?.replace(/index\.html$/, ''),
        'perf ≥ 95',
      ],
      // Wide screens start the map at once (src/components/map/auto-start.ts): measured too.
      ['map (en, desktop preset: map starts at once)', 'en/map/', 'perf ≥ 80'],
      ['gaps (en, desktop preset: map starts at once)', 'en/gaps/', 'perf ≥ 80'],
    ];
    await withServer(dist, async (base) => {
      for (const [label, path, target] of pages) {
        if (!path) continue;
        const r = lighthouse(`${base}/${path}`, browserPath, label.includes('desktop preset'));
        if (typeof r === 'string') {
          lines.push(`| ${label} | ${r} | | | |`);
          if (r.includes('lighthouse failed')) break;
        } else
          lines.push(
            `| ${label} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${target}, a11y 100, BP 100 |`,
          );
      }
    });
  }
  return lines.join('\n');
}

if (import.meta.main) console.log(await run());
