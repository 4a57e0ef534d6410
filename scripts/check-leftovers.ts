/**
 * `npm run check:leftovers -- <dist> [--markers file] [--per-file N]` — lists every built file,
 * line and snippet that still holds text of the Toronto demo (or of the demo whose marker list
 * `--markers` names; format in src/lib/adopt/leftovers.ts). Reads the text files of the build
 * (pages, feeds, calendars, JSON data, scripts); skips binary files and Pagefind's index.
 * Exit codes: 0 none found, 1 leftovers found (listed), 2 the command could not run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { findLeftovers, formatLeftovers, parseMarkers, type TextFile } from '../src/lib/adopt/leftovers.ts';

/** The Toronto demo's list: the default, since the default build is the Toronto demo. */
export const DEFAULT_MARKERS = 'demo/toronto/leftovers.txt';
const TEXT = /\.(html?|xml|svg|rss|atom|txt|md|json|geojson|webmanifest|ics|csv|js|mjs|css)$/i;

/** The text files under `dir`, sorted, with paths relative to it (forward slashes). Pagefind's folder is skipped: its index is compressed. */
export function* textFilesIn(dir: string): Generator<TextFile> {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => {
        const path = join(folder, e.name);
        if (e.isDirectory()) return folder === dir && e.name === 'pagefind' ? [] : walk(path);
        return e.isFile() && TEXT.test(e.name) ? [path] : [];
      });
  for (const path of walk(dir))
    yield { path: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') };
}

function fail(message: string): never {
  console.error(`check:leftovers: ${message}`);
  process.exit(2);
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { markers: { type: 'string', default: DEFAULT_MARKERS }, 'per-file': { type: 'string', default: '10' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: npm run check:leftovers -- <dist> [--markers file] [--per-file N]`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    fail('give one build folder, e.g. npm run check:leftovers -- dist [--markers file] [--per-file N]');
  const dist = resolve(positionals[0] ?? 'dist');
  if (!existsSync(dist) || !statSync(dist).isDirectory())
    fail(`${positionals[0] ?? ''}: no such folder (build the site first: npm run build)`);
  const perFile = Number(values['per-file']);
  if (!Number.isInteger(perFile) || perFile < 1)
    fail(`--per-file ${values['per-file']}: give a whole number of at least 1`);
  const markersPath = resolve(values.markers);
  if (!existsSync(markersPath)) fail(`${values.markers}: marker list not found`);
  let list;
  try {
    list = parseMarkers(readFileSync(markersPath, 'utf8'), values.markers);
  } catch (error) {
    fail((error as Error).message);
  }
  let checked = 0;
  const counted = (function* () {
    for (const file of textFilesIn(dist)) {
      checked++;
      yield file;
    }
  })();
  const findings = findLeftovers(counted, list);
  const listing = formatLeftovers(findings, { perFile, checked });
  if (findings.length > 0) {
    console.error(listing);
    console.error(
      `\nReplace the demo's text above with your own (config, data, content), then rebuild. Markers: ${values.markers}`,
    );
    process.exit(1);
  }
  console.log(listing);
}
