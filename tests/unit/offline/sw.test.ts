/**
 * The service worker's listeners, run in a fake worker scope.
 * - fetch: which requests it answers. A byte-range request (a self-hosted PMTiles basemap reads
 *   its file in ranges) must reach the network untouched: answering it would try to store a 206
 *   response, which the Cache API refuses, and the basemap would fail.
 * - activate and warm-up: the pages a first visit stores survive the activation's clean-up.
 */
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../../src/lib/offline/integration.ts';
import type { OfflineManifest } from '../../../src/lib/offline/types.ts';

type Listener = (event: {
  request?: Request;
  data?: unknown;
  respondWith?: (r: unknown) => void;
  waitUntil: (p: Promise<unknown>) => void;
}) => void;

/** Runs the worker as the build writes it to /sw.js (src/lib/offline/worker/sw.ts compiled); returns its listeners. */
function startWorker(
  manifest: OfflineManifest,
  caches: unknown,
  fetch: (request: RequestInfo) => Promise<Response>,
): Map<string, Listener> {
  const listeners = new Map<string, Listener>();
  const scope = {
    location: new URL('https://lip.example.org/sw.js'),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    clients: { claim: async () => undefined, matchAll: async () => [] },
  };
  new Function('self', 'caches', 'fetch', serviceWorkerSource(manifest))(scope, caches, fetch);
  return listeners;
}

function fetchListener(): Listener {
  // No network here: a fetch the worker makes never settles.
  const listener = startWorker(
    { version: 'test', shared: [], locales: {} },
    {},
    () => new Promise(() => undefined),
  ).get('fetch');
  if (!listener) throw new Error('no fetch listener');
  return listener;
}

function answers(request: Request): boolean {
  let answered = false;
  fetchListener()({ request, respondWith: () => (answered = true), waitUntil: () => undefined });
  return answered;
}

describe('service worker fetch', () => {
  it('answers the site’s own pages and data', () => {
    expect(answers(new Request('https://lip.example.org/data/finder.json'))).toBe(true);
  });

  it('leaves byte-range requests (a PMTiles basemap) and other sites alone', () => {
    expect(
      answers(new Request('https://lip.example.org/basemap/toronto.pmtiles', { headers: { Range: 'bytes=0-16383' } })),
    ).toBe(false);
    expect(answers(new Request('https://tiles.example.org/style.json'))).toBe(false);
  });
});

/** A Cache Storage whose deletes are slow (a busy disk), so an activation's clean-up overlaps a warm-up. */
function slowDeleteCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const key = (k: RequestInfo) => (typeof k === 'string' ? k : new URL(k.url).pathname);
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      match: async (k: RequestInfo) => store.get(key(k)),
      put: async (k: RequestInfo, r: Response) => void store.set(key(k), r),
      delete: async (k: RequestInfo) => {
        await new Promise((r) => setTimeout(r, 5));
        return store.delete(key(k));
      },
      keys: async () => [...store.keys()],
      addAll: async () => undefined,
    };
  };
  return {
    stores,
    caches: { open, keys: async () => [...stores.keys()], delete: async (n: string) => stores.delete(n) },
  };
}

describe('service worker warm-up', () => {
  it('keeps every page a first visit stores while the worker activates', async () => {
    const pages = ['/en/', '/en/services/', '/en/services/shortlist/', '/data/finder.json'];
    const offline = { lang: 'en', dir: 'ltr', title: '', body: '', finder: '', finderHref: '/en/services/' };
    const { stores, caches } = slowDeleteCaches();
    const listeners = startWorker(
      { version: 'v1', shared: [], locales: { en: { pages, offline } } },
      caches,
      async () => new Response('ok'),
    );
    const pending: Promise<unknown>[] = [];
    const waitUntil = (p: Promise<unknown>) => void pending.push(p);
    // The page asks for the warm-up as soon as the worker is active, before activation has finished.
    listeners.get('activate')?.({ waitUntil });
    listeners.get('message')?.({ data: { type: 'warm', locale: 'en' }, waitUntil });
    await Promise.all(pending);
    expect([...(stores.get('nsm-pages')?.keys() ?? [])].sort()).toEqual([...pages].sort());
  });
});
