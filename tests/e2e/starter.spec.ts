/**
 * The starter a new LIP begins from (`starter/`) builds into a whole site with no word of the
 * Toronto demo in it, and says "to do" where the LIP must write its own pages. Built in a
 * scratch copy of the project (its own src/generated), like tests/e2e/cms.spec.ts does, with
 * SITE_CONFIG pointing at the starter; then `npm run check:leftovers` runs on the result with
 * the Toronto demo's markers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { copyProject } from '../../scripts/lib/project-copy.ts';

test.describe('the starter', () => {
  // One small build (two languages, four areas, three services) on a shared 2-core machine.
  test.describe.configure({ timeout: 10 * 60_000 });
  const tmp = mkdtempSync(join(tmpdir(), 'nsm-starter-'));
  const site = join(tmp, 'site');
  test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('builds, leaves no Toronto text, and marks its pages as to do', () => {
    const copy = join(tmp, 'project');
    copyProject(process.cwd(), copy);
    const env = { ...process.env, SITE_CONFIG: 'starter/site.config.ts' };
    for (const args of [
      ['run', 'data'],
      ['exec', '--', 'astro', 'build', '--outDir', site],
    ]) {
      const run = spawnSync('npm', args, { cwd: copy, env, encoding: 'utf8' });
      expect(run.status, `${args.join(' ')}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`).toBe(0);
    }

    // The leftover check, as a LIP runs it, with the Toronto demo's markers (the default list).
    const check = spawnSync(process.execPath, ['scripts/check-leftovers.ts', site], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/^No leftover demo text \(\d+ files checked\)\.$/m);
    expect(check.status).toBe(0);

    // Placeholder pages say so, in each language, and the footer says the data are not real.
    const howTo = readFileSync(join(site, 'en', 'how-to-use', 'index.html'), 'utf8');
    expect(howTo).toMatch(/<blockquote>\s*<p><strong>To do: replace this page\.<\/strong>/);
    expect(readFileSync(join(site, 'fr', 'accessibility', 'index.html'), 'utf8')).toMatch(
      /<strong>À faire : remplacez cette page\.<\/strong>/,
    );
    expect(howTo).toContain('Placeholder data of the starter, not real.');
    const home = readFileSync(join(site, 'en', 'index.html'), 'utf8');
    expect(home).toContain('help newcomers settle in your region (to do).');
    expect(readFileSync(join(site, 'fr', 'index.html'), 'utf8')).toContain('à s’établir dans votre région (à faire).');
  });
});
