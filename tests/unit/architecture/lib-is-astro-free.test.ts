import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedModules } from './imports.ts';

const isAstro = (specifier: string) => /^astro(?:$|[/:])/.test(specifier) || specifier.startsWith('@astrojs/');

describe('src/lib is pure domain code', () => {
  it('finds imports of every form', () => {
    const source = `import { z } from 'astro/zod';\nimport type { A } from "astro:content";\nexport { b } from 'astro';\nimport 'astro:assets';\nconst m = await import('astro:env');`;
    expect(importedModules(source).filter(isAstro)).toEqual([
      'astro/zod',
      'astro:content',
      'astro',
      'astro:assets',
      'astro:env',
    ]);
  });

  it('has no file that imports astro, astro:* or an @astrojs package', () => {
    const root = join(import.meta.dirname, '../../../src/lib');
    const offenders: string[] = [];
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(?:ts|js|mjs)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      for (const specifier of importedModules(readFileSync(path, 'utf8')).filter(isAstro))
        offenders.push(`${relative(root, path)}: ${specifier}`);
    }
    expect(offenders).toEqual([]);
  });
});
