/**
 * A corrupt data file at build time: `npm run data` (scripts/build-data.ts) stops with a
 * non-zero exit and the exact error (file, field, reason), and writes nothing: the outputs of
 * the last good build stay as they were. `npm run build` runs the data step first and stops
 * there (`npm run data && astro build && pagefind`), so Astro never starts and `dist` is not
 * touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'nsm-corrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** City B's files copied to a temp folder, with its config re-exported from there. */
function cityBCopy(name: string, corrupt: (dir: string) => void): string {
  const dir = join(work, name);
  const src = join(FIXTURES, 'city-b');
  spawnSync('mkdir', ['-p', dir]);
  for (const f of readdirSync(src)) if (f !== 'site.config.ts') copyFileSync(join(src, f), join(dir, f));
  writeFileSync(
    join(dir, 'site.config.ts'),
    `export { default } from ${JSON.stringify(pathToFileURL(join(src, 'site.config.ts')).href)};\n`,
  );
  corrupt(dir);
  return join(dir, 'site.config.ts');
}

function runData(config: string, out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build-data.ts'), '--config', config, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('a corrupt data file at build time', () => {
  const out = join(work, 'generated');

  it('a good build writes the outputs', () => {
    const good = runData(
      cityBCopy('good', () => undefined),
      out,
    );
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'areas.json',
      'boundary.json',
      'config.json',
      'postal-areas.json',
      'report.json',
      'services.json',
      'site-paths.json',
    ]);
  });

  it('truncated JSON: exit 1, the file and the parser error, nothing written', () => {
    const before = readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs, readFileSync(join(out, f), 'utf8')]);
    const config = cityBCopy('truncated', (dir) => {
      const text = readFileSync(join(dir, 'hsds.json'), 'utf8');
      writeFileSync(join(dir, 'hsds.json'), text.slice(0, Math.floor(text.length / 2)));
    });
    const bad = runData(config, out);
    expect(bad.status).toBe(1);
    // The exact message: severity, file, field, reason with the parser's position.
    expect(bad.stderr).toMatch(
      /^ERROR hsds\.json \*: not valid JSON: .+ at position \d+ \(line \d+ column \d+\) \(skipped\)$/m,
    );
    expect(bad.stderr).toContain('Data build failed: 1 fatal problem(s); nothing was written.');
    expect(bad.stdout).toBe('');
    // The last good outputs are untouched, and no temporary file is left behind.
    expect(
      readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs, readFileSync(join(out, f), 'utf8')]),
    ).toEqual(before);
  });

  it('a missing file: exit 1, the exact error, the output folder not even created', () => {
    const config = cityBCopy('missing', (dir) => {
      rmSync(join(dir, 'zones.geojson'));
    });
    const bad = runData(config, join(work, 'never'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^ERROR zones\.geojson \*: file not found \(looked in \S+\/\) \(skipped\)$/m);
    expect(() => readdirSync(join(work, 'never'))).toThrow();
  });

  it('npm run build runs the data step first, strict, and stops there', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toMatch(/^npm run data -- --strict && astro build/);
  });
});
