import { defineConfig } from '@playwright/test';
import { randomSeed } from './scripts/lib/random.ts';

/**
 * End-to-end tests run against the built site (`npm run build` first), served by a plain
 * static server (scripts/serve.ts), in Debian's Chromium or whichever browser `scripts/test.ts` found
 * (it passes the path in CHROME_PATH).
 */
const port = Number(process.env.PORT ?? 4321);
/** Another build directory than `dist` (e.g. `DIST=/tmp/site npx playwright test`). */
const dist = process.env.DIST ?? 'dist';
/** The accessibility sweep's sample seed: chosen once here so every worker draws the same pages. */
process.env.AXE_SEED ??= String(randomSeed());

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers whether or not a CI variable is set: Playwright's default is half the cores,
  // one on these 2-core machines, which doubles the run (11 min instead of 6).
  workers: 2,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-CA',
    // The service worker would answer requests before page.route() sees them; only
    // tests/e2e/offline.spec.ts turns it on.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/en/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
