// @ts-check
import { defineConfig } from 'astro/config';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import rehypeRaw from 'rehype-raw';
import { LOCALES } from './src/i18n/locales.ts';
import { fallbackUrls } from './src/i18n/content-routes.ts';
import { headersFile } from './src/lib/security/csp.ts';
import { loadSiteConfig } from './src/lib/ingest/config.ts';
import { chosenConfigPath, sitePaths } from './src/lib/adopt/site-choice.ts';
import { rehypeCloseRawText, rehypeSafeMarkdown } from './src/lib/security/markdown.ts';
import { areaSheetRedirects } from './src/lib/slug.ts';
import { offlineIntegration } from './src/lib/offline/integration.ts';
import { cmsIntegration } from './src/lib/cms/integration.ts';

// The chosen site's configuration (`config.site` in package.json, or SITE_CONFIG for one
// command, as `npm run data` reads it: src/lib/adopt/site-choice.ts). Pages read the copy the
// data step wrote (src/generated/config.json). Validated here too, since `_headers` and the
// sitemap are written from it.
const siteConfigPath = chosenConfigPath();
const siteConfig = await loadSiteConfig(siteConfigPath);
const { content: contentFolder } = sitePaths(process.cwd(), siteConfigPath, siteConfig.content);

/** Writes `_headers` (Netlify / Cloudflare Pages) with the same CSP the pages carry (src/lib/security/csp.ts). */
const securityHeaders = {
  name: 'security-headers',
  hooks: {
    /** @param {{ dir: URL }} options */
    'astro:build:done': ({ dir }) => {
      writeFileSync(
        new URL('_headers', dir),
        headersFile({ basemap: siteConfig.basemap, formActions: [siteConfig.newsletterUrl] }),
      );
    },
  },
};

/**
 * `content/news/en/x.md:12` for a line of a Markdown body: Astro renders the body without its
 * front matter, so the front matter's lines are added back.
 * @param {string | undefined} path
 * @param {number | undefined} line
 */
function markdownLocation(path, line) {
  if (path === undefined) return 'Markdown';
  let offset = 0;
  try {
    const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(readFileSync(path, 'utf8'));
    offset = match ? match[0].split('\n').length - 1 : 0;
  } catch {
    // The file is gone or unreadable: the body's own line is still a hint.
  }
  return `${relative(process.cwd(), path)}${line === undefined ? '' : `:${String(line + offset)}`}`;
}

// Every published locale is prefixed (/en/…, /fr/…); `/` is our own language chooser page.
const locales = siteConfig.locales.filter((code) => code in LOCALES);

/** Pages served untranslated (original text under a notice) are left out of the sitemap. */
const untranslated = fallbackUrls(locales, (dir) => {
  try {
    return readdirSync(resolve(contentFolder, dir));
  } catch {
    return [];
  }
});
const defaultPrefix = `/${siteConfig.defaultLocale}/`;

/**
 * Neighbourhood fact sheets moved from numeric addresses (`/en/fact-sheets/neighbourhoods/83/`)
 * to readable ones; the old addresses stay as redirect pages (meta refresh, link, canonical,
 * noindex), out of the sitemap. The areas come from the data step's output.
 */
const areasFile = new URL('./src/generated/areas.json', import.meta.url);
/** @type {{ id: string; name: string }[]} */
const generatedAreas = existsSync(areasFile) ? JSON.parse(readFileSync(areasFile, 'utf8')) : [];
const areaRedirects = areaSheetRedirects(generatedAreas, locales);
const redirected = new Set(Object.keys(areaRedirects));

export default defineConfig({
  site: siteConfig.siteUrl,
  output: 'static',
  trailingSlash: 'always',
  redirects: areaRedirects,
  i18n: {
    locales,
    defaultLocale: siteConfig.defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    securityHeaders,
    // The browser editor's script and its own policy for /admin/ (after securityHeaders: it appends to _headers).
    cmsIntegration(siteConfig.cms),
    // Writes /sw.js, the service worker that keeps the finder, opened pages and search offline.
    offlineIntegration(locales),
    sitemap({
      filter: (page) =>
        !untranslated.has(new URL(page).pathname) &&
        !redirected.has(new URL(page).pathname) &&
        !new URL(page).pathname.startsWith('/admin/'),
      // hreflang alternates come from the other locales' URLs of the same path (only real
      // translations, after the filter); x-default is the default locale's page.
      serialize: (item) => {
        const links = item.links ?? [];
        const fallback = links.find((l) => new URL(l.url).pathname.startsWith(defaultPrefix));
        if (fallback) item.links = [...links, { lang: 'x-default', url: fallback.url }];
        return item;
      },
      i18n: {
        defaultLocale: siteConfig.defaultLocale,
        locales: Object.fromEntries(
          locales.map((code) => [code, LOCALES[/** @type {keyof typeof LOCALES} */ (code)].lang]),
        ),
      },
    }),
  ],
  // Stylesheets and Astro's small hoisted scripts stay files (no inline <style>/<script>), so the
  // Content-Security-Policy needs neither 'unsafe-inline' nor per-page hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // Markdown bodies are sanitised to an allow-list (src/lib/security/markdown.ts); raw HTML is
  // parsed first (unclosed raw-text elements closed), so nothing can swallow the rest of a page. Each removed
  // construct is a build warning naming the file and line. No code blocks are highlighted
  // (highlighters write style attributes, which the policy and the sanitiser refuse).
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      rehypePlugins: [
        rehypeCloseRawText,
        rehypeRaw,
        [
          rehypeSafeMarkdown,
          { where: markdownLocation, warn: (/** @type {string} */ m) => console.warn(`[markdown] ${m}`) },
        ],
      ],
    }),
  },
  // Keep whitespace between inline elements (Astro 7 may otherwise join words across tags).
  // prettier.config.mjs mirrors this setting (astroCompressHTML) so formatting keeps it too.
  compressHTML: false,
  devToolbar: { enabled: false },
});
