/** `/admin/config.yml`: the browser editor's configuration, derived from the content schemas (src/lib/cms/config.ts). */
import { stringify } from 'yaml';
import { cmsConfig } from '../../lib/cms/config.ts';
import { cmsBackend } from '../../lib/cms/backend.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES, site, SITE_PATHS } from '../../site.ts';

export function GET(): Response {
  const config = cmsConfig({
    locales: PUBLISHED_LOCALES,
    defaultLocale: DEFAULT_LOCALE,
    backend: cmsBackend(site.cms),
    contentFolder: SITE_PATHS.content,
  });
  return new Response(stringify(config), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
}
