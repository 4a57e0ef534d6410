/**
 * `node scripts/sweep.ts [dist]`: static checks over every page of a built site, driven by its
 * sitemap, plus every built `…/index.html` the sitemap leaves out (untranslated fallback pages)
 * and 404.html; e-mail editions (`email.html`) are mail, not pages, and are not swept.
 * No browser: each page is parsed with htmlparser2, spread over worker threads. Method, rules and options: docs/sweeps.md.
 *
 * Every page: a title, a description, `lang` (matching its locale), exactly one `h1`, an absolute
 * canonical URL on the site pointing at a built page; every internal link, stylesheet, script,
 * image and form target resolves to a built file; every `#fragment` to an id on its target page;
 * a link from one locale's page to another locale's page carries `hreflang` or `lang`.
 * HTML validity (html-validate, rules in .htmlvalidate.json): every page, its whole HTML. For a
 * quick local run, `--sample N` validates only the first page of every page type, the home page
 * of every locale and N seeded random others (seed from `--seed` or `SWEEP_SEED`, else random,
 * printed); the structural checks still cover every page.
 * Exits 1 with a report when any check fails; `--json FILE` writes the counts.
 */
import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Parser } from 'htmlparser2';
import type { ConfigData } from 'html-validate';
import { pageType, sitemapPaths, splitPagePath } from './lib/page-types.ts';
import { sample, seedFrom } from './lib/random.ts';
import { pageValidator, projectConfig, validateHtml } from './lib/validate-html.ts';
import { redirectTarget } from './lib/redirect-stub.ts';
import { cliArgs as readArgs } from './lib/cli.ts';

interface LinkRef {
  /** Element that holds the URL: `a`, `link`, `script`, `img`, `form` … */
  tag: string;
  href: string;
  /** `hreflang` or `lang` on the link or an element inside it. */
  langMarked: boolean;
  /** The `lang` the link inherits from its ancestors (e.g. an untranslated text's wrapper). */
  inherited?: string;
}

interface PageFacts {
  path: string;
  file: string;
  lang: string;
  title: string;
  description: string;
  h1: number;
  canonical: string;
  ids: string[];
  links: LinkRef[];
  problems: string[];
}

interface WorkerInput {
  dist: string;
  pages: { path: string; file: string; validate: boolean }[];
  config: ConfigData;
}

/** A worker's messages: its pages' facts in batches (so neither thread holds them all twice), then the end. */
type WorkerMessage = { results: PageFacts[] } | { done: true; validateMs: number };
const BATCH = 500;

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  use: ['href'],
};

/** Parses one page: the facts the checks need, in one pass. */
function parsePage(html: string): Omit<PageFacts, 'path' | 'file' | 'problems'> {
  const facts = {
    lang: '',
    title: '',
    description: '',
    h1: 0,
    canonical: '',
    ids: [] as string[],
    links: [] as LinkRef[],
  };
  let inTitle = false;
  let inSvgOrTemplate = 0;
  const anchors: LinkRef[] = []; // open <a> elements
  const langs: string[] = []; // inherited lang of every open element
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html') facts.lang = attrs['lang'] ?? '';
        langs.push(attrs['lang'] ?? langs[langs.length - 1] ?? '');
        if (name === 'title' && inSvgOrTemplate === 0) inTitle = true;
        if (name === 'template') inSvgOrTemplate += 1;
        if (name === 'h1') facts.h1 += 1;
        if (attrs['id'] !== undefined) facts.ids.push(attrs['id']);
        if (name === 'a' && attrs['name'] !== undefined) facts.ids.push(attrs['name']);
        if (name === 'meta' && attrs['name'] === 'description') facts.description = attrs['content'] ?? '';
        if (name === 'link' && attrs['rel'] === 'canonical') facts.canonical = attrs['href'] ?? '';
        if (attrs['lang'] !== undefined || attrs['hreflang'] !== undefined)
          for (const a of anchors) a.langMarked = true;
        for (const attr of URL_ATTRS[name] ?? []) {
          const value = attrs[attr] ?? (name === 'use' ? attrs['xlink:href'] : undefined);
          if (value === undefined) continue;
          // rel=alternate/canonical to the production origin are checked separately.
          const link: LinkRef = {
            tag: name,
            href: value,
            langMarked: attrs['hreflang'] !== undefined || attrs['lang'] !== undefined,
            inherited: langs[langs.length - 2] ?? '',
          };
          facts.links.push(link);
          if (name === 'a') anchors.push(link);
        }
        if (name === 'a' && attrs['href'] === undefined) anchors.push({ tag: 'a', href: '', langMarked: false });
      },
      ontext(text) {
        if (inTitle) facts.title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'template') inSvgOrTemplate -= 1;
        if (name === 'a') anchors.pop();
        langs.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  facts.title = facts.title.trim();
  return facts;
}

function workerMain(input: WorkerInput): void {
  const validator = pageValidator(input.config);
  let results: PageFacts[] = [];
  let validateMs = 0;
  for (const page of input.pages) {
    const html = readFileSync(join(input.dist, page.file), 'utf8');
    const facts: PageFacts = { ...parsePage(html), path: page.path, file: page.file, problems: [] };
    if (page.validate) {
      const t0 = performance.now();
      facts.problems.push(...validateHtml(validator, html, page.file));
      validateMs += performance.now() - t0;
    }
    results.push(facts);
    if (results.length === BATCH) {
      parentPort?.postMessage({ results } satisfies WorkerMessage);
      results = [];
    }
  }
  parentPort?.postMessage({ results } satisfies WorkerMessage);
  parentPort?.postMessage({ done: true, validateMs } satisfies WorkerMessage);
}

if (!isMainThread) {
  workerMain(workerData as WorkerInput);
} else {
  await main();
}

/** `sweep [dist] [--sample N] [--seed S] [--json file] [--threads N] [--max N]` */
function cliArgs(): {
  dist: string | undefined;
  arg: (name: 'sample' | 'seed' | 'json' | 'threads' | 'max') => string | undefined;
} {
  const { values, positionals } = readArgs('sweep', {
    options: {
      sample: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      threads: { type: 'string' },
      max: { type: 'string' },
    },
    allowPositionals: true,
  });
  return { dist: positionals[0], arg: (name) => values[name] };
}

/** Every file under dist, as `/`-separated paths relative to it. */
function listFiles(dir: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.add(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files;
}

/** A URL path → the built file a static host serves for it, or undefined. */
function fileFor(pathname: string, files: Set<string>): string | undefined {
  const clean = pathname.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return files.has(`${clean}index.html`) ? `${clean}index.html` : undefined;
  return files.has(clean) ? clean : undefined;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cli = cliArgs();
  const arg = cli.arg;
  const dist = resolve(cli.dist ?? 'dist');
  // HTML validation of every page unless `--sample N` asks for a quick sampled run.
  const sampling = arg('sample') !== undefined;
  const sampleSize = Number(arg('sample') ?? 0);
  const seed = sampling ? seedFrom(arg('seed') ?? process.env.SWEEP_SEED) : undefined;
  if (sampling && !(Number.isInteger(sampleSize) && sampleSize >= 0)) {
    console.error(`✖ --sample needs a number of pages (got ${arg('sample')}).`);
    process.exit(1);
  }
  const jsonOut = arg('json');
  if (!existsSync(join(dist, 'sitemap-index.xml')) && !existsSync(join(dist, 'sitemap-0.xml'))) {
    console.error(`✖ No sitemap in ${dist}: build the site first (npm run build).`);
    process.exit(1);
  }
  const config = projectConfig();
  const files = listFiles(dist);
  const read = (name: string) => (files.has(name) ? readFileSync(join(dist, name), 'utf8') : undefined);
  // The sitemap's pages, then every other built page (untranslated fallbacks are kept out of
  // the sitemap but are still pages a reader reaches), and the 404 page.
  const listed = sitemapPaths(read);
  const inSitemap = new Set(listed);
  const unlisted = [...files]
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`)
    // The browser editor (/admin/) is an application with its own policy, not a page of the site (tests/e2e/cms.spec.ts).
    .filter(
      (p) => !inSitemap.has(p) && !p.startsWith('/pagefind/') && !p.startsWith('/_astro/') && !p.startsWith('/admin/'),
    );
  // Redirect stubs (old addresses Astro's `redirects` config answers with a meta refresh) are not
  // pages: each only has to point at a page that is built.
  const problems: string[] = [];
  const stubs = unlisted.filter((p) => {
    const target = redirectTarget(read(fileFor(p, files) ?? '') ?? '');
    if (target === undefined) return false;
    if (!fileFor(target, files)) problems.push(`${p}: redirects to ${target}, which is not built`);
    return true;
  });
  const redirects = new Set(stubs);
  const paths = [...listed, ...unlisted.filter((p) => !redirects.has(p)), '/404.html'];
  const locales = [...new Set(paths.map((p) => p.split('/')[1] ?? '').filter((s) => s && !s.includes('.')))];
  const siteOrigin = (() => {
    const first = /<loc>([^<]+)<\/loc>/.exec(read('sitemap-0.xml') ?? '')?.[1];
    return first ? new URL(first).origin : '';
  })();

  const pages: { path: string; file: string; validate: boolean }[] = [];
  for (const path of paths) {
    const file = fileFor(path, files);
    if (!file) problems.push(`${path}: listed in the sitemap but not built`);
    else pages.push({ path, file, validate: !sampling });
  }
  // `--sample N`: the first page of each type, per locale for the home page, plus the sample.
  const typeOf = (p: string) => `${pageType(splitPagePath(p, locales).path)}${p.startsWith('/404') ? ' 404' : ''}`;
  if (sampling && seed !== undefined) {
    const seenTypes = new Set<string>();
    for (const page of pages) {
      const key = `${splitPagePath(page.path, locales).locale ?? '-'} ${typeOf(page.path)}`;
      const typeKey = typeOf(page.path);
      if (!seenTypes.has(typeKey) || (typeKey === 'home' && !seenTypes.has(key))) page.validate = true;
      seenTypes.add(typeKey);
      seenTypes.add(key);
    }
    for (const page of sample(
      pages.filter((p) => !p.validate),
      sampleSize,
      seed,
    ))
      page.validate = true;
  }
  const validated = pages.filter((p) => p.validate).length;
  console.log(
    `Sweep of ${dist}: ${pages.length} pages (${listed.length} in the sitemap, ${unlisted.length - stubs.length} built but not listed, 404; ${stubs.length} redirects checked) in ${locales.length} locales; HTML validation of ${validated} pages (${sampling ? `sampled: every type + ${sampleSize} others, seed ${seed}, SWEEP_SEED=${seed} to repeat` : 'all'}).`,
  );

  // Spread the pages over the workers, interleaved so each gets every kind of page.
  const threads = Math.max(1, Math.min(availableParallelism(), Number(arg('threads') ?? 8)));
  const chunks: (typeof pages)[] = Array.from({ length: threads }, () => []);
  pages.forEach((p, i) => chunks[i % threads]?.push(p));
  const results: PageFacts[] = [];
  let validateMs = 0;
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { dist, pages: chunk, config } satisfies WorkerInput,
          });
          worker.on('message', (message: WorkerMessage) => {
            if ('results' in message) {
              for (const facts of message.results) results.push(facts);
            } else {
              validateMs += message.validateMs;
              done();
            }
          });
          worker.once('error', fail);
          worker.once('exit', (code) => fail(new Error(`sweep worker stopped (exit code ${code}) before it finished`)));
        }),
    ),
  );
  const order = new Map(pages.map((p, i) => [p.file, i]));
  results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)); // report in sitemap order
  const parsedAt = performance.now();

  const byFile = new Map(results.map((r) => [r.file, r]));
  const idsOf = (file: string): Set<string> | undefined => {
    const known = byFile.get(file);
    if (known) return new Set(known.ids);
    return undefined;
  };
  const idCache = new Map<string, Set<string> | undefined>();
  let failedPages = 0;
  const counts = { links: 0, anchors: 0, crossLocale: 0 };
  for (const page of results) {
    const own: string[] = [...page.problems];
    const { locale } = splitPagePath(page.path, locales);
    if (!page.title) own.push('no <title>');
    if (!page.description.trim()) own.push('no meta description');
    if (!page.lang) own.push('no lang on <html>');
    if (page.h1 !== 1) own.push(`${page.h1} h1 elements (one expected)`);
    if (!page.canonical) own.push('no canonical link');
    else {
      const canonical = new URL(page.canonical, `${siteOrigin}${page.path}`);
      if (siteOrigin && canonical.origin !== siteOrigin)
        own.push(`canonical ${page.canonical} is not on ${siteOrigin}`);
      else if (!fileFor(canonical.pathname, files)) own.push(`canonical ${page.canonical} points at no built page`);
    }
    const pageUrl = new URL(page.path, siteOrigin || 'https://site.invalid');
    for (const link of page.links) {
      const href = link.href.trim();
      if (href === '' || /^(mailto|tel|sms|data|blob|javascript):/i.test(href)) continue;
      let target: URL;
      try {
        target = new URL(href, pageUrl);
      } catch {
        own.push(`<${link.tag}> ${href}: not a URL`);
        continue;
      }
      if (target.origin !== pageUrl.origin) continue; // other sites are not checked here
      if (link.tag === 'link' && /^https?:/i.test(href) && !fileFor(target.pathname, files)) {
        own.push(`<link> ${href}: points at no built file`);
        continue;
      }
      counts.links += 1;
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        own.push(`<${link.tag}> ${href}: bad percent-encoding`);
        continue;
      }
      const file = fileFor(pathname, files);
      if (!file) {
        const hint =
          !pathname.endsWith('/') && files.has(`${pathname.replace(/^\//, '')}/index.html`)
            ? ' (missing trailing slash)'
            : '';
        own.push(`<${link.tag}> ${href}: broken link${hint}`);
        continue;
      }
      if (target.hash.length > 1 && file.endsWith('.html')) {
        counts.anchors += 1;
        if (!idCache.has(file)) idCache.set(file, idsOf(file));
        const ids = idCache.get(file);
        const id = decodeURIComponent(target.hash.slice(1));
        if (ids && !ids.has(id)) own.push(`<${link.tag}> ${href}: no element with id "${id}" on ${file}`);
      }
      if (link.tag === 'a' && locale) {
        const targetLocale = splitPagePath(pathname, locales).locale;
        if (targetLocale && targetLocale !== locale) {
          counts.crossLocale += 1;
          // Marked on the link, or the link sits in text marked as the target's language.
          const targetLang = byFile.get(file)?.lang.toLowerCase().split('-')[0];
          const inherited = link.inherited?.toLowerCase().split('-')[0];
          if (
            !link.langMarked &&
            !(inherited && inherited === targetLang && inherited !== page.lang.toLowerCase().split('-')[0])
          )
            own.push(`<a> ${href}: leads to another language (${targetLocale}) without hreflang or lang`);
        }
      }
    }
    if (locale && page.lang) {
      // `<html lang>` must be the route's language (BCP 47, compared case-insensitively by prefix).
      const primary = page.lang.toLowerCase();
      const expected = locale.toLowerCase();
      if (!(primary === expected || primary.startsWith(`${expected}-`) || expected.startsWith(`${primary}-`)))
        own.push(`lang="${page.lang}" on a /${locale}/ page`);
    }
    if (own.length > 0) {
      failedPages += 1;
      problems.push(...own.map((p) => `${page.path}: ${p}`));
    }
  }

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Checked ${results.length} pages (${counts.links} internal links, ${counts.anchors} fragment links, ${counts.crossLocale} links to another language), HTML-validated ${validated}, in ${seconds.toFixed(1)} s (parse + validate ${((parsedAt - started) / 1000).toFixed(1)} s on ${threads} threads; html-validate ${(validateMs / 1000).toFixed(1)} thread-s, ${validated > 0 ? (validateMs / validated).toFixed(1) : '0'} ms per page).`,
  );
  if (jsonOut)
    writeFileSync(
      jsonOut,
      JSON.stringify({
        pages: results.length,
        passed: results.length - failedPages,
        failed: failedPages + (problems.length > 0 && failedPages === 0 ? 1 : 0),
        validated,
        seed: seed ?? null,
        seconds,
        validateSeconds: validateMs / 1000,
      }),
    );
  if (problems.length > 0) {
    const shown = problems.slice(0, Number(arg('max') ?? 200));
    console.error(`\n✖ ${problems.length} problems on ${failedPages} pages:\n${shown.map((p) => `  ${p}`).join('\n')}`);
    if (problems.length > shown.length) console.error(`  … and ${problems.length - shown.length} more`);
    if (sampling)
      console.error(
        `\nRepeat with: SWEEP_SEED=${seed} node scripts/sweep.ts ${relative(process.cwd(), dist) || '.'} --sample ${sampleSize}`,
      );
    process.exit(1);
  }
  console.log('✔ every page passed');
}
