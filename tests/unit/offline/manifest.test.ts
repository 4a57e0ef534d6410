import { describe, expect, it } from 'vitest';
import { builtFile, offlineManifest, pageAssets } from '../../../src/lib/offline/manifest.ts';
import { serviceWorkerSource } from '../../../src/lib/offline/integration.ts';
import { scaleFeatures } from '../../../scripts/bench/build.ts';

const site: Record<string, string> = {
  'en/index.html': '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/shell.js"></script>',
  'en/services/index.html':
    '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/finder.js"></script>',
  'en/services/lite/index.html': '<script type="module" src="/_astro/shell.js"></script>',
  'en/search/index.html': '',
  '_astro/shell.js': 'console.log(1)',
  '_astro/finder.js': 'import{x}from"./chunk.js";const m=()=>import("./maplibre.js");',
  '_astro/chunk.js': 'export const x=1',
  'data/finder.json': '{}',
  'favicon.svg': '<svg/>',
};
const texts = () => ({
  lang: 'en-CA',
  dir: 'ltr',
  title: 'Offline',
  body: 'b',
  finder: 'Find',
  finderHref: '/en/services/',
});

describe('offline manifest', () => {
  it('maps URLs to built files', () => {
    expect(builtFile('/en/services/')).toBe('en/services/index.html');
    expect(builtFile('/data/finder.json?v=1')).toBe('data/finder.json');
  });

  it('lists stylesheets, scripts and their static imports, not lazy chunks', () => {
    expect(pageAssets(site['en/services/index.html']!, (f) => site[f]).sort()).toEqual([
      '/_astro/a.css',
      '/_astro/chunk.js',
      '/_astro/finder.js',
    ]);
  });

  it('stores shared assets at install and a locale’s pages and data on warm-up', () => {
    const m = offlineManifest(['en'], (f) => site[f], texts);
    expect(m.shared).toEqual([
      '/_astro/a.css',
      '/_astro/chunk.js',
      '/_astro/finder.js',
      '/_astro/shell.js',
      '/favicon.svg',
    ]);
    expect(m.locales['en']?.pages).toEqual([
      '/en/',
      '/en/services/',
      '/en/services/lite/',
      '/en/search/',
      '/data/finder.json',
    ]);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes version when a stored file changes, and only then', () => {
    const a = offlineManifest(['en'], (f) => site[f], texts).version;
    expect(offlineManifest(['en'], (f) => site[f], texts).version).toBe(a);
    const changed: Record<string, string> = { ...site, '_astro/chunk.js': 'export const x=2' };
    expect(offlineManifest(['en'], (f) => changed[f], texts).version).not.toBe(a);
  });

  it('puts the manifest into the service worker source', async () => {
    const source = serviceWorkerSource({ version: 'abc', shared: ['/x'], locales: {} });
    // Run the built worker in a fake scope: installing stores the manifest's shared files in its version's cache.
    const listeners = new Map<string, (event: { waitUntil: (p: Promise<unknown>) => void }) => void>();
    const stored: [string, string[]][] = [];
    const caches = {
      open: (name: string) => Promise.resolve({ addAll: (urls: string[]) => stored.push([name, urls]) }),
    };
    const scope = {
      addEventListener: (type: string, fn: (event: { waitUntil: (p: Promise<unknown>) => void }) => void) =>
        listeners.set(type, fn),
    };
    new Function('self', 'caches', source)(scope, caches);
    const waits: Promise<unknown>[] = [];
    listeners.get('install')?.({ waitUntil: (p) => waits.push(p) });
    await Promise.all(waits);
    expect(stored).toEqual([['nsm-static-abc', ['/x']]]);
  });
});

describe('synthetic services for the build benchmark', () => {
  const features = Array.from({ length: 10 }, (_, i) => ({
    type: 'Feature' as const,
    properties: { id: `a${i}`, name: `Place ${i}` },
    geometry: { type: 'Point', coordinates: [-79.4, 43.7] },
  }));
  it('takes every k-th feature for fewer and numbered, moved copies for more', () => {
    expect(scaleFeatures(features, 5, { idField: 'id', nameField: 'name' }).map((f) => f.properties['id'])).toEqual([
      'a0',
      'a2',
      'a4',
      'a6',
      'a8',
    ]);
    const more = scaleFeatures(features, 25, { idField: 'id', nameField: 'name' });
    expect(more).toHaveLength(25);
    expect(new Set(more.map((f) => f.properties['id'])).size).toBe(25);
    expect(more[10]?.geometry.coordinates).not.toEqual([-79.4, 43.7]);
  });
});
