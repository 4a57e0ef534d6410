/**
 * Loading and validating the site configuration (`demo/toronto/site.config.ts` or a LIP's own). The config is a
 * TypeScript module so editors check it as it is typed; it is still validated here because a
 * LIP may edit it without a type checker. Every failing field is reported with its path.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { siteConfigSchema, type SiteConfig } from '../schema/config.ts';
import { makeIssue, PipelineError } from './issues.ts';
import type { Issue } from '../schema/report.ts';

/** Validates a config object; returns the config with defaults, or one issue per failing field. */
export function parseSiteConfig(
  input: unknown,
  file: string,
): { ok: true; config: SiteConfig } | { ok: false; issues: Issue[] } {
  const parsed = siteConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) =>
      makeIssue(
        'error',
        file,
        {},
        i.path.length > 0
          ? i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n > 0 ? '.' : ''}${String(p)}`)).join('')
          : '*',
        i.message,
        'skipped',
      ),
    ),
  };
}

/** Imports `configPath` (its default export) and validates it; throws {@link PipelineError}. */
export async function loadSiteConfig(configPath: string, displayName = configPath): Promise<SiteConfig> {
  let mod: { default?: unknown };
  const stat = statSync(configPath, { throwIfNoEntry: false });
  if (stat === undefined || stat.isDirectory()) {
    const reason =
      stat === undefined
        ? 'config file not found'
        : 'this path is a folder; give the config file itself (e.g. demo/toronto/site.config.ts)';
    throw new PipelineError([makeIssue('error', displayName, {}, '*', reason, 'skipped')]);
  }
  try {
    mod = (await import(pathToFileURL(configPath).href)) as { default?: unknown };
  } catch (e) {
    throw new PipelineError([
      makeIssue('error', displayName, {}, '*', `cannot load the config: ${(e as Error).message}`, 'skipped'),
    ]);
  }
  const result = parseSiteConfig(mod.default, displayName);
  if (!result.ok) throw new PipelineError(result.issues);
  return result.config;
}
