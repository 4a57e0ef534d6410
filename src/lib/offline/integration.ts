/**
 * Astro integration: after the build, writes `/sw.js`, the service worker
 * (src/lib/offline/worker/sw.ts) compiled with esbuild, its manifest (src/lib/offline/manifest.ts)
 * defined as OFFLINE_MANIFEST. Added in astro.config.mjs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, isLocale } from '../../i18n/locales.ts';
import { offlineManifest, type OfflineLocale, type OfflineManifest } from './manifest.ts';

const STRINGS_DIR = fileURLToPath(new URL('../../i18n/strings/', import.meta.url));
const SOURCE = fileURLToPath(new URL('./worker/sw.ts', import.meta.url));

function strings(locale: string): Record<string, string> {
  const read = (code: string): Record<string, string> => {
    const file = join(STRINGS_DIR, `${code}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  };
  return { ...read('en'), ...read(locale) };
}

function texts(locale: string): OfflineLocale['offline'] {
  const s = strings(locale);
  const info = isLocale(locale) ? LOCALES[locale] : LOCALES.en;
  return {
    lang: info.lang,
    dir: info.dir,
    title: s['offline.pageTitle'] ?? 'Offline',
    body: s['offline.pageBody'] ?? '',
    finder: s['finder.title'] ?? 'Find a service',
    finderHref: `/${locale}/services/`,
  };
}

/** The service worker as one classic script (what `/sw.js` serves), built for this manifest. */
export function serviceWorkerSource(manifest: OfflineManifest): string {
  const result = buildSync({
    entryPoints: [SOURCE],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { OFFLINE_MANIFEST: JSON.stringify(manifest) },
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('src/lib/offline/worker/sw.ts: esbuild wrote no output');
  return output.text;
}

export function offlineIntegration(locales: readonly string[]) {
  return {
    name: 'offline-service-worker',
    hooks: {
      'astro:build:done': ({ dir }: { dir: URL }) => {
        const root = fileURLToPath(dir);
        const read = (file: string) => {
          const path = join(root, file);
          return existsSync(path) ? readFileSync(path) : undefined;
        };
        const manifest = offlineManifest(locales, read, texts);
        writeFileSync(join(root, 'sw.js'), serviceWorkerSource(manifest));
      },
    },
  };
}
