/**
 * `npm test`: every test, in the order a failure is cheapest to find.
 *   0. lint stage: format check (Prettier, `npm run format:check`), then ESLint (`npm run lint`)
 *   1. unit tests (Vitest)      2. build the demo site (data pipeline, Astro, Pagefind)
 *   3. type check (`npm run check`: astro check, tsc, the service worker's own program)
 *   4. static sweep of every built page (scripts/sweep.ts)
 *   5. end-to-end tests (Playwright) in a real Chromium, the accessibility sweep among them
 *   6. the xss-city fixture site (script payloads in the data), built in a temp copy, and its test
 * Exits non-zero when anything fails and ends with one line: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './lib/browser.ts';
import { copyProject } from './lib/project-copy.ts';
import { cliArgs } from './lib/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nsm-test-'));
let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    ...(cwd ? { cwd } : {}),
  });
  return result.status === 0;
}

function countVitest(file: string): void {
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
}

function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += json.stats.expected + json.stats.flaky;
  failed += json.stats.unexpected;
}

const only = cliArgs('test', { allowPositionals: true }).positionals[0]; // `unit` or `e2e` to run one part
let ok = true;

// 0. Lint stage: formatting first (`npm run format:check`: Prettier, prettier.config.mjs and
//    .prettierignore), then ESLint (`npm run lint`: eslint.config.js, the project's conventions).
if (!only || only === 'lint') {
  const formatOk = run('format check', 'npm', ['run', 'format:check']);
  const lintOk = run('lint', 'npm', ['run', 'lint']);
  for (const step of [formatOk, lintOk]) {
    if (step) passed += 1;
    else failed += 1;
  }
  ok &&= formatOk && lintOk;
}

if (!only || only === 'unit') {
  const out = join(tmp, 'vitest.json');
  const unitOk = run('unit tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  countVitest(out);
  if (!unitOk && !existsSync(out)) failed += 1;
  ok &&= unitOk;
}

if (!only || only === 'e2e') {
  const buildOk = run('build', 'npm', ['run', 'build']);
  const checkOk = buildOk && run('type check', 'npm', ['run', 'check']);
  for (const step of [buildOk, checkOk]) {
    if (step) passed += 1;
    else failed += 1;
  }
  ok &&= buildOk && checkOk;
  // Static sweep of every built page (scripts/sweep.ts), HTML validation of every page included:
  // counted as one step; it prints how many pages it checked and validated.
  if (buildOk) {
    const sweepOk = run('static sweep of every page', 'node', ['scripts/sweep.ts', 'dist']);
    if (sweepOk) passed += 1;
    else failed += 1;
    ok &&= sweepOk;
  }
  const browser: { path?: string; help: string } = buildOk ? findChromium() : { help: '' };
  if (buildOk && !browser.path) {
    console.error(`\n✖ No Chromium found for the end-to-end tests.\n${browser.help}`);
    failed += 1;
    ok = false;
  } else if (browser.path) {
    console.log(`\nUsing Chromium at ${browser.path}`);
    const out = join(tmp, 'playwright.json');
    const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test'], {
      CHROME_PATH: browser.path,
      PW_JSON_OUTPUT: out,
    });
    countPlaywright(out);
    if (!e2eOk && !existsSync(out)) failed += 1;
    ok &&= e2eOk;
  }
}

// 5. Untrusted data cannot inject script: the xss-city fixture (tests/fixtures/xss-city: data,
//    config and hostile Markdown) is built in a temporary copy of the project (so this tree's
//    src/generated and content stay the demo's) and tests/e2e/xss.spec.ts runs against it.
if (!only || only === 'e2e' || only === 'xss') {
  const browser = findChromium();
  const copy = join(tmp, 'xss-project');
  const site = join(tmp, 'xss-site');
  copyProject(process.cwd(), copy);
  // The fixture's content folder (its hostile Markdown) gets the demo's content beside its own.
  cpSync(join(copy, 'demo/toronto/content'), join(copy, 'tests/fixtures/xss-city/content'), {
    recursive: true,
    force: false,
  });
  const env = { SITE_CONFIG: 'tests/fixtures/xss-city/site.config.ts' };
  const built =
    run('xss fixture: data', 'npm', ['run', 'data'], env, copy) &&
    run('xss fixture: build', 'npx', ['astro', 'build', '--outDir', site], env, copy) &&
    run('xss fixture: search index', 'npx', ['pagefind', '--site', site], {}, copy);
  if (!built || !browser.path) {
    failed += 1;
    ok = false;
  } else {
    const out = join(tmp, 'playwright-xss.json');
    const xssOk = run('xss end-to-end tests', 'npx', ['playwright', 'test', 'tests/e2e/xss.spec.ts'], {
      CHROME_PATH: browser.path,
      XSS_DIST: site,
      DIST: site,
      PORT: process.env['XSS_PORT'] ?? '4399',
      PW_JSON_OUTPUT: out,
    });
    countPlaywright(out);
    if (!xssOk && !existsSync(out)) failed += 1;
    ok &&= xssOk;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
