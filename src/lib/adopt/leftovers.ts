/**
 * The leftover demo text check: finds text of the Toronto demo (or any demo) still present in
 * another LIP's built site. The demo declares its markers as data, a plain-text list beside its
 * config (`demo/toronto/leftovers.txt`); `npm run check:leftovers -- dist` reads the built files
 * and lists every file, line and snippet where a marker occurs (scripts/check-leftovers.ts).
 *
 * Marker list format, one entry a line:
 * - `# …` a comment; blank lines are ignored;
 * - `text` a marker, matched case-sensitively; runs of spaces in it match any run of white
 *   space (a no-break space too); where it starts or ends with a Latin letter or a digit, it
 *   matches only whole words (`ON` does not match `ONE`, `M5V` does not match `M5VX`);
 * - `/pattern/` a regular expression (Unicode mode) for facts with many spellings, such as
 *   Toronto's full postal codes; a literal text that starts and ends with `/` must be written so;
 * - `!text` an allowed phrase: a marker inside it is not reported (`!America/Toronto`, the time
 *   zone every Ontario city uses).
 */

/** A demo's markers: what must not remain, and the phrases in which a marker is expected. */
export interface LeftoverMarkers {
  /** Text that belongs to the demo only. */
  markers: string[];
  /** Phrases that contain a marker but are right for any adopter (a time zone, a federal body). */
  allowed: string[];
}

/** One built file, by its path relative to the build folder. */
export interface TextFile {
  path: string;
  text: string;
}

/** One occurrence of a marker. */
export interface LeftoverFinding {
  /** The file's path relative to the build folder. */
  file: string;
  /** 1-based line number in the file. */
  line: number;
  /** 1-based column (in characters) of the match in the line, after entity decoding for markup. */
  column: number;
  /** The marker that matched, as written in the list. */
  marker: string;
  /** The text around the match, white space collapsed, shortened with `…`. */
  snippet: string;
}

/** Parses a marker list (format above). Throws, naming the file and line, on a list with no marker or a bare `!`. */
export function parseMarkers(text: string, source = 'markers'): LeftoverMarkers {
  const markers: string[] = [];
  const allowed: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('!')) {
      const phrase = line.slice(1).trim();
      if (phrase === '')
        throw new Error(
          `${source}, line ${String(i + 1)}: "!" needs a phrase after it (an allowed phrase that contains a marker)`,
        );
      allowed.push(phrase);
    } else {
      if (isPattern(line)) {
        let re: RegExp;
        try {
          re = new RegExp(line.slice(1, -1), 'u');
        } catch (error) {
          throw new Error(
            `${source}, line ${String(i + 1)}: ${line} is not a valid regular expression (${(error as Error).message})`,
            { cause: error },
          );
        }
        if (re.test(''))
          throw new Error(
            `${source}, line ${String(i + 1)}: ${line} matches empty text, so it would be found everywhere`,
          );
      }
      markers.push(line);
    }
  });
  if (markers.length === 0)
    throw new Error(`${source}: no marker in the list (one text a line; "#" starts a comment, "!" an allowed phrase)`);
  return { markers: [...new Set(markers)], allowed: [...new Set(allowed)] };
}

const EDGE = /[\p{Script=Latin}\p{Nd}]/u;

/** `/…/`: a regular expression rather than a text. */
function isPattern(text: string): boolean {
  return text.length > 2 && text.startsWith('/') && text.endsWith('/');
}

/** A marker or phrase as a regular-expression source: literal text, white space flexible, whole words at Latin/digit edges. */
function patternOf(text: string): string {
  if (isPattern(text)) return `(?:${text.slice(1, -1)})`;
  const body = text
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  const before = EDGE.test(text.charAt(0)) ? '(?<![\\p{Script=Latin}\\p{Nd}])' : '';
  const after = EDGE.test(text.charAt(text.length - 1)) ? '(?![\\p{Script=Latin}\\p{Nd}])' : '';
  return `${before}${body}${after}`;
}

/** One regular expression matching any of the texts, in the order given, each in a group named `leftover<index>`. */
function alternation(texts: string[]): RegExp | undefined {
  if (texts.length === 0) return undefined;
  return new RegExp(texts.map((t, i) => `(?<leftover${String(i)}>${patternOf(t)})`).join('|'), 'gu');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a built page uses (named basics and numeric), so `Toronto&#39;s` reads as `Toronto's`. */
export function decodeReferences(line: string): string {
  return line.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const MARKUP = /\.(html?|xml|svg|rss|atom)$/i;
const SNIPPET_SIDE = 40;

function snippetAt(line: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_SIDE);
  const to = Math.min(line.length, end + SNIPPET_SIDE);
  const text = line.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${text}${to < line.length ? '…' : ''}`;
}

/**
 * Every occurrence of a marker in the files, in file order, then line and column. Markup files
 * (`.html`, `.xml`, `.svg`, feeds) are read with character references decoded. The inputs are
 * not changed.
 */
export function findLeftovers(files: Iterable<TextFile>, list: LeftoverMarkers): LeftoverFinding[] {
  // Longest first, so "Toronto Public Library" is reported as itself rather than as "Toronto".
  const sorted = [...list.markers].sort((a, b) => b.length - a.length);
  const markerRe = alternation(sorted);
  const allowedRe = alternation([...list.allowed].sort((a, b) => b.length - a.length));
  const findings: LeftoverFinding[] = [];
  if (!markerRe) return findings;
  for (const file of files) {
    const markup = MARKUP.test(file.path);
    file.text.split(/\r\n|\r|\n/).forEach((raw, i) => {
      const line = markup ? decodeReferences(raw) : raw;
      const matches = [...line.matchAll(markerRe)];
      if (matches.length === 0) return;
      const spans: [number, number][] = [];
      if (allowedRe) for (const m of line.matchAll(allowedRe)) spans.push([m.index, m.index + m[0].length]);
      for (const m of matches) {
        const start = m.index;
        const end = start + m[0].length;
        if (spans.some(([a, b]) => start >= a && end <= b)) continue;
        const group = Object.entries(m.groups ?? {}).find(
          ([name, value]) => name.startsWith('leftover') && value !== undefined,
        )?.[0];
        const marker = group === undefined ? m[0] : (sorted[Number(group.slice('leftover'.length))] ?? m[0]);
        findings.push({
          file: file.path,
          line: i + 1,
          column: start + 1,
          marker,
          snippet: snippetAt(line, start, end),
        });
      }
    });
  }
  return findings;
}

/**
 * The findings as a listing for a terminal: a heading per file, one line per finding (at most
 * `perFile` of them, then how many more), and totals per marker. Empty findings → a one-line pass.
 */
export function formatLeftovers(
  findings: LeftoverFinding[],
  options: { perFile?: number; checked?: number } = {},
): string {
  const perFile = options.perFile ?? Number.POSITIVE_INFINITY;
  const checked = options.checked === undefined ? '' : ` (${String(options.checked)} files checked)`;
  if (findings.length === 0) return `No leftover demo text${checked}.`;
  const byFile = new Map<string, LeftoverFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(`${file}: ${String(list.length)} leftover${list.length === 1 ? '' : 's'}`);
    for (const f of list.slice(0, perFile))
      lines.push(`  ${String(f.line)}:${String(f.column)}  "${f.marker}"  ${f.snippet}`);
    if (list.length > perFile) lines.push(`  … and ${String(list.length - perFile)} more in this file`);
  }
  const byMarker = new Map<string, number>();
  for (const f of findings) byMarker.set(f.marker, (byMarker.get(f.marker) ?? 0) + 1);
  const totals = [...byMarker].sort((a, b) => b[1] - a[1]).map(([m, n]) => `"${m}" ${String(n)}`);
  lines.push(
    '',
    `Leftover demo text: ${String(findings.length)} in ${String(byFile.size)} file${byFile.size === 1 ? '' : 's'}${checked}.`,
    `By marker: ${totals.join(', ')}.`,
  );
  return lines.join('\n');
}
