/**
 * Security and privacy of the built site (default configuration):
 * - every HTML page carries the Content-Security-Policy of src/lib/security/csp.ts, and `_headers`
 *   carries the header form of the same policy;
 * - no inline script and no inline style on any site page;
 * - every link to another site has rel="noopener noreferrer"; no `javascript:` link; forms post
 *   only to the site itself or a configured endpoint;
 * - each page type loads, maps and search included, with no CSP violation and no request that
 *   leaves the site's origin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { headerPolicy, metaPolicy } from '../../src/lib/security/csp.ts';
import {
  htmlFiles,
  isExternal,
  isInlineExecutable,
  isRedirectStub,
  readHtml,
  scripts,
  tags,
} from './lib/html-audit.ts';

const dist = process.env.DIST ?? 'dist';
const config = JSON.parse(readFileSync('src/generated/config.json', 'utf8')) as {
  siteUrl: string;
  basemap: { styleUrl: string; origins?: string[] } | null;
  newsletterUrl?: string;
};
const siteOrigin = new URL(config.siteUrl).origin;
const policyOptions = { basemap: config.basemap, formActions: [config.newsletterUrl] };

/** HTML made for mail programs (inline styles by necessity; not a site page). */
const isEmail = (file: string) => /\/email\.html$/.test(file);

test.describe('built HTML (static)', () => {
  // The browser editor (admin/) is not a site page: it has its own policy, checked in cms.spec.ts.
  const files = htmlFiles(dist).filter((f) => !f.startsWith('admin/'));

  test('every page carries the policy; _headers carries the header form of the same policy', () => {
    expect(files.length).toBeGreaterThan(100);
    const expected = metaPolicy(policyOptions);
    const missing: string[] = [];
    for (const file of files.filter((f) => !isEmail(f))) {
      const html = readHtml(dist, file);
      // Redirect stubs of old addresses (Astro's `redirects`) hold no script, style or content to protect.
      if (isRedirectStub(html)) continue;
      const meta = tags(html, ['meta']).find(
        (t) => t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
      );
      if (meta?.attrs.get('content') !== expected) missing.push(file);
      // The meta element only applies to what comes after it: it must precede every script and stylesheet.
      const at = html.search(/<meta http-equiv="Content-Security-Policy"/i);
      const firstLoad = html.search(/<script|<link rel="stylesheet"|<style/i);
      if (at < 0 || (firstLoad >= 0 && firstLoad < at)) missing.push(`${file} (order)`);
    }
    expect(missing).toEqual([]);
    expect(expected).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:/);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${headerPolicy(policyOptions)}`);
    expect(headers).toContain("frame-ancestors 'none'");
  });

  test('no inline script and no inline style on any site page (JSON-LD is data and allowed)', () => {
    const inlineScripts: string[] = [];
    const inlineStyles: string[] = [];
    let jsonLd = 0;
    for (const file of files) {
      const html = readHtml(dist, file);
      for (const s of scripts(html)) {
        if (isInlineExecutable(s)) inlineScripts.push(file);
        if (s.attrs.get('type') === 'application/ld+json') {
          jsonLd += 1;
          // Data inside JSON-LD can never close the script element early.
          expect(s.body, file).not.toMatch(/<\/script/i);
        }
      }
      if (isEmail(file)) continue;
      if (/<style\b/i.test(html)) inlineStyles.push(`${file} <style>`);
      for (const t of tags(html, ['*'])) if (t.attrs.has('style')) inlineStyles.push(`${file} <${t.name} style>`);
    }
    expect(inlineScripts).toEqual([]);
    expect(inlineStyles).toEqual([]);
    expect(jsonLd).toBeGreaterThan(0);
  });

  test('links to other sites carry rel="noopener noreferrer"; no javascript: link; forms post only where configured', () => {
    const bad: string[] = [];
    const actions = new Set<string>();
    const allowed = new Set([config.newsletterUrl].filter((u): u is string => u !== undefined));
    let external = 0;
    for (const file of files) {
      const html = readHtml(dist, file);
      for (const t of tags(html, ['a', 'area', 'form'])) {
        const href = t.attrs.get('href') ?? '';
        if (/^\s*(?:javascript|vbscript|data):/i.test(href)) bad.push(`${file}: ${href}`);
        if (t.name !== 'form' && isExternal(href, siteOrigin)) {
          external += 1;
          const rel = new Set((t.attrs.get('rel') ?? '').split(/\s+/));
          if (!rel.has('noopener') || !rel.has('noreferrer'))
            bad.push(`${file}: ${href} rel="${t.attrs.get('rel') ?? ''}"`);
        }
        if (t.name === 'form') {
          const action = t.attrs.get('action') ?? '';
          actions.add(action);
          if (isExternal(action, siteOrigin) && !allowed.has(action)) bad.push(`${file}: form action ${action}`);
          if (/^\s*javascript:/i.test(action)) bad.push(`${file}: form action ${action}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(external).toBeGreaterThan(0);
    expect(actions.size).toBeGreaterThan(0);
  });
});

/** One page of each type, with what to wait for so its scripts (and maps) have run. */
function firstDir(path: string): string {
  const entries = readdirSync(join(dist, path), { withFileTypes: true }).filter(
    (e) => e.isDirectory() && existsSync(join(dist, path, e.name, 'index.html')),
  );
  return `/${path}/${entries[0]?.name ?? ''}/`;
}

const PAGES: { path: string | (() => string); ready?: (page: Page) => Promise<void> }[] = [
  { path: '/' },
  { path: '/en/' },
  {
    path: '/en/services/?q=library',
    ready: async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', /^[1-9]/, { timeout: 20_000 });
    },
  },
  {
    path: '/fr/map/',
    ready: async (page) => {
      await expect(page.locator('service-finder')).toHaveAttribute('data-map-features', /^[1-9]/, { timeout: 20_000 });
    },
  },
  { path: () => firstDir('en/services') },
  {
    path: '/en/gaps/',
    ready: async (page) => {
      await expect(page.locator('gap-explorer')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    },
  },
  {
    path: '/en/search/?q=library',
    ready: async (page) => {
      await expect(page.locator('site-search').getByRole('status')).toHaveText(/\d+ results? for/, { timeout: 15_000 });
    },
  },
  { path: () => firstDir('en/fact-sheets') },
  { path: () => firstDir('en/e-updates') },
  { path: () => firstDir('fr/stories') },
  { path: () => firstDir('en/events') },
  { path: () => firstDir('en/news') },
  { path: '/en/resources/' },
  { path: '/en/about/' },
  { path: '/en/dashboard/' },
  { path: '/en/data/' },
  { path: '/fr/data/quality/' },
  { path: '/en/no-such-page/' },
];

test.describe('in the browser (default build)', () => {
  for (const entry of PAGES) {
    const name =
      typeof entry.path === 'string' ? entry.path : (entry.path.toString().match(/'([^']+)'/)?.[1] ?? 'page');
    test(`${name}: no CSP violation, no request leaves the site`, async ({ page, baseURL }) => {
      const path = typeof entry.path === 'string' ? entry.path : entry.path();
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      const consoleViolations: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) offsite.push(r.url());
      });
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) consoleViolations.push(m.text());
      });
      // Init scripts run through the DevTools protocol, so the policy does not block this listener.
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      if (entry.ready) await entry.ready(page);
      await page.waitForLoadState('networkidle');
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations, path).toEqual([]);
      expect(consoleViolations, path).toEqual([]);
      expect(offsite, path).toEqual([]);
    });
  }

  test('a search and a location stay in the browser', async ({ browser }) => {
    const context = await browser.newContext({
      geolocation: { latitude: 43.6532, longitude: -79.3832 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto('/en/services/');
    await page.getByRole('searchbox', { name: 'What do you need?' }).fill('zebrafish');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page).toHaveURL(/near=43\.653/);
    await page.goto('/en/search/?q=zebrafish');
    await expect(page.locator('site-search').getByRole('status')).toHaveText(/zebrafish/, { timeout: 15_000 });
    // Neither the words searched nor the position appear in any request except the page's own address.
    const leaks = sent.filter(
      (s) =>
        !s.startsWith(`${new URL(page.url()).origin}/en/search/?q=zebrafish`) &&
        (/zebrafish/.test(s) || /43\.65/.test(s)),
    );
    expect(leaks).toEqual([]);
    await context.close();
  });
});
