/**
 * Bytes a built page makes a browser download: its module scripts and everything they import,
 * gzip-compressed as a static host would send them. Chunks whose file name matches `exclude`
 * (MapLibre and its worker) are counted separately, because the budgets are "our own JS".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptWeight {
  file: string;
  raw: number;
  gzip: number;
  /** Loaded by a dynamic `import()` (on demand), not when the page loads. */
  lazy: boolean;
  excluded: boolean;
}

export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

/** Module scripts of a built HTML page and, transitively, the chunks they import. */
export function pageScripts(dist: string, pagePath: string, exclude = /maplibre/i): ScriptWeight[] {
  const html = readFileSync(join(dist, pagePath), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const seen = new Map<string, ScriptWeight>();
  const visit = (url: string, lazy: boolean) => {
    const file = url.replace(/^\//, '');
    const known = seen.get(file);
    if (known) {
      known.lazy &&= lazy;
      return;
    }
    const path = join(dist, file);
    if (!existsSync(path)) return;
    const code = readFileSync(path);
    const weight = { file, raw: code.length, gzip: gzipSize(code), lazy, excluded: exclude.test(file) };
    seen.set(file, weight);
    const text = code.toString('utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const resolve = (spec: string) => (spec.startsWith('/') ? spec : `/${dir}${spec.replace(/^\.\//, '')}`);
    for (const m of text.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{0,2}\/[^"']+\.m?js)["']/g))
      visit(resolve(m[1] ?? ''), lazy);
    for (const m of text.matchAll(/import\(\s*["'](\.{0,2}\/[^"']+\.m?js)["']\s*\)/g)) visit(resolve(m[1] ?? ''), true);
    // Vite lists lazily imported chunks in a preload map: `"_astro/x.js"` strings.
    for (const m of text.matchAll(/["'](_astro\/[^"']+\.m?js)["']/g)) visit(`/${m[1] ?? ''}`, true);
  };
  for (const entry of entries) visit(entry, false);
  return [...seen.values()];
}

/** Our own JavaScript on a page, gzip bytes: everything but the excluded libraries. */
export function ownScriptGzip(dist: string, pagePath: string): number {
  return pageScripts(dist, pagePath)
    .filter((s) => !s.excluded)
    .reduce((n, s) => n + s.gzip, 0);
}

export interface PageTransfer {
  html: number;
  css: number;
  js: number;
  images: number;
  total: number;
  files: string[];
}

/**
 * What a first view of a built page transfers, gzip bytes as a static host sends them: the HTML,
 * its stylesheets (and the images they reference), the scripts it loads at once (lazy chunks
 * left out), its images (`loading="lazy"` ones left out: fetched only when shown) and icon. Fonts are left out (a locale that needs one adds it). Deterministic,
 * so it is tested; the browser measure is in tests/e2e/offline.spec.ts.
 */
export function pageTransfer(dist: string, pagePath: string): PageTransfer {
  const html = readFileSync(join(dist, pagePath), 'utf8');
  const out: PageTransfer = { html: gzipSize(html), css: 0, js: 0, images: 0, total: 0, files: [pagePath] };
  const seen = new Set<string>();
  const add = (url: string, kind: 'css' | 'images') => {
    const file = url.replace(/^\//, '').split(/[?#]/)[0] ?? '';
    if (seen.has(file) || !file || /\.(woff2?|ttf|otf)$/i.test(file)) return;
    seen.add(file);
    const path = join(dist, file);
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    out[kind] += gzipSize(bytes);
    out.files.push(file);
    if (kind === 'css')
      for (const m of bytes.toString('utf8').matchAll(/url\(\s*["']?(\/[^"')]+)["']?\s*\)/g)) add(m[1] ?? '', 'images');
  };
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)) add(m[1] ?? '', 'css');
  for (const m of html.matchAll(/<link\b[^>]*rel="icon"[^>]*href="(\/[^"]+)"/g)) add(m[1] ?? '', 'images');
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    const src = /\ssrc="(\/[^"]+)"/.exec(m[0])?.[1];
    if (src && !/\sloading="lazy"/.test(m[0])) add(src, 'images');
  }
  for (const s of pageScripts(dist, pagePath, /^$/).filter((s) => !s.lazy)) {
    out.js += s.gzip;
    out.files.push(s.file);
  }
  out.total = out.html + out.css + out.js + out.images;
  return out;
}
