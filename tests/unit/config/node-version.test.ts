/**
 * The Node version is stated once: `engines.node` in package.json. The `node` devDependency
 * installs that Node for every `npm run` script, and `.nvmrc` names its major version for nvm;
 * this test keeps both equal to the statement, and the Node running the tests within it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../ingest/helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const stated = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node);

describe('one Node version', () => {
  it('is stated as a caret range in engines.node', () => {
    expect(stated).not.toBeNull();
  });

  it('is the one the node devDependency installs and .nvmrc names', () => {
    expect(pkg.devDependencies['node']).toBe(pkg.engines.node);
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(stated?.[1]);
  });

  it('is the one running the tests', () => {
    const [major, minor, patch] = process.versions.node.split('.').map(Number);
    const [wantMajor, wantMinor, wantPatch] = (stated ?? []).slice(1).map(Number);
    expect(major).toBe(wantMajor);
    expect((minor ?? 0) * 1e6 + (patch ?? 0)).toBeGreaterThanOrEqual((wantMinor ?? 0) * 1e6 + (wantPatch ?? 0));
  });
});
