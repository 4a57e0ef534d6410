/**
 * The static sweep (scripts/sweep.ts) on a tiny built site: every page's HTML is validated, not
 * only the first page of each type, and the validator that resolves its configuration once
 * (scripts/lib/validate-html.ts) reports exactly what a fresh html-validate does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { pageValidator, projectConfig, validateHtml } from '../../../scripts/lib/validate-html.ts';

const root = resolve(import.meta.dirname, '../../..');
const origin = 'https://example.org';
const services = ['a', 'b', 'c', 'd'];
const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function page(path: string, body = '<p>Text.</p>'): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Page ${path}</title>
    <meta name="description" content="A page of the test site.">
    <link rel="canonical" href="${origin}${path}">
  </head>
  <body>
    <main>
      <h1>Page ${path}</h1>
      <p><a href="/en/">Home</a> <a href="/en/services/a/#top">First service</a></p>
      ${body}
    </main>
  </body>
</html>
`;
}

/** A built site: the home page, four service pages (one page type) and 404.html. */
function site(bodies: Record<string, string> = {}): string {
  const dist = mkdtempSync(join(tmpdir(), 'sweep-test-'));
  made.push(dist);
  const paths = ['/en/', ...services.map((s) => `/en/services/${s}/`)];
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  };
  write('sitemap-index.xml', `<sitemapindex><sitemap><loc>${origin}/sitemap-0.xml</loc></sitemap></sitemapindex>`);
  write('sitemap-0.xml', `<urlset>${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`);
  for (const path of paths)
    write(`${path.slice(1)}index.html`, page(path, `<p id="top">Top.</p>${bodies[path] ?? ''}`));
  write('404.html', page('/404.html'));
  return dist;
}

function sweep(dist: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'scripts/sweep.ts'), dist, '--threads', '2', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('static sweep: HTML validation of every page', () => {
  it('validates every page by default and passes a valid site', () => {
    const r = sweep(site());
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('HTML validation of 6 pages (all)');
    expect(r.stdout).toContain('✔ every page passed');
    expect(r.status).toBe(0);
  });

  it('fails on invalid HTML in a page that is not the first of its type (sampling would have missed it)', () => {
    // /en/services/c/ is the third service page: `--sample` validates only the first of the type.
    const dist = site({ '/en/services/c/': '<ul><div>Not a list item</div></ul>' });
    const r = sweep(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /\/en\/services\/c\/: html-validate element-permitted-content \(line \d+:\d+\): <div> element is not permitted as content under <ul>/,
    );
    expect(r.stderr).toContain('✖ 1 problems on 1 pages');
    // The old default: the first page of each type plus a sample (none here), which passes.
    const sampled = sweep(dist, '--sample', '0', '--seed', '1');
    expect(sampled.stdout).toContain('HTML validation of 3 pages (sampled: every type + 0 others, seed 1');
    expect(sampled.status).toBe(0);
  });

  it('checks a redirect stub only for a built target, and reports one that points nowhere', () => {
    const dist = site();
    const stub = (to: string) =>
      `<!doctype html>\n<title>Redirecting to: ${to}</title>\n<meta http-equiv="refresh" content="0;url=${to}">\n<body><a href="${to}">${to}</a></body>`;
    mkdirSync(join(dist, 'en/old/1'), { recursive: true });
    writeFileSync(join(dist, 'en/old/1/index.html'), stub('/en/services/a/'));
    const good = sweep(dist);
    expect(good.stdout).toContain('1 redirects checked');
    expect(good.status).toBe(0);
    mkdirSync(join(dist, 'en/old/2'), { recursive: true });
    writeFileSync(join(dist, 'en/old/2/index.html'), stub('/en/services/gone/'));
    const bad = sweep(dist);
    expect(bad.stderr).toContain('/en/old/2/: redirects to /en/services/gone/, which is not built');
    expect(bad.status).toBe(1);
  });

  it('still validates the first page of each type and reports every invalid page', () => {
    const dist = site({
      '/en/services/a/': '<p id="top">Again.</p>',
      '/en/services/d/': '<img src="/x.png">',
    });
    const r = sweep(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/en\/services\/a\/: html-validate no-dup-id \(line \d+:\d+\)/);
    expect(r.stderr).toMatch(/\/en\/services\/d\/: html-validate wcag\/h37 \(line \d+:\d+\)/);
    expect(r.stderr).toContain('/en/services/d/: <img> /x.png: broken link');
  });
});

describe('validator with the configuration resolved once', () => {
  const pages = [
    page('/en/1/'),
    page('/en/2/', '<p id="x">One</p><p id="x">Two</p><form><input name="q"><input name="q"></form>'),
    page('/en/3/', '<ul><div>x</div></ul><img src="a.png"><button>Go</button><p style="color: red">Red</p>'),
    page(
      '/en/4/',
      '<nav><a href="/">Home</a></nav><nav><a href="/">Home</a></nav><input type="text"><div aria-label="Label">Text</div>',
    ),
    page('/en/2/', '<p id="x">One</p><p id="x">Two</p><form><input name="q"><input name="q"></form>'),
    '<div><span>no doctype, no html</div></span>',
    page('/en/1/'),
  ];

  it('gives every page the messages a fresh html-validate gives it, in any order', () => {
    const config = projectConfig();
    const reused = pageValidator(config);
    const expected = pages.map((html, i) => validateHtml(new HtmlValidate(config), html, `page-${i}.html`));
    expect(expected.slice(1, 6).every((m) => m.length > 0)).toBe(true); // the fixtures do exercise the rules
    expect(expected[0]).toEqual([]);
    for (const order of [pages.keys(), [...pages.keys()].reverse()]) {
      for (const i of order) expect(validateHtml(reused, pages[i] ?? '', `page-${i}.html`)).toEqual(expected[i]);
    }
  });

  it('resolves the configuration once', () => {
    const validator = pageValidator();
    expect(validator.getConfigForSync('a.html')).toBe(validator.getConfigForSync('b.html'));
    expect(new HtmlValidate(projectConfig()).getConfigForSync('a.html')).not.toBe(
      new HtmlValidate(projectConfig()).getConfigForSync('a.html'),
    );
  });
});
