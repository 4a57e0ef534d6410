/**
 * What the service worker (src/lib/offline/worker/sw.ts) keeps for use without a connection, computed
 * from the built site. Pure: the caller passes a function that reads built files.
 *
 * - `shared`: small files every locale needs, stored when the worker installs: the stylesheets
 *   and scripts (with their static imports) of the offline pages below, the favicon and the
 *   category colours. Lazily imported chunks (MapLibre) are left out: the map is not promised
 *   offline.
 * - `locales[code].pages`: the finder, its light version, the shortlist, search and the home page
 *   of one locale, with the finder's index (`/data/finder.json`) and postal-code centres, stored
 *   after a first visit in that locale ("warm-up"); the page does not ask for it on the light
 *   finder, when the browser asks to save data, or on a 2G connection.
 * - `version`: a hash of every listed file's bytes, so a new build with other files installs
 *   a new worker and the page offers "Update".
 */
import { createHash } from 'node:crypto';

import type { OfflineLocale, OfflineManifest } from './types.ts';

export type { OfflineLocale, OfflineManifest };

/** The locale-free paths of the pages kept offline in each locale. */
export const OFFLINE_PAGES = ['', 'services/', 'services/lite/', 'services/shortlist/', 'search/'] as const;

/** Shared data files the finder and shortlist need (when they exist in the build). */
export const OFFLINE_DATA = ['/data/finder.json', '/data/postal-codes.json'] as const;

/** Small shared files, stored at install. */
export const OFFLINE_SHARED = ['/favicon.svg', '/categories.css'] as const;

/** `/x/` → `x/index.html`, `/a.css` → `a.css`. */
export function builtFile(url: string): string {
  const clean = url.replace(/^\/+/, '').split(/[?#]/)[0] ?? '';
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** Stylesheets and module scripts a page loads, with the static imports of those scripts. */
export function pageAssets(html: string, read: (file: string) => string | undefined): string[] {
  const found = new Set<string>();
  const visitScript = (url: string) => {
    if (found.has(url)) return;
    found.add(url);
    const code = read(builtFile(url));
    if (code === undefined) return;
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    for (const m of code.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{0,2}\/[^"']+\.m?js)["']/g,
    )) {
      const spec = m[1] ?? '';
      visitScript(spec.startsWith('/') ? spec : new URL(spec, `https://x${dir}`).pathname);
    }
  };
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)) found.add(m[1] ?? '');
  for (const m of html.matchAll(/<script\b[^>]*src="(\/[^"]+)"/g)) visitScript(m[1] ?? '');
  return [...found].filter((u) => u !== '');
}

export function offlineManifest(
  locales: readonly string[],
  read: (file: string) => string | Uint8Array | undefined,
  texts: (locale: string) => OfflineLocale['offline'],
): OfflineManifest {
  const readText = (file: string) => {
    const bytes = read(file);
    return bytes === undefined ? undefined : typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  };
  const shared = new Set<string>(OFFLINE_SHARED.filter((u) => read(builtFile(u)) !== undefined));
  const data = OFFLINE_DATA.filter((u) => read(builtFile(u)) !== undefined);
  const perLocale: Record<string, OfflineLocale> = {};
  for (const locale of locales) {
    const pages: string[] = [];
    for (const path of OFFLINE_PAGES) {
      const url = `/${locale}/${path}`;
      const html = readText(builtFile(url));
      if (html === undefined) continue;
      pages.push(url);
      for (const asset of pageAssets(html, readText)) shared.add(asset);
    }
    perLocale[locale] = { pages: [...pages, ...data], offline: texts(locale) };
  }
  const list = [...shared].sort();
  const hash = createHash('sha256');
  for (const url of [...list, ...Object.values(perLocale).flatMap((l) => l.pages)]) {
    hash.update(url);
    hash.update(read(builtFile(url)) ?? '');
  }
  hash.update(JSON.stringify(perLocale));
  return { version: hash.digest('hex').slice(0, 16), shared: list, locales: perLocale };
}
