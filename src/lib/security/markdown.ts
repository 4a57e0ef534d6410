/**
 * Markdown bodies are written by many hands (staff editing in a browser), so their HTML is
 * reduced to an allow-list before it reaches a page, whatever the Content-Security-Policy does:
 * no script, iframe, object, embed, form, meta, link, style or event-handler attribute, links
 * only to http(s), mailto, tel or paths on the site, images only from the site (an image from
 * another host becomes a link to it). `astro.config.mjs` runs this after `rehype-raw`, which
 * parses raw HTML into the tree one Markdown node at a time, so an unclosed `<iframe>` cannot
 * swallow what follows. The removal itself is `hast-util-sanitize`'s; this plugin compares the
 * tree before and after and tells the author what was removed, with file and line.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { checkLink, checkSitePath, checkWebUrl } from './urls.ts';

/** Elements removed together with everything inside them (their text is code or markup, not prose). */
const STRIP = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'textarea',
  'title',
  'svg',
  'math',
  'select',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'audio',
  'video',
  'canvas',
  'head',
];

/** What Markdown content may contain; everything else is removed (elements not listed are unwrapped, their text kept). */
export const MARKDOWN_SCHEMA: Schema = {
  tagNames: [
    'a',
    'abbr',
    'b',
    'bdi',
    'bdo',
    'blockquote',
    'br',
    'caption',
    'cite',
    'code',
    'dd',
    'del',
    'details',
    'dfn',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    'rp',
    'rt',
    'ruby',
    's',
    'samp',
    'section',
    'small',
    'span',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'time',
    'tr',
    'u',
    'ul',
    'var',
    'wbr',
  ],
  attributes: {
    '*': ['lang', 'title', ['dir', 'ltr', 'rtl', 'auto']],
    // GFM footnotes: their ids are prefixed (clobber) so they cannot shadow the page's own.
    a: [
      'href',
      'id',
      'ariaDescribedBy',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    li: ['id', 'value'],
    h2: ['id', ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    img: ['src', 'alt', 'width', 'height'],
    td: ['align', 'colSpan', 'rowSpan'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    ol: ['start', 'reversed'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    time: ['dateTime'],
    details: ['open'],
    code: [['className', /^language-[\w-]+$/]],
  },
  protocols: { href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'], src: ['http', 'https'] },
  clobberPrefix: 'user-content-',
  clobber: ['ariaDescribedBy', 'id'],
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'] },
  strip: STRIP,
  allowComments: false,
  allowDoctypes: false,
};

/** Elements whose content the HTML parser reads as text up to their end tag (`plaintext` has none). */
const RAW_TEXT = ['iframe', 'noembed', 'noframes', 'noscript', 'script', 'style', 'textarea', 'title', 'xmp'];

/**
 * Runs before `rehype-raw`: a raw-text element opened in a piece of raw HTML and not closed in
 * it is closed there, and `<plaintext>` (which can never be closed) is read as `<xmp>`, so an
 * unclosed `<iframe>` or `<script>` cannot turn the Markdown after it into its text. Everything
 * such an element holds is removed by the sanitiser anyway.
 */
export function rehypeCloseRawText() {
  return (tree: Root): void => {
    // `raw` nodes (HTML as written) come from remark-rehype and are not in hast's own types.
    interface Node {
      type: string;
      value?: string;
      children?: Node[];
    }
    const visit = (node: Node): void => {
      if (node.type === 'raw' && typeof node.value === 'string') {
        let html = node.value.replace(/<(\/?)plaintext\b/gi, '<$1xmp');
        for (const tag of RAW_TEXT) {
          const opened = (html.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length;
          const closed = (html.match(new RegExp(`</${tag}\\s*>`, 'gi')) ?? []).length;
          if (opened > closed) html += `</${tag}>`.repeat(opened - closed);
        }
        node.value = html;
      }
      node.children?.forEach(visit);
    };
    visit(tree as Node);
  };
}

/** Told once per removed construct: the line in the Markdown file (when known) and what happened. */
export type MarkdownReport = (line: number | undefined, message: string) => void;

/** hast property name → the HTML attribute an author wrote (`onError` → `onerror`, `className` → `class`). */
function attributeName(property: string): string {
  const special: Record<string, string> = {
    className: 'class',
    htmlFor: 'for',
    httpEquiv: 'http-equiv',
    acceptCharset: 'accept-charset',
  };
  if (special[property]) return special[property];
  if (/^(?:data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

const isElement = (node: Nodes): node is Element => node.type === 'element';

/** Every element of the tree; what a stripped element holds goes with it and is not listed. */
function* elements(node: Nodes): Generator<Element> {
  if (isElement(node)) yield node;
  if (isElement(node) && STRIP.includes(node.tagName)) return;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

/** Every element and attribute in the tree, as `<tag>` and `<tag attr>` (`<a href="…">` for links), with its line. */
function inventory(tree: Nodes): Map<string, number | undefined> {
  const seen = new Map<string, number | undefined>();
  const count = new Map<string, number>();
  const add = (key: string, line: number | undefined) => {
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    seen.set(`${key}#${String(n)}`, line);
  };
  for (const el of elements(tree)) {
    const line = el.position?.start.line;
    add(`<${el.tagName}>`, line);
    for (const [name, value] of Object.entries(el.properties)) {
      if (value === undefined || value === null || value === false) continue;
      add(`<${el.tagName} ${attributeName(name)}>`, line);
    }
  }
  return seen;
}

/** Text of an element's descendants (the alt text of a rewritten image is its own). */
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Checks the addresses the sanitiser cannot judge: an image must be on the site (one from
 * another http(s) host becomes a link to it, anything else is removed), a link target must pass
 * {@link checkLink}. Returns what it did, for the report.
 */
function checkAddresses(tree: Root, report: MarkdownReport): void {
  const visit = (parent: Root | Element): void => {
    parent.children = parent.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child as ElementContent];
      const line = child.position?.start.line;
      if (child.tagName === 'img') {
        const src = text(child.properties['src']);
        if (checkSitePath(src) !== undefined) {
          if (checkWebUrl(src) === undefined) {
            report(
              line,
              `image from another site ${JSON.stringify(src)} shown as a link (images must be files on this site, e.g. "/images/x.jpg")`,
            );
            const label = text(child.properties['alt']) || src;
            return [
              {
                type: 'element',
                tagName: 'a',
                properties: { href: src },
                children: [{ type: 'text', value: label }],
                ...(child.position ? { position: child.position } : {}),
              },
            ];
          }
          report(line, `image ${JSON.stringify(src.slice(0, 80))} removed: ${checkSitePath(src) ?? ''}`);
          return [];
        }
      }
      for (const property of ['href', 'cite'] as const) {
        const value = child.properties[property];
        if (value === undefined || value === null) continue;
        const reason = checkLink(String(value));
        if (reason !== undefined) {
          report(
            line,
            `${attributeName(property)} ${JSON.stringify(String(value).slice(0, 80))} on <${child.tagName}> removed: it ${reason}`,
          );
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- `property` is one of two literal keys ('href' | 'cite'), not data.
          delete child.properties[property];
        }
      }
      visit(child);
      // A link whose target was refused is plain text, not something that looks like a link.
      if (child.tagName === 'a' && child.properties['href'] === undefined && child.properties['id'] === undefined)
        return child.children;
      return [child];
    });
  };
  visit(tree);
}

/** Links to other sites open without telling them where the reader came from, as every other external link on the site. */
function markExternalLinks(tree: Nodes): void {
  for (const el of elements(tree)) {
    if (el.tagName === 'a' && typeof el.properties['href'] === 'string' && /^https?:/i.test(el.properties['href'])) {
      el.properties['rel'] = ['noopener', 'noreferrer'];
    }
  }
}

/**
 * Sanitises a Markdown body's HTML tree (after `rehype-raw`) and reports every removed element,
 * attribute and address. Pure: the caller decides how a report is shown.
 */
export function sanitizeMarkdownTree(tree: Root, report: MarkdownReport): Root {
  checkAddresses(tree, report);
  const before = inventory(tree);
  const clean = sanitize(tree, MARKDOWN_SCHEMA) as Root;
  const after = inventory(clean);
  const removed = [...before]
    .filter(([key]) => !after.has(key))
    .map(([key, line]) => ({ what: key.replace(/#\d+$/, ''), line }));
  // An element removed whole is told once, not once more for each of its attributes.
  const gone = new Set(
    removed.filter((r) => !r.what.includes(' ')).map((r) => `${r.what.slice(1, -1)}@${String(r.line)}`),
  );
  for (const { what, line } of removed) {
    const tag = /^<([^ >]+)/.exec(what)?.[1] ?? '';
    if (what.includes(' ')) {
      if (!gone.has(`${tag}@${String(line)}`))
        report(line, `attribute ${what} removed (not allowed in Markdown content)`);
    } else {
      report(
        line,
        STRIP.includes(tag)
          ? `${what} removed with its content (not allowed in Markdown content)`
          : `${what} removed, its text kept (not allowed in Markdown content)`,
      );
    }
  }
  markExternalLinks(clean);
  return clean;
}

/**
 * The rehype plugin for Astro's Markdown pipeline (`astro.config.mjs`). `warn` gets one line per
 * removed construct; `where` turns the file and the line in the Markdown body into what the
 * author is shown (Astro renders the body without its front matter), e.g. `content/x.md:12`.
 */
export function rehypeSafeMarkdown(
  options: {
    warn?: (message: string) => void;
    where?: (path: string | undefined, line: number | undefined) => string;
  } = {},
) {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const where =
    options.where ?? ((path, line) => `${path ?? 'Markdown'}${line === undefined ? '' : `:${String(line)}`}`);
  return (tree: Root, file: { path?: string }): Root => {
    const told = new Set<string>();
    return sanitizeMarkdownTree(tree, (line, message) => {
      const full = `${where(file.path, line)}: ${message}`;
      if (!told.has(full)) warn(full);
      told.add(full);
    });
  };
}
