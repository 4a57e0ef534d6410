/**
 * Checks that the outputs no Content-Security-Policy protects stay inert, read the way their
 * readers read them: feeds as a feed reader does (every RSS field and every Atom `type="html"`
 * field rendered as HTML), email editions as a mail client does, CSV as a spreadsheet does
 * (with `,` or `;` as the separator). Each function returns one line per problem; empty = inert.
 * Used by the unit tests of the writers and by tests/e2e/xss.spec.ts on the built fixture site.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import Papa from 'papaparse';

/** An HTML tag, comment, doctype or CDATA opener: text that a reader rendering HTML would turn into markup. */
const LIVE_MARKUP = /<[a-zA-Z!?/]/;

/** Elements no feed has: their presence means a payload escaped its text or CDATA section. */
const PAYLOAD_ELEMENTS = new Set(['script', 'iframe', 'img', 'object', 'embed', 'svg', 'style', 'a', 'b']);

type XmlNode = string | number | boolean | { [key: string]: XmlNode } | XmlNode[];

/** Problems of an RSS 2.0 or Atom 1.0 document. */
export function feedProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(xml) as Record<
    string,
    XmlNode
  >;
  const problems: string[] = [];
  const atom = 'feed' in doc;
  // In RSS any field may be rendered as HTML; in Atom only `type="html"` (or xhtml) content is markup.
  const walk = (node: XmlNode, path: string, html: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${String(i)}]`, html));
    if (typeof node !== 'object') {
      const text = String(node);
      if (html && LIVE_MARKUP.test(text)) problems.push(`${path}: live markup ${JSON.stringify(text.slice(0, 80))}`);
      return;
    }
    const type = node['@_type'];
    const markupHere = !atom || type === 'html' || type === 'xhtml';
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@_')) continue;
      if (PAYLOAD_ELEMENTS.has(key.toLowerCase())) problems.push(`${path}.${key}: an element made by a payload`);
      if (key === '#text') walk(value, path, markupHere);
      else walk(value, `${path}.${key}`, !atom);
    }
  };
  walk(doc, atom ? 'feed' : 'rss', false);
  return problems;
}

/** Problems of an email edition: anything that runs, any load from another origin, any script link. */
export function emailProblems(html: string, siteOrigin: string): string[] {
  const problems: string[] = [];
  const visit = (node: ReturnType<typeof parseDocument>['children'][number]): void => {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as unknown as { name: string; attribs: Record<string, string>; children: (typeof node)[] };
      if (
        ['script', 'style', 'iframe', 'object', 'embed', 'form', 'link', 'base', 'svg', 'math'].includes(el.name) ||
        (el.name === 'meta' && el.attribs['http-equiv'] !== undefined)
      ) {
        problems.push(`<${el.name}> element`);
      }
      for (const [name, value] of Object.entries(el.attribs)) {
        if (/^on/i.test(name)) problems.push(`<${el.name} ${name}> event handler`);
        if (['href', 'src', 'action', 'background', 'poster', 'srcset'].includes(name)) {
          let url: URL | undefined;
          try {
            url = new URL(value);
          } catch {
            problems.push(`<${el.name} ${name}="${value}"> is not an absolute URL`);
          }
          if (url && url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:')
            problems.push(`<${el.name} ${name}="${value}"> uses ${url.protocol}`);
          if (url && name !== 'href' && url.origin !== siteOrigin)
            problems.push(`<${el.name} ${name}="${value}"> loads from ${url.origin}`);
        }
        if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value))
          problems.push(`<${el.name} style> loads or runs something`);
      }
      el.children.forEach(visit);
    }
  };
  parseDocument(html).children.forEach(visit);
  return problems;
}

/** A spreadsheet would read this text as a formula (`=`, `+`, `-`, `@`, tab, CR first; plain numbers excepted). */
const isFormula = (text: string) => /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:\.\d+)?$/.test(text);

/** Problems of a CSV download: a cell, or a part of a cell after `,` or `;`, that starts a formula. */
export function csvProblems(csv: string): string[] {
  const parsed = Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: true });
  const problems: string[] = parsed.errors.map((e) => `row ${String((e.row ?? 0) + 1)}: ${e.message}`);
  parsed.data.forEach((row, r) => {
    row.forEach((cell, c) => {
      for (const part of [cell, ...cell.split(/[;,]/).slice(1)]) {
        if (isFormula(part))
          problems.push(
            `row ${String(r + 1)}, column ${String(c + 1)}: ${JSON.stringify(cell.slice(0, 60))} starts a formula`,
          );
      }
    });
  });
  return problems;
}
