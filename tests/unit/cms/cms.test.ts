import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendOrigins, cmsConfig, collectionFields, EDITABLE, type CmsField } from '../../../src/lib/cms/config.ts';
import { cmsBackend } from '../../../src/lib/cms/backend.ts';
import { adminPolicy } from '../../../src/lib/cms/policy.ts';
import { adminHeadersBlock } from '../../../src/lib/cms/integration.ts';
import { selfHostAssets } from '../../../src/lib/cms/self-host.ts';
import { cmsSettingsSchema } from '../../../src/lib/schema/config.ts';
import { CONTENT_SCHEMAS } from '../../../src/lib/schema/content.ts';

const byName = (fields: readonly CmsField[], name: string) => fields.find((f) => f.name === name)!;

describe('editor fields come from the content schemas', () => {
  it('every front-matter field of every editable collection, then the Markdown body', () => {
    for (const [collection] of EDITABLE) {
      const fields = collectionFields(collection);
      const shape = Object.keys((CONTENT_SCHEMAS[collection] as unknown as { shape?: object }).shape ?? {});
      if (shape.length)
        expect(
          fields
            .map((f) => f.name)
            .slice(0, -1)
            .sort(),
        ).toEqual(shape.sort());
      expect(fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    }
  });

  it('maps required marks, choices, lists, objects, numbers and dates', () => {
    const eUpdate = collectionFields('e-updates');
    expect(byName(eUpdate, 'title')).toMatchObject({ widget: 'string', i18n: true });
    expect(byName(eUpdate, 'title').required).toBeUndefined();
    expect(byName(eUpdate, 'reviewedBy')).toMatchObject({ required: false });
    expect(byName(eUpdate, 'date')).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      time_format: false,
      i18n: 'duplicate',
    });
    expect(byName(eUpdate, 'issue')).toMatchObject({ widget: 'number', value_type: 'int' });
    expect(byName(eUpdate, 'description')).toMatchObject({ widget: 'text' });
    expect(byName(eUpdate, 'categories')).toMatchObject({ widget: 'select', multiple: true });
    expect(byName(eUpdate, 'categories').options).toContain('settlement');
    const news = byName(eUpdate, 'lipNews');
    expect(news).toMatchObject({ widget: 'list', label: 'News from the LIP' });
    expect(news.fields?.map((f) => [f.name, f.required ?? true])).toEqual([
      ['title', true],
      ['text', true],
      ['url', false],
      ['from', false],
    ]);
    expect(byName(news.fields!, 'url').pattern?.[0]).toBe('^https?://');
    expect(byName(eUpdate, 'special')).toMatchObject({ widget: 'object', required: false });
    const events = collectionFields('events');
    expect(byName(events, 'start')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm' });
    expect(byName(events, 'place').fields?.map((f) => f.name)).toEqual([
      'name',
      'address',
      'serviceId',
      'areaId',
      'url',
    ]);
    expect(byName(collectionFields('resources'), 'year')).toMatchObject({ widget: 'number', min: 1990, max: 2100 });
  });

  it('saves each language in its own folder, starting with the default language only, leaving empty optional fields out', () => {
    const config = cmsConfig({
      locales: ['en', 'fr', 'ar'],
      defaultLocale: 'en',
      backend: cmsBackend(undefined),
      contentFolder: 'demo/toronto/content',
    });
    expect(config.i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['en', 'fr', 'ar'],
      default_locale: 'en',
      initial_locales: 'default',
    });
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    expect(config.collections.map((c) => c.folder)).toEqual(EDITABLE.map(([name]) => `demo/toronto/content/${name}`));
  });
});

describe('where the editor saves', () => {
  it('a configured Git host, or a repository that cannot exist when none is configured', () => {
    expect(cmsBackend(undefined).repo).toBe('not-configured/see-docs-editing');
    const gitlab = cmsSettingsSchema.parse({
      host: 'gitlab',
      repo: 'lip/site',
      apiRoot: 'https://git.example.org/api/v4',
    });
    expect(cmsBackend(gitlab)).toEqual({
      name: 'gitlab',
      repo: 'lip/site',
      branch: 'main',
      api_root: 'https://git.example.org/api/v4',
    });
    expect(backendOrigins(cmsBackend(gitlab))).toEqual(['https://git.example.org']);
    const github = cmsSettingsSchema.parse({ repo: 'lip/site', authUrl: 'https://auth.example.org/' });
    expect(backendOrigins(cmsBackend(github))).toEqual(['https://api.github.com', 'https://auth.example.org']);
  });

  it('refuses a repository or branch that could carry anything else', () => {
    expect(cmsSettingsSchema.safeParse({ repo: 'lip/site; script-src *' }).success).toBe(false);
    expect(cmsSettingsSchema.safeParse({ repo: 'lip/site', branch: 'main\nX: 1' }).success).toBe(false);
    expect(cmsSettingsSchema.safeParse({ repo: 'lip/site', authUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('the editor page and its policy', () => {
  it('scripts only from the site; inline styles and the Git host only on this page', () => {
    const policy = adminPolicy(['https://api.github.com']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe|https:)/);
    expect(policy).toContain("connect-src 'self' data: blob: https://api.github.com;");
    const block = adminHeadersBlock(undefined);
    expect(block.split('\n').slice(0, 3)).toEqual([
      '/admin/*',
      '  ! Content-Security-Policy',
      expect.stringMatching(/^ {2}Content-Security-Policy: default-src 'self'; .*frame-ancestors 'none'$/),
    ]);
  });

  it('fonts and interface translations are served by the site, not by CDNs', () => {
    const script = readFileSync('node_modules/@sveltia/cms/dist/sveltia-cms.js', 'utf8');
    const { script: out, fonts } = selfHostAssets(script);
    expect(out).not.toContain('cdn.jsdelivr.net');
    expect(out).toContain('`/admin/locales`');
    expect(fonts.map((f) => f.pkg).sort()).toEqual([
      '@fontsource-variable/material-symbols-outlined',
      '@fontsource-variable/source-sans-3',
      '@fontsource/noto-mono',
    ]);
    expect(() => selfHostAssets('no translations here')).toThrow(/translations' address 0 times/);
  });
});
