/**
 * A small static audit of built HTML, for the security tests: inline scripts, inline styles,
 * external links without `rel="noopener noreferrer"`, form actions, the CSP meta element.
 * Astro writes well-formed HTML with quoted attributes, so a tag tokenizer is enough here
 * (no HTML parser dependency); script bodies and comments are skipped before tags are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { redirectTarget } from '../../../scripts/lib/redirect-stub.ts';

export interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
}

/** Every file under `dir` whose name matches (Pagefind's and Astro's asset folders skipped), as paths relative to it. */
export function builtFiles(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      } else if (name.test(entry.name)) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every `.html` file under `dir`, as paths relative to it. */
/** A redirect stub of an old address (Astro's `redirects`): a meta refresh and a link, no page. */
export function isRedirectStub(html: string): boolean {
  return redirectTarget(html) !== undefined;
}

export function htmlFiles(dir: string): string[] {
  return builtFiles(dir, /\.html$/);
}

const decode = (s: string): string =>
  s.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/gi,
    (whole, dec?: string, hex?: string, named?: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return (
        ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" } as Record<string, string>)[
          named?.toLowerCase() ?? ''
        ] ?? whole
      );
    },
  );

function parseAttrs(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of raw.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** Script elements with their attributes and whether they have a body. */
export function scripts(html: string): { attrs: Map<string, string>; body: string }[] {
  return [...html.matchAll(/<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    attrs: parseAttrs(m[1] ?? ''),
    body: m[2] ?? '',
  }));
}

/** Start tags of the given names, outside comments, scripts and styles. */
export function tags(html: string, names: readonly string[]): Tag[] {
  const clean = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '<script></script>')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '<style></style>');
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const out: Tag[] = [];
  for (const m of clean.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = m[1]!.toLowerCase();
    if (wanted.has(name) || wanted.has('*')) out.push({ name, attrs: parseAttrs(m[2] ?? '') });
  }
  return out;
}

/** A script that runs: no `src` and a JavaScript type (not JSON-LD or other data). */
export function isInlineExecutable(script: { attrs: ReadonlyMap<string, string>; body: string }): boolean {
  if (script.attrs.has('src')) return false;
  const type = (script.attrs.get('type') ?? '').trim().toLowerCase();
  const js = type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type);
  return js && script.body.trim() !== '';
}

/** True when `href` leaves the site (another origin than `siteOrigin`). */
export function isExternal(href: string, siteOrigin: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//')) return false;
  try {
    const url = new URL(href, siteOrigin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== siteOrigin;
  } catch {
    return false;
  }
}

export function readHtml(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
