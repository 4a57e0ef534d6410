/**
 * Golden files (input → expected output, the way Turf's fixture tests work): a test compares
 * its output with `tests/fixtures/golden/<name>`; `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden`
 * rewrites the expected files after a deliberate change (review the diff before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from '../ingest/helpers.ts';

export const GOLDEN = join(FIXTURES, 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/unit/golden`);
  expect(actual, `${name} (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`).toBe(readFileSync(file, 'utf8'));
}
