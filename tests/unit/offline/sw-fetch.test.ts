/**
 * The service worker's fetch listener, run in a fake worker scope: which requests it answers.
 * A byte-range request (a self-hosted PMTiles basemap reads its file in ranges) must reach the
 * network untouched: answering it would try to store a 206 response, which the Cache API
 * refuses, and the basemap would fail.
 */
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../../src/lib/offline/integration.ts';

type Listener = (event: {
  request: Request;
  respondWith: (r: unknown) => void;
  waitUntil: (p: unknown) => void;
}) => void;

function fetchListener(): Listener {
  const listeners = new Map<string, Listener>();
  const scope = {
    location: new URL('https://lip.example.org/sw.js'),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
  };
  // The worker as the build writes it to /sw.js (src/lib/offline/worker/sw.ts compiled).
  const source = serviceWorkerSource({ version: 'test', shared: [], locales: {} });
  // No network here: a fetch the worker makes never settles.
  new Function('self', 'caches', 'fetch', source)(scope, {}, () => new Promise(() => undefined));
  const listener = listeners.get('fetch');
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
