/**
 * CSV reading that loses nothing and says where. RFC 4180 with these rules:
 *
 * - line endings (CRLF, LF, lone CR, mixed) are normalised to LF before parsing, so a file saved
 *   on several systems cannot glue rows together; a UTF-8 byte order mark is dropped;
 * - line numbers are lines of the file (header = line 1), so a quoted line break is accounted for;
 * - the delimiter is declared by the caller or detected once per file from the header line (the
 *   most frequent of `,` `;` tab `|` outside quotes), never guessed per row;
 * - every quote problem is an error of its row, not a reason to swallow the rest of the file: a
 *   quote that is never closed makes its row bad and reading resumes on the next line; a quote
 *   inside an unquoted value, or text after a closing quote, makes its row bad;
 * - a row with another number of columns than the header is bad; blank lines are not rows.
 *
 * Every row of the file ends up in `rows` or `badRows`, so `records` counts what the file has,
 * not what the parser kept. Whole-file problems (empty file, no usable header) throw a
 * {@link CsvError}. The parser is fed line by line ({@link CsvParser}) so large files stream.
 *
 * The one CSV reader of the project: the data pipeline, the census and content tables, the
 * new-LIP inspector and the gaps CLI all read through it. A line without a quote is split
 * directly on the delimiter (the same cells the full reader gives, many times faster), so
 * large plain numeric tables read quickly. Writing is `write.ts`.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRow {
  /** 1-based line number of the row's first line; the header is line 1. */
  readonly line: number;
  /** Values by header name, trimmed unless `trim: false`. */
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvBadRow {
  readonly line: number;
  readonly reason: string;
}

export interface CsvHeader {
  /** Column names as read, trimmed. */
  readonly names: readonly string[];
  /** Line of the header (1 unless blank lines precede it). */
  readonly line: number;
  readonly delimiter: Delimiter;
  /** True when the delimiter was given by the config, false when detected from the header line. */
  readonly declared: boolean;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly headerInfo: CsvHeader;
  readonly rows: readonly CsvRow[];
  /** Rows left out because they could not be read (quotes, column count). */
  readonly badRows: readonly CsvBadRow[];
  /** Rows the file has after the header: `rows.length + badRows.length`. */
  readonly records: number;
}

/** A problem with the whole file (no header, a header that cannot be used). */
export class CsvError extends Error {
  readonly line: number | undefined;
  constructor(reason: string, line?: number) {
    super(reason);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** How a delimiter is named in messages. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/** "header on line 1, read with the delimiter "," (detected): "ref", "title"": for messages about columns. */
export function describeHeader(h: CsvHeader): string {
  const shown = h.names
    .slice(0, 12)
    .map((n) => JSON.stringify(n))
    .join(', ');
  const more = h.names.length > 12 ? `, … (${h.names.length} columns)` : '';
  return `header on line ${h.line}, read with the delimiter ${delimiterName(h.delimiter)} (${h.declared ? 'declared' : 'detected'}): ${shown}${more}`;
}

/** The most frequent candidate delimiter outside quotes in a header line; `,` when none occurs. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

type Split = { readonly cells: string[] } | { readonly open: true } | { readonly error: string };

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** A short quote of the source text for messages, in backticks (JSON escaping would double every quote). */
const preview = (s: string): string => `\`${s.length > 40 ? `${s.slice(0, 40)}…` : s}\``;

/** Splits one record (possibly several lines joined by LF) into cells. Linear in its length. */
function splitRecord(s: string, d: Delimiter): Split {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    // Spaces before an opening quote are tolerated (`a, "b"`).
    let q = i;
    while (s[q] === ' ') q++;
    if (s[q] === '"') {
      let value = '';
      let j = q + 1;
      let close: number;
      for (;;) {
        close = s.indexOf('"', j);
        if (close < 0) return { open: true };
        value += s.slice(j, close);
        if (s[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        break;
      }
      let next = close + 1;
      while (s[next] === ' ') next++;
      cells.push(value);
      if (next >= s.length) return { cells };
      if (s[next] !== d) {
        return {
          error: `column ${cells.length} has text after its closing quote (${preview(s.slice(q, next + 10))}); a quote inside a quoted value must be doubled ("")`,
        };
      }
      i = next + 1;
    } else {
      const end = s.indexOf(d, i);
      const cell = end < 0 ? s.slice(i) : s.slice(i, end);
      if (cell.includes('"')) {
        return {
          error: `column ${cells.length + 1} has a stray quote in ${preview(cell)}; a value containing a quote must be in quotes, with the quote doubled ("")`,
        };
      }
      cells.push(cell);
      if (end < 0) return { cells };
      i = end + 1;
    }
    if (i >= s.length) {
      cells.push('');
      return { cells };
    }
  }
}

export interface CsvOptions {
  /** Trim cells (default true). */
  readonly trim?: boolean;
  /** The delimiter; detected from the header line when absent. */
  readonly delimiter?: Delimiter | undefined;
}

/** What a {@link CsvParser} calls. */
export interface CsvHandlers {
  readonly onHeader: (h: CsvHeader) => void;
  /** Every row read, its values by column name; it has as many cells as the header. */
  readonly onRow: (row: CsvRow) => void;
  readonly onBadRow: (bad: CsvBadRow) => void;
}

/**
 * What a {@link CsvParser} calls when rows are wanted as arrays of cells (large tables, whose
 * columns the caller looks up by position): every row read, with however many cells it has,
 * and the header's names as read, neither checked (repeated or empty names, the number of
 * cells) — the caller decides what they mean. Quote problems are still bad rows.
 */
export interface CsvCellHandlers {
  readonly onHeader: (h: CsvHeader) => void;
  readonly onCells: (line: number, cells: string[]) => void;
  readonly onBadRow: (bad: CsvBadRow) => void;
}

/**
 * Incremental CSV reader: `push` text (any line endings, in chunks of any size), then `end`.
 * Calls `onHeader` once the header is known to be usable (before the first row), then `onRow`
 * (or `onCells`) or `onBadRow` for every row in file order.
 */
export class CsvParser {
  readonly #trim: boolean;
  readonly #declared: Delimiter | undefined;
  readonly #onHeader: (h: CsvHeader) => void;
  readonly #onRow: ((row: CsvRow) => void) | undefined;
  readonly #onCells: ((line: number, cells: string[]) => void) | undefined;
  readonly #onBadRow: (bad: CsvBadRow) => void;
  #header: CsvHeader | undefined;
  #delimiter: Delimiter = ',';
  /** Text not yet ending in a line break. */
  #partial = '';
  #lastWasCR = false;
  #lineNo = 0;
  /** Lines of a record whose quote is still open, and the number of quotes in them. */
  #pending: { line: number; lines: string[]; quotes: number } | undefined;
  #firstRowChecked = false;
  #started = false;

  constructor(options: CsvOptions, handlers: CsvHandlers | CsvCellHandlers) {
    this.#trim = options.trim ?? true;
    this.#declared = options.delimiter;
    this.#onHeader = handlers.onHeader;
    this.#onRow = 'onRow' in handlers ? handlers.onRow : undefined;
    this.#onCells = 'onCells' in handlers ? handlers.onCells : undefined;
    this.#onBadRow = handlers.onBadRow;
  }

  /** Feeds a chunk of text. */
  push(chunk: string): void {
    let text = chunk;
    if (!this.#started) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#lastWasCR && text.startsWith('\n')) text = text.slice(1);
    this.#lastWasCR = text.endsWith('\r');
    const parts = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
    parts[0] = this.#partial + (parts[0] ?? '');
    this.#partial = parts.pop() ?? '';
    for (const line of parts) this.#line(line);
  }

  /** Ends the input: the last line, and any record whose quote was never closed. */
  end(): void {
    if (this.#partial !== '') this.#line(this.#partial);
    this.#partial = '';
    while (this.#pending !== undefined) {
      if (this.#header === undefined)
        throw new CsvError(
          `the header's quote opened on line ${this.#pending.line} is never closed`,
          this.#pending.line,
        );
      // The quote opened on the pending record's first line is never closed: that row is bad,
      // and every later line is read again as the rows it is.
      const { line, lines } = this.#pending;
      this.#pending = undefined;
      const opened = lines[0] ?? '';
      this.#bad(
        line,
        `a quote opened on this line is never closed (${preview(opened)}); reading resumes on the next line`,
      );
      const saved = this.#lineNo;
      this.#lineNo = line;
      for (const l of lines.slice(1)) this.#line(l);
      this.#lineNo = Math.max(saved, this.#lineNo);
    }
    if (this.#header === undefined)
      throw new CsvError(this.#lineNo === 0 ? 'the file is empty' : 'the file has only blank lines');
    if (!this.#firstRowChecked) {
      this.#firstRowChecked = true;
      this.#checkNames();
      this.#onHeader(this.#header);
    }
  }

  #line(line: string): void {
    this.#lineNo += 1;
    const pending = this.#pending;
    if (pending !== undefined) {
      // Only when the quotes balance can the record be complete: splitting once then keeps
      // a long quoted value linear.
      pending.lines.push(line);
      pending.quotes += countQuotes(line);
      if (pending.quotes % 2 === 0) this.#record(pending.line, pending.lines.join('\n'));
      return;
    }
    // A line starting with a visible ASCII character is not blank: no need to trim it.
    const first = line.charCodeAt(0);
    if (!(first > 32 && first < 127) && line.trim() === '') return;
    this.#record(this.#lineNo, line);
  }

  #record(line: number, text: string): void {
    // Without a quote the cells are the text between delimiters (what splitRecord gives).
    if (this.#firstRowChecked && !text.includes('"')) {
      this.#emit(line, text.split(this.#delimiter));
      return;
    }
    if (this.#header === undefined && this.#pending === undefined) {
      this.#delimiter = this.#declared ?? detectDelimiter(text);
    }
    const split: Split = text.includes('"')
      ? splitRecord(text, this.#delimiter)
      : { cells: text.split(this.#delimiter) };
    if ('open' in split) {
      this.#pending ??= { line, lines: [text], quotes: countQuotes(text) };
      return;
    }
    this.#pending = undefined;
    if (this.#header === undefined) {
      if ('error' in split) throw new CsvError(`the header cannot be read: ${split.error}`, line);
      this.#setHeader(
        split.cells.map((c) => c.trim()),
        line,
      );
      return;
    }
    if ('error' in split) {
      this.#bad(line, split.error);
      return;
    }
    const names = this.#header.names;
    if (!this.#firstRowChecked) {
      this.#firstRowChecked = true;
      const filled = names.filter((n) => n !== '');
      // A declared delimiter that splits nothing is a wrong delimiter, not a title: the
      // missing-column message then shows the header as read.
      if (!this.#header.declared && filled.length === 1 && split.cells.filter((c) => c.trim() !== '').length > 1) {
        throw new CsvError(
          `line ${this.#header.line} ("${filled[0]}") looks like a title above the header: the next line has ${split.cells.length} columns (${preview(text)}). Delete the title line so that the column names are on the first line`,
          this.#header.line,
        );
      }
      this.#checkNames();
      this.#onHeader(this.#header);
    }
    this.#emit(line, split.cells);
  }

  /** A row's cells to the handler: as they are, or by column name once their number is right. */
  #emit(line: number, cells: string[]): void {
    if (this.#onCells !== undefined) {
      this.#onCells(line, this.#trim ? cells.map((c) => c.trim()) : cells);
      return;
    }
    const names = (this.#header as CsvHeader).names;
    if (cells.length !== names.length) {
      this.#bad(
        line,
        `row has ${cells.length} columns, the header has ${names.length} (delimiter ${delimiterName(this.#delimiter)})`,
      );
      return;
    }
    const values: Record<string, string> = {};
    for (let c = 0; c < names.length; c++) {
      const cell = cells[c] ?? '';
      values[names[c] as string] = this.#trim ? cell.trim() : cell;
    }
    this.#onRow?.({ line, values });
  }

  #setHeader(names: string[], line: number): void {
    this.#header = { names, line, delimiter: this.#delimiter, declared: this.#declared !== undefined };
  }

  /** Column names must be unique and non-empty (checked after the title-line check), for rows by name. */
  #checkNames(): void {
    if (this.#onCells !== undefined) return;
    const h = this.#header as CsvHeader;
    const seen = new Map<string, number>();
    h.names.forEach((name, i) => {
      if (name === '') throw new CsvError(`column ${i + 1} of the header has no name (${describeHeader(h)})`, h.line);
      const first = seen.get(name);
      if (first !== undefined)
        throw new CsvError(`the header repeats the column "${name}" (columns ${first + 1} and ${i + 1})`, h.line);
      seen.set(name, i);
    });
  }

  #bad(line: number, reason: string): void {
    this.#onBadRow({ line, reason });
  }
}

/** Parses CSV text (see the rules at the top of this file). Throws {@link CsvError} for whole-file problems. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  let headerInfo: CsvHeader | undefined;
  const rows: CsvRow[] = [];
  const badRows: CsvBadRow[] = [];
  const parser = new CsvParser(options, {
    onHeader: (h) => (headerInfo = h),
    onRow: (r) => rows.push(r),
    onBadRow: (b) => badRows.push(b),
  });
  parser.push(text);
  parser.end();
  const info = headerInfo as unknown as CsvHeader;
  return { header: info.names, headerInfo: info, rows, badRows, records: rows.length + badRows.length };
}
