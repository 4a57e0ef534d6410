/**
 * The one CSV writer of the project (RFC 4180; reading is `read.ts`).
 *
 * - Every CSV the site publishes for people to open (`/data/*.csv`, fact sheets, the dashboard,
 *   the HSDS tables) is written with {@link csvDocument}: CRLF line ends, and the spreadsheet
 *   formula guard ({@link guardFormulas}) on every text cell.
 * - Data files that are read back as they were written (the census indicators table, a new
 *   site's rule table, the gaps CLI's result and the cost tables) keep their text exactly:
 *   `{ guard: false }`, LF line ends.
 *
 * A cell is quoted when it holds a quote, a comma, a line break or a byte order mark, or starts
 * or ends with a space (so a reader that trims unquoted cells keeps the spaces).
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which may start with `-` or `+` and is left as it is. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A cell that must be quoted. */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/**
 * The text with every formula start neutralised by a `'`: at the start of the cell, and at the
 * start of each part after `,` or `;`, because a spreadsheet that opens the file with the other
 * separator (`;` is the default in many locales) splits the cell there. Plain numbers are left
 * alone.
 */
export function guardFormulas(text: string): string {
  return text
    .split(/(?<=[,;])/)
    .map((part) => (FORMULA_START.test(part) && !NUMBER.test(part.replace(/[,;]$/, '')) ? `'${part}` : part))
    .join('');
}

/** One cell as written, quoted when needed; empty for null and undefined. No formula guard. */
export function quoteCsv(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One cell of a published CSV: formulas guarded ({@link guardFormulas}), then quoted ({@link quoteCsv}). */
export function csvCell(value: CsvValue): string {
  return quoteCsv(typeof value === 'string' ? guardFormulas(value) : value);
}

export interface CsvDocumentOptions {
  /** Line end after every line, the last one included (default CRLF). */
  readonly newline?: '\r\n' | '\n';
  /** Guard text cells against formulas (default true); false for data files read back as written. */
  readonly guard?: boolean;
}

/** A whole CSV document: the header, then the rows, a line end after every line. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvDocumentOptions = {},
): string {
  const newline = options.newline ?? '\r\n';
  const cell = options.guard === false ? quoteCsv : csvCell;
  const line = (row: readonly CsvValue[]): string => {
    let text = '';
    for (let i = 0; i < row.length; i++) text += i === 0 ? cell(row[i]) : `,${cell(row[i])}`;
    return text + newline;
  };
  let out = line(header);
  for (const row of rows) out += line(row);
  return out;
}
