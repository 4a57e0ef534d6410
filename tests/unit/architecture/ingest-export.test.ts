import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedModules } from './imports.ts';

const LIB = join(import.meta.dirname, '../../../src/lib');

/** `from` → the src/lib modules its files import that lie under `to`. */
function importsInto(from: string, to: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(LIB, from), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const specifier of importedModules(source))
      if (specifier.startsWith('.') && join(entry.parentPath, specifier).startsWith(join(LIB, to)))
        found.push(`${entry.name}: ${specifier}`);
  }
  return found;
}

describe('the importer does not depend on the exporter', () => {
  it('finds an import into export/ when there is one', () => {
    expect(importsInto('export', 'hsds')).not.toEqual([]);
  });

  it('has no file in src/lib/ingest importing from src/lib/export (shared HSDS terms are in src/lib/hsds)', () => {
    expect(importsInto('ingest', 'export')).toEqual([]);
  });
});
