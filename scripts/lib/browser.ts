/**
 * Finds a Chromium for Playwright: CHROME_PATH, then the system's Chromium or Chrome, then a
 * browser Playwright downloaded, then tries Playwright's own download. Returns install
 * instructions when there is still none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): { path?: string; help: string } {
  const help = [
    'Install one of these, then run `npm test` again:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '  macOS:          brew install --cask chromium   (or install Google Chrome)',
    '  anywhere with internet access:  npx playwright install chromium',
    'or point CHROME_PATH at an existing Chromium or Chrome binary.',
  ].join('\n');
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv)
    return existsSync(fromEnv) ? { path: fromEnv, help } : { help: `CHROME_PATH=${fromEnv} does not exist.\n${help}` };
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return { path: system, help };
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return { path: bundled, help };
  } catch {
    // Playwright throws when it has never downloaded a browser; fall through to the help text.
  }
  // Last resort: Playwright's own download, which works where the internet allows it.
  const download = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
  if (download.status === 0) {
    try {
      const downloaded = chromium.executablePath();
      if (existsSync(downloaded)) return { path: downloaded, help };
    } catch {
      // Still no browser: report below.
    }
  }
  return { help };
}
