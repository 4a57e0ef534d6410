/**
 * The browser editor (`/admin/`, Sveltia CMS) as LIP staff use it: its own page and policy, no
 * request to another site, and the whole journey: open the local repository, create an e-update
 * with the fields of the content schema, save it, and find it on a site built from that file.
 *
 * The editor's local mode reads and writes a folder through the File System Access API. A test
 * cannot answer the browser's folder picker, so the picker here returns a folder of the origin's
 * private file system holding a copy of the site's content folder (`demo/toronto/content/` for
 * the demo; and an empty `.git`, which the editor looks for); everything else is the editor as
 * shipped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { eUpdateSchema } from '../../src/lib/schema/content.ts';
import { copyProject } from '../../scripts/lib/project-copy.ts';
import { htmlFiles, readHtml } from './lib/html-audit.ts';

const dist = process.env.DIST ?? 'dist';
/** The built site's content folder from the repository root (`demo/toronto/content`), where the editor saves. */
const CONTENT = (JSON.parse(readFileSync('src/generated/site-paths.json', 'utf8')) as { content: string }).content;

/** `<content>/<collection>/<locale>/<file>.md` → text, for the collections the editor lists. */
function contentFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const collection of ['e-updates', 'events', 'news', 'stories', 'resources', 'fact-sheets']) {
    for (const locale of readdirSync(join(CONTENT, collection))) {
      for (const name of readdirSync(join(CONTENT, collection, locale))) {
        files[`${CONTENT}/${collection}/${locale}/${name}`] = readFileSync(
          join(CONTENT, collection, locale, name),
          'utf8',
        );
      }
    }
  }
  return files;
}

/** Opens the editor with the picker answered by a private folder that holds `files`. */
async function openLocalRepository(page: Page, files: Record<string, string>): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true }),
    });
  });
  await page.goto('/admin/', { waitUntil: 'domcontentloaded' });
  await page.evaluate(async (entries) => {
    const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    await repo.getDirectoryHandle('.git', { create: true });
    for (const [path, text] of Object.entries(entries)) {
      const parts = path.split('/');
      let dir = repo;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, files);
  await page.getByRole('button', { name: 'Work with Local Repository' }).click({ timeout: 90_000 });
}

/** Every file of the private repository copy under the content folder, by path (empty while it is being written). */
async function savedFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (content) => {
    const out: Record<string, string> = {};
    async function walk(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'file')
          out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
        else await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
      }
    }
    try {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
      for (const part of content.split('/')) dir = await dir.getDirectoryHandle(part);
      await walk(dir, `${content}/`);
    } catch {
      return {};
    }
    return out;
  }, CONTENT);
}

test.describe('browser editor', () => {
  // The editor is one 2 MB script; on a busy 2-core machine parsing it alone can take half a minute.
  test.describe.configure({ timeout: 3 * 60_000 });
  test('has its own page and policy, loads nothing from another site, and no public page loads it', async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        elsewhere.push(r.url());
    });
    await openLocalRepository(page, contentFiles());
    await expect(page.getByRole('button', { name: 'New' })).toBeVisible({ timeout: 60_000 });
    expect(elsewhere).toEqual([]);

    const html = readFileSync(join(dist, 'admin', 'index.html'), 'utf8');
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'self'; script-src 'self';/);
    const loaders = htmlFiles(dist).filter(
      (f) => f !== 'admin/index.html' && /sveltia|\/admin\//.test(readHtml(dist, f)),
    );
    expect(loaders).toEqual([]);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain('/admin/');
    expect(readFileSync(join(dist, 'admin', 'sveltia-cms.js'), 'utf8')).not.toContain('cdn.jsdelivr.net');
  });

  test('an e-update created in the editor is valid content and appears on the built site', async ({ page }) => {
    test.setTimeout(10 * 60_000);
    await openLocalRepository(page, contentFiles());
    await page.getByRole('button', { name: 'New' }).click();
    const editor = page.getByRole('group', { name: /Edit .*English.* Content/ });
    // The editor may set up the new entry's fields just after showing them, clearing what was
    // typed first (about one run in four): type the entry's title (the first; the sections
    // added below have titles too) until it stays.
    const title = editor.getByRole('textbox', { name: 'Title' }).first();
    await expect(async () => {
      await title.fill('Winter 2026 test edition');
      await expect(title).toHaveValue('Winter 2026 test edition', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await editor.getByRole('button', { name: 'Today' }).click();
    await editor.getByRole('spinbutton', { name: 'Issue' }).fill('7');
    await editor
      .getByRole('textbox', { name: 'Description' })
      .fill('Made in the browser editor by the end-to-end test.');
    for (const [section, title] of [
      ['News from the LIP', 'Council meets in January'],
      ['Building community capacity', 'Winter coat drive'],
    ] as const) {
      const field = editor.getByRole('group', { name: new RegExp(`${section}.*Field`) });
      await field.getByRole('button', { name: new RegExp(`Add .*${section}`) }).click();
      await field.getByRole('textbox', { name: 'Title' }).fill(title);
      await field.getByRole('textbox', { name: 'Text' }).fill(`${title}: details in the test.`);
    }
    await expect(title).toHaveValue('Winter 2026 test edition');
    await page.getByRole('button', { name: 'Save' }).click();

    // The editor wrote one new English file; it passes the same schema the build uses.
    const before = contentFiles();
    const added = async () => Object.keys(await savedFiles(page)).filter((path) => !(path in before));
    await expect.poll(added, { timeout: 60_000 }).toHaveLength(1);
    const [path] = await added();
    expect(path?.startsWith(`${CONTENT}/e-updates/en/`)).toBe(true);
    expect(path?.split('/').at(-1)).toMatch(/^[a-z0-9-]+\.md$/);
    const text = (await savedFiles(page))[path!]!;
    const name = path!.split('/').at(-1)!;
    const frontMatter = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
    expect(eUpdateSchema.safeParse(frontMatter).error?.issues ?? []).toEqual([]);
    expect(frontMatter).toMatchObject({ title: 'Winter 2026 test edition', issue: 7 });

    // A site built with the new file shows it (the small xss-city fixture, in a scratch copy).
    const tmp = mkdtempSync(join(tmpdir(), 'nsm-cms-'));
    try {
      const copy = join(tmp, 'project');
      copyProject(process.cwd(), copy);
      // The fixture's content folder, with the demo's content beside its own (as `npm test` builds it).
      const fixtureContent = join(copy, 'tests', 'fixtures', 'xss-city', 'content');
      cpSync(join(copy, CONTENT), fixtureContent, { recursive: true, force: false });
      writeFileSync(join(fixtureContent, 'e-updates', 'en', name), text);
      const env = { ...process.env, SITE_CONFIG: 'tests/fixtures/xss-city/site.config.ts' };
      for (const args of [
        ['run', 'data'],
        ['exec', '--', 'astro', 'build', '--outDir', join(tmp, 'site')],
      ]) {
        const run = spawnSync('npm', args, { cwd: copy, env, encoding: 'utf8' });
        expect(run.status, `${args.join(' ')}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`).toBe(0);
      }
      const page = readFileSync(join(tmp, 'site', 'en', 'e-updates', name.replace(/\.md$/, ''), 'index.html'), 'utf8');
      expect(page).toContain('Winter 2026 test edition');
      expect(page).toContain('Council meets in January');
      expect(page).toContain('Winter coat drive');
      expect(readFileSync(join(tmp, 'site', 'en', 'e-updates', 'index.html'), 'utf8')).toContain(
        'Winter 2026 test edition',
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
