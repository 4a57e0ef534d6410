/** The editor's backend from the site configuration's `cms` block (src/lib/schema/config.ts). */
import type { CmsSettings } from '../schema/config.ts';
import type { CmsBackend } from './config.ts';

/**
 * The Git host the editor saves to. Without a `cms` block the editor still works in its local
 * mode (a folder on the editor's computer that holds a clone of the site's repository), and its
 * sign-in button names a repository that does not exist, so nothing can be saved elsewhere.
 */
export function cmsBackend(settings: CmsSettings | undefined): CmsBackend {
  if (!settings) return { name: 'github', repo: 'not-configured/see-docs-editing' };
  return {
    name: settings.host,
    repo: settings.repo,
    branch: settings.branch,
    ...(settings.authUrl ? { base_url: settings.authUrl } : {}),
    ...(settings.apiRoot ? { api_root: settings.apiRoot } : {}),
  };
}
