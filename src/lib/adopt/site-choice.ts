/**
 * Which LIP's site a build makes: one setting. Everything of one site lives in one folder, its
 * config file at the top (`demo/toronto/site.config.ts`: names, data files, content folder, all
 * relative to that folder). The build reads the config named by
 *   1. the `SITE_CONFIG` environment variable, for one command (the test fixtures use it), else
 *   2. `"config": { "site": "…" }` in package.json — the project's setting, the Toronto demo as
 *      shipped; a LIP points it at its own folder (`lips/halton/site.config.ts`) once.
 * `npm run data` writes the chosen paths to `src/generated/site-paths.json`, so the pages read
 * the content and files of the site whose data they were built with.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** How a reader names the setting in a message. */
export const SITE_SETTING = '"config": { "site": … } in package.json (or the SITE_CONFIG environment variable)';

/** The config file chosen by `env` and the parsed package.json, as written there (relative to the project). Throws when neither names one. */
export function chosenConfig(env: Readonly<Record<string, string | undefined>>, packageJson: unknown): string {
  const fromEnv = env['SITE_CONFIG'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  const config = (packageJson as { config?: { site?: unknown } } | null)?.config;
  const site = config?.site;
  if (typeof site === 'string' && site.trim() !== '') return site.trim();
  throw new Error(`No site chosen: set ${SITE_SETTING} to your site's config file, e.g. "demo/toronto/site.config.ts"`);
}

/** The chosen config file of the project at `root`, absolute. */
export function chosenConfigPath(
  root = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const packageJson: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return resolve(root, chosenConfig(env, packageJson));
}

/** Where one site's files are, relative to the project root with `/` separators (so the file reads the same on every system). */
export interface SitePaths {
  /** The config file, e.g. `demo/toronto/site.config.ts`. */
  config: string;
  /** Its folder, which every path in the config is relative to, e.g. `demo/toronto`. */
  dir: string;
  /** The Markdown content folder (`content` in the config), e.g. `demo/toronto/content`. */
  content: string;
}

/** The paths of the site whose config is `configPath` (absolute or relative to `root`) and whose config says `content`. */
export function sitePaths(root: string, configPath: string, content: string): SitePaths {
  const file = resolve(root, configPath);
  const rel = (path: string): string => relative(root, path).split(sep).join('/') || '.';
  return { config: rel(file), dir: rel(dirname(file)), content: rel(join(dirname(file), content)) };
}
