/**
 * Astro integration: after the build, puts the browser editor's script beside its page
 * (`/admin/sveltia-cms.js`, from the npm package: no CDN) and gives `/admin/*` its own
 * Content-Security-Policy in `_headers`. Added in astro.config.mjs after the security headers.
 */
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsSettingsSchema, type CmsSettings } from '../schema/config.ts';
import { cmsBackend } from './backend.ts';
import { backendOrigins } from './config.ts';
import { adminDirectives } from './policy.ts';
import { selfHostAssets } from './self-host.ts';
import { serializeCsp } from '../security/csp.ts';

/** The folder of the installed `@sveltia/cms` package. */
function editorPackage(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@sveltia/cms')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Writes the editor's self-contained script (its module builds need chunks beside them), its
 * fonts and its interface translations into `<out>/admin/`, served from there instead of CDNs.
 */
export function writeEditor(out: string): void {
  const pkg = editorPackage();
  const nodeModules = dirname(dirname(pkg));
  const { script, fonts } = selfHostAssets(readFileSync(join(pkg, 'dist', 'sveltia-cms.js'), 'utf8'));
  if (script.includes('cdn.jsdelivr.net'))
    throw new Error('cms-editor: the editor script still names cdn.jsdelivr.net; update src/lib/cms/fonts.ts');
  mkdirSync(join(out, 'admin', 'fonts'), { recursive: true });
  writeFileSync(join(out, 'admin', 'sveltia-cms.js'), script);
  cpSync(join(pkg, 'locales'), join(out, 'admin', 'locales'), { recursive: true });
  for (const font of fonts) {
    const file = join(nodeModules, font.pkg, 'files', font.file);
    if (!existsSync(file))
      throw new Error(
        `cms-editor: the editor needs the font ${font.file}; install ${font.pkg} (npm install ${font.pkg})`,
      );
    copyFileSync(file, join(out, 'admin', 'fonts', font.file));
  }
}

/**
 * The `_headers` block for the editor. `! Content-Security-Policy` (Cloudflare Pages) first
 * detaches the site-wide policy, which allows no inline style and would break the editor;
 * on a host that cannot detach a header, see docs/editing.md.
 */
export function adminHeadersBlock(settings: CmsSettings | undefined): string {
  const policy = serializeCsp([
    ...adminDirectives(backendOrigins(cmsBackend(settings))),
    ['frame-ancestors', ["'none'"]],
  ]);
  return [
    '/admin/*',
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${policy}`,
    '  X-Robots-Tag: noindex',
    '',
  ].join('\n');
}

export function cmsIntegration(cms: unknown) {
  const settings = cms === undefined ? undefined : cmsSettingsSchema.parse(cms);
  return {
    name: 'cms-editor',
    hooks: {
      'astro:build:done': ({ dir }: { dir: URL }) => {
        const out = fileURLToPath(dir);
        writeEditor(out);
        const headers = join(out, '_headers');
        if (existsSync(headers)) appendFileSync(headers, adminHeadersBlock(settings));
      },
    },
  };
}
