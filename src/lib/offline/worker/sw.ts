/*
 * The service worker: keeps the finder, the pages a reader opened, the shortlist and search
 * working without a connection. The build (src/lib/offline/integration.ts) compiles it to
 * `/sw.js`, defining OFFLINE_MANIFEST as the manifest computed from the built site
 * (src/lib/offline/manifest.ts). Type-checked on its own (./tsconfig.json: WebWorker library).
 *
 * Strategies:
 * - `/_astro/…` (file names carry a content hash) and Pagefind's hashed index files: cache first.
 * - pages, `/data/…` and everything else of this site: network first, the stored copy when the
 *   network fails; a page never opened gets a short "you are offline" page in the locale.
 * - other sites' requests (a configured basemap) are not touched, nor are byte-range requests
 *   (a self-hosted PMTiles basemap reads its file in ranges; a 206 response cannot be stored,
 *   and answering a range with a stored whole file would break the reader).
 * A new version waits until the reader presses "Update" (message `skip-waiting`); the first
 * one takes control at once so the page that registered it works offline right away.
 * Message `save-search` (the search page's "Save search for offline use") stores every file of
 * one language's search index, listed by scripts/offline-search.ts, reporting progress back.
 */
import { escapeHtml } from '../../security/escape.ts';
import type { OfflineManifest } from '../types.ts';

declare const self: ServiceWorkerGlobalScope;
/** Replaced by the manifest at build time (esbuild `define`). */
declare const OFFLINE_MANIFEST: OfflineManifest;

/** Messages a page sends (OfflineStatus.astro, OfflineSearch.astro). */
interface PageMessage {
  type?: string;
  locale?: string;
  manifest?: unknown;
}

/** What scripts/offline-search.ts writes for one language: `/pagefind/offline/{language}.json`. */
interface SearchManifest {
  language: string;
  files: unknown[];
  bytes: number;
}

const MANIFEST: OfflineManifest = OFFLINE_MANIFEST;
const STATIC = `nsm-static-${MANIFEST.version}`;
const PAGES = 'nsm-pages';
const SEARCH = 'nsm-search';
/** At most this many opened pages are kept; the oldest go first. */
const MAX_PAGES = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(MANIFEST.shared)));
});

/**
 * Settles when this version's activation has cleaned up. A page may ask for the warm-up as soon
 * as the worker is active, while `activate` still deletes the previous version's warm-up pages:
 * warming waits for it, or it would lose pages it had just stored. (A worker started again
 * later was activated before: the resolved default is right for it.)
 */
let activation: Promise<void> = Promise.resolve();

self.addEventListener('activate', (event) => {
  activation = (async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('nsm-static-') && name !== STATIC) await caches.delete(name);
    }
    // Refresh the warm-up pages of the previous version on the next visit.
    const pages = await caches.open(PAGES);
    for (const locale of Object.values(MANIFEST.locales)) for (const url of locale.pages) await pages.delete(url);
    await self.clients.claim();
  })();
  event.waitUntil(activation);
});

self.addEventListener('message', (event) => {
  const data = (event.data ?? {}) as PageMessage;
  if (data.type === 'skip-waiting') void self.skipWaiting();
  const locale = data.locale === undefined ? undefined : MANIFEST.locales[data.locale];
  if (data.type === 'warm' && locale) event.waitUntil(activation.then(() => warm(locale.pages)));
  if (data.type === 'save-search' && /^\/pagefind\/offline\/[a-z-]+\.json$/.test(String(data.manifest))) {
    event.waitUntil(saveSearch(String(data.manifest), event.source));
  }
});

/**
 * Stores a language's whole search index (the files its manifest lists) in the search cache,
 * six downloads at a time, skipping files already stored. Tells the page how far it got
 * (`search-progress`), then `search-saved` or `search-failed`.
 */
async function saveSearch(manifestUrl: string, client: Client | ServiceWorker | MessagePort | null): Promise<void> {
  const tell = (message: object) => client?.postMessage(message);
  try {
    const manifest = (await (await fetch(manifestUrl, { cache: 'no-store' })).json()) as SearchManifest;
    const cache = await caches.open(SEARCH);
    const files = manifest.files.filter(
      (url): url is string => typeof url === 'string' && url.startsWith('/pagefind/'),
    );
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < files.length) {
        const url = files[next++];
        if (url === undefined) break;
        if (!(await cache.match(url))) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${String(response.status)}`);
          await cache.put(url, response);
        }
        done += 1;
        if (done % 200 === 0) tell({ type: 'search-progress', done, total: files.length, bytes: manifest.bytes });
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    tell({ type: 'search-saved', language: manifest.language, total: files.length, bytes: manifest.bytes });
  } catch {
    tell({ type: 'search-failed' });
  }
}

/** Stores a locale's offline pages that are not stored yet. */
async function warm(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(PAGES);
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(url, response);
    } catch {
      return; // offline again: try on the next visit
    }
  }
}

async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(request);
}

/** Tells open pages that the network failed, so they show the offline notice. */
async function notifyOffline(): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'network-failed' });
}

const hashed = (path: string): boolean =>
  path.startsWith('/_astro/') ||
  (path.startsWith('/pagefind/') &&
    !/\/pagefind(-entry)?\.js(on)?$/.test(path) &&
    !path.endsWith('/pagefind-entry.json'));

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

function offlinePage(path: string): Response {
  const locale =
    MANIFEST.locales[path.split('/')[1] ?? ''] ?? MANIFEST.locales['en'] ?? Object.values(MANIFEST.locales)[0];
  const text = locale?.offline ?? {
    lang: 'en',
    dir: 'ltr',
    title: 'Offline',
    body: 'You are offline.',
    finder: 'Find a service',
    finderHref: '/',
  };
  const html = `<!doctype html><html lang="${escapeHtml(text.lang)}" dir="${escapeHtml(text.dir)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)}</title></head><body><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p><p><a href="${escapeHtml(text.finderHref)}">${escapeHtml(text.finder)}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function networkFirst(request: Request, cacheName: string, isPage: boolean): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(cacheName);
      // Pages are stored without their query (the finder keeps its state in `?q=…`).
      const key = isPage ? new URL(request.url).pathname : request;
      await cache.put(key, response.clone());
      if (isPage) await trim(cache);
    }
    return response;
  } catch (error) {
    await notifyOffline();
    const url = new URL(request.url);
    const hit =
      (await caches.match(isPage ? url.pathname : request, { ignoreSearch: true })) ??
      (await caches.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    if (isPage) return offlinePage(url.pathname);
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  if (request.headers.has('range')) return;
  if (hashed(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname.startsWith('/pagefind/') ? SEARCH : STATIC));
    return;
  }
  const isPage = request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
  const cacheName = url.pathname.startsWith('/pagefind/') ? SEARCH : isPage ? PAGES : STATIC;
  event.respondWith(networkFirst(request, cacheName, isPage));
});
