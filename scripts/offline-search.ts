/**
 * After Pagefind (`npm run build`): writes `/pagefind/offline/{language}.json` for every language
 * Pagefind indexed, listing each file that language's search needs (Pagefind's script, worker and
 * WebAssembly, the entry file, the language's metadata, index chunks, filters and page fragments)
 * with the total size. The service worker stores those files when a reader presses "Save search
 * for offline use" on the search page (src/components/search/OfflineSearch.astro), so every
 * query works without a connection afterwards, not only the ones already run.
 *
 * Usage: node scripts/offline-search.ts [dist]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliArgs } from './lib/cli.ts';

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

export interface OfflineSearchManifest {
  language: string;
  pages: number;
  bytes: number;
  files: string[];
}

export function offlineSearchManifests(dist: string): OfflineSearchManifest[] {
  const root = join(dist, 'pagefind');
  const entry = JSON.parse(readFileSync(join(root, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const folders = ['index', 'filter', 'fragment'].filter((f) => existsSync(join(root, f)));
  const listing = new Map(folders.map((f) => [f, readdirSync(join(root, f))]));
  const common = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].filter((f) => existsSync(join(root, f)));
  return Object.entries(entry.languages).map(([language, info]) => {
    const own = folders.flatMap((folder) =>
      listing
        .get(folder)!
        .filter((name) => name.startsWith(`${language}_`))
        .map((name) => `${folder}/${name}`),
    );
    const files = [...common, `wasm.${info.wasm ?? 'unknown'}.pagefind`, `pagefind.${info.hash}.pf_meta`, ...own];
    for (const file of files)
      if (!existsSync(join(root, file)))
        throw new Error(`pagefind/${file} (language ${language}) is missing: run Pagefind first`);
    return {
      language,
      pages: info.page_count,
      bytes: files.reduce((n, file) => n + statSync(join(root, file)).size, 0),
      files: files.map((file) => `/pagefind/${file}`),
    };
  });
}

if (import.meta.main) {
  const dist = resolve(cliArgs('offline-search', { allowPositionals: true }).positionals[0] ?? 'dist');
  const out = join(dist, 'pagefind', 'offline');
  mkdirSync(out, { recursive: true });
  for (const manifest of offlineSearchManifests(dist)) {
    writeFileSync(join(out, `${manifest.language}.json`), JSON.stringify(manifest));
    console.log(
      `offline search ${manifest.language}: ${String(manifest.files.length)} files, ${(manifest.bytes / 2 ** 20).toFixed(1)} MB`,
    );
  }
}
