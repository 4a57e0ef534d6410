/**
 * The project's conventions as lint and format rules (eslint.config.js, prettier.config.mjs):
 * each rule catches what it is there for, so a config edit cannot switch one off unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import prettierConfig from '../../../prettier.config.mjs';
import { ROOT } from '../ingest/helpers.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The rules that fire on `code` as if it were the file at `path`. */
async function rulesFor(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result?.messages.map((m) => m.ruleId) ?? [];
}

describe('lint rules for the project’s conventions', () => {
  it('keeps Astro out of src/lib, and only there', async () => {
    for (const from of ['astro:content', 'astro/zod', 'astro']) {
      expect(await rulesFor('src/lib/x.ts', `import { z } from '${from}';\nexport const y = z;\n`)).toContain(
        'no-restricted-imports',
      );
    }
    expect(await rulesFor('src/lib/x.ts', "import { z } from 'zod';\nexport const y = z;\n")).toEqual([]);
    expect(
      await rulesFor(
        'src/components/x/data.ts',
        "import { getCollection } from 'astro:content';\nexport const y = getCollection;\n",
      ),
    ).toEqual([]);
  });

  it('refuses HTML strings into the DOM, in scripts and in components', async () => {
    for (const sink of [
      'el.innerHTML = s',
      'el.outerHTML = s',
      "el.insertAdjacentHTML('beforeend', s)",
      'popup.setHTML(s)',
    ]) {
      const code = `export function f(el: HTMLElement, popup: { setHTML(s: string): void }, s: string): void {\n  ${sink};\n  void popup;\n}\n`;
      expect(await rulesFor('src/components/x/element.ts', code)).toContain('no-restricted-properties');
    }
    const component =
      '---\nconst s = "<b>x</b>";\n---\n<p set:html={s} />\n<script>\n  document.body.innerHTML = "x";\n</script>\n';
    expect(await rulesFor('src/components/x/X.astro', component)).toEqual([
      'astro/no-set-html-directive',
      'no-restricted-properties',
    ]);
  });

  it('refuses non-null assertions in src/, in scripts and in components, and allows them in tests', async () => {
    const code =
      "export const f = (m: Map<string, number>, el: ParentNode) => [m.get('a')!, el.querySelector('b')!];\n";
    expect(await rulesFor('src/lib/x.ts', code)).toEqual([
      '@typescript-eslint/no-non-null-assertion',
      '@typescript-eslint/no-non-null-assertion',
    ]);
    expect(await rulesFor('src/components/x/element.ts', code)).toContain('@typescript-eslint/no-non-null-assertion');
    const component = '---\nconst m = new Map([["a", 1]]);\nconst a = m.get("a")!;\n---\n<p>{a}</p>\n';
    expect(await rulesFor('src/components/x/X.astro', component)).toEqual(['@typescript-eslint/no-non-null-assertion']);
    expect(await rulesFor('tests/unit/x.test.ts', code)).toEqual([]);
  });
});

describe('formatting', () => {
  it('tells the Astro plugin the whitespace Astro keeps (compressHTML in astro.config.mjs)', () => {
    const compress = /^\s*compressHTML:\s*(true|false),/m.exec(
      readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8'),
    )?.[1];
    const astroOptions = prettierConfig.overrides?.find((o) => o.files === '*.astro')?.options;
    expect(astroOptions?.['astroCompressHTML']).toBe(compress === 'false' ? 'none' : 'html');
  });
});
