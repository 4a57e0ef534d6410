/**
 * Astro integration: after the build, writes `/sw.js`, the service worker (src/lib/offline/sw.js)
 * with its manifest (src/lib/offline/manifest.ts) filled in. Added in astro.config.mjs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, isLocale } from '../../i18n/locales.ts';
import { offlineManifest, type OfflineLocale } from './manifest.ts';

const STRINGS_DIR = fileURLToPath(new URL('../../i18n/strings/', import.meta.url));
const SOURCE = fileURLToPath(new URL('./sw.js', import.meta.url));

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

/** The service worker's source with a manifest in place of the placeholder. */
export function serviceWorkerSource(manifest: unknown): string {
  const source = readFileSync(SOURCE, 'utf8');
  const marker = /\/\* OFFLINE_MANIFEST \*\/ \{[^\n]*\};/;
  if (!marker.test(source)) throw new Error('src/lib/offline/sw.js lost its OFFLINE_MANIFEST placeholder');
  return source.replace(marker, () => `${JSON.stringify(manifest)};`);
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
