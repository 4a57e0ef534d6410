/**
 * `npm test`: every test, in the order a failure is cheapest to find.
 *   1. unit tests (Vitest)      2. build the demo site (data pipeline, Astro, Pagefind)
 *   3. type check (astro check) 4. end-to-end tests (Playwright) in a real Chromium
 * Exits non-zero when anything fails and ends with one line: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './lib/browser.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nsm-test-'));
let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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
  const json = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += json.stats.expected + json.stats.flaky;
  failed += json.stats.unexpected;
}

const only = process.argv[2]; // `unit` or `e2e` to run one part
let ok = true;

if (!only || only === 'unit') {
  const out = join(tmp, 'vitest.json');
  const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  countVitest(out);
  if (!unitOk && !existsSync(out)) failed += 1;
  ok &&= unitOk;
}

if (!only || only === 'e2e') {
  const buildOk = run('build', 'npm', ['run', 'build']);
  const checkOk = buildOk && run('type check', 'npx', ['astro', 'check']);
  for (const step of [buildOk, checkOk]) {
    if (step) passed += 1;
    else failed += 1;
  }
  ok &&= buildOk && checkOk;
  const browser: { path?: string; help: string } = buildOk ? findChromium() : { help: '' };
  if (buildOk && !browser.path) {
    console.error(`\n✖ No Chromium found for the end-to-end tests.\n${browser.help}`);
    failed += 1;
    ok = false;
  } else if (browser.path) {
    console.log(`\nUsing Chromium at ${browser.path}`);
    const out = join(tmp, 'playwright.json');
    const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test'], { CHROME_PATH: browser.path, PW_JSON_OUTPUT: out });
    countPlaywright(out);
    if (!e2eOk && !existsSync(out)) failed += 1;
    ok &&= e2eOk;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
