/**
 * The starter (`starter/`) a new LIP copies: its config passes the data step with its own
 * placeholder data, its folder holds no Toronto text, and every page it brings says "to do".
 * tests/e2e/starter.spec.ts builds the whole site from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLeftovers, parseMarkers } from '../../../src/lib/adopt/leftovers.ts';
import { validateContent, type ContentCollection } from '../../../src/lib/schema/content.ts';
import { frontMatter } from '../content/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const starter = join(root, 'starter');
const out = mkdtempSync(join(tmpdir(), 'nsm-starter-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name)) : [join(dir, name)],
  );
}

describe('the starter', () => {
  it('builds its data with no problem and the paths the site reads', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-data.ts'), '--out', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITE_CONFIG: 'starter/site.config.ts' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('3 services in 4 areas; 0 issues');
    expect(JSON.parse(readFileSync(join(out, 'site-paths.json'), 'utf8'))).toEqual({
      config: 'starter/site.config.ts',
      dir: 'starter',
      content: 'starter/content',
    });
  });
  it('holds no Toronto text (the demo’s leftover markers find nothing)', () => {
    const markers = parseMarkers(readFileSync(join(root, 'demo/toronto/leftovers.txt'), 'utf8'));
    const files = filesIn(starter).map((path) => ({ path: relative(starter, path), text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(10);
    expect(findLeftovers(files, markers)).toEqual([]);
  });
  it('brings content the schemas accept, in English and French alike', () => {
    for (const collection of ['fact-sheets', 'e-updates', 'news'] as ContentCollection[]) {
      const en = readdirSync(join(starter, 'content', collection, 'en')).sort();
      expect(readdirSync(join(starter, 'content', collection, 'fr')).sort(), collection).toEqual(en);
      for (const locale of ['en', 'fr'])
        for (const name of en) {
          const path = join(starter, 'content', collection, locale, name);
          expect(validateContent(collection, path, frontMatter(new URL(`file://${path}`)))).toEqual([]);
        }
    }
  });
  it('pages have a title and a description (front matter that parses)', () => {
    for (const file of filesIn(join(starter, 'content/pages')))
      expect(frontMatter(file), file).toEqual({ title: expect.any(String), description: expect.any(String) });
  });
  it('marks every page it brings as to do, in each language, and its data as not real', () => {
    for (const file of filesIn(join(starter, 'content/pages'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(
        file.includes('/fr/') ? /\*\*À faire : remplacez cette page\.\*\*/ : /\*\*To do: replace this page\.\*\*/,
      );
    }
    for (const folder of ['news', 'e-updates'])
      for (const file of filesIn(join(starter, 'content', folder)))
        expect(readFileSync(file, 'utf8'), file).toMatch(/^sample: true$/m);
    expect(readFileSync(join(starter, 'data/SOURCES.md'), 'utf8')).toContain(
      'They are not real and must not be published.',
    );
  });
});
