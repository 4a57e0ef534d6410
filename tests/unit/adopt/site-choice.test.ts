/**
 * One setting picks the site a build makes (src/lib/adopt/site-choice.ts): SITE_CONFIG for one
 * command, else `config.site` in package.json; the paths the data step writes for the pages.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenConfig, chosenConfigPath, sitePaths } from '../../../src/lib/adopt/site-choice.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('chosenConfig', () => {
  const pkg = { config: { site: 'demo/toronto/site.config.ts' } };
  it('takes SITE_CONFIG first, then config.site in package.json', () => {
    expect(chosenConfig({ SITE_CONFIG: 'lips/halton/site.config.ts' }, pkg)).toBe('lips/halton/site.config.ts');
    expect(chosenConfig({}, pkg)).toBe('demo/toronto/site.config.ts');
    expect(chosenConfig({ SITE_CONFIG: '  ' }, pkg)).toBe('demo/toronto/site.config.ts');
  });
  it('says where to set it when neither names a config', () => {
    expect(() => chosenConfig({}, {})).toThrow(
      /No site chosen: set "config": \{ "site": … \} in package.json \(or the SITE_CONFIG environment variable\)/,
    );
    expect(() => chosenConfig({}, { config: { site: 3 } })).toThrow(/No site chosen/);
    expect(() => chosenConfig({}, null)).toThrow(/No site chosen/);
  });
  it('the project as shipped builds the Toronto demo from its own folder', async () => {
    const pkgJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
    expect(chosenConfig({}, pkgJson)).toBe('demo/toronto/site.config.ts');
    expect(chosenConfigPath(root, {})).toBe(join(root, 'demo/toronto/site.config.ts'));
    const config = await loadSiteConfig(chosenConfigPath(root, {}));
    expect(sitePaths(root, chosenConfigPath(root, {}), config.content)).toEqual({
      config: 'demo/toronto/site.config.ts',
      dir: 'demo/toronto',
      content: 'demo/toronto/content',
    });
  });
});

describe('sitePaths', () => {
  it('gives the config, its folder and its content folder from the project root', () => {
    expect(sitePaths('/p', '/p/tests/fixtures/xss-city/site.config.ts', 'content')).toEqual({
      config: 'tests/fixtures/xss-city/site.config.ts',
      dir: 'tests/fixtures/xss-city',
      content: 'tests/fixtures/xss-city/content',
    });
    expect(sitePaths('/p', 'site.config.ts', 'pages/md')).toEqual({
      config: 'site.config.ts',
      dir: '.',
      content: 'pages/md',
    });
  });
});
