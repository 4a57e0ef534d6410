/**
 * CSV reading with exact line numbers. Papa Parse gives rows, not lines; a quoted field may span
 * lines, so each row's first line is computed from the parser's cursor. Rows whose column count
 * differs from the header are returned separately so callers can report and skip them.
 */
import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line number of the row's first line; the header is line 1. */
  readonly line: number;
  /** Values by header name, trimmed. */
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvBadRow {
  readonly line: number;
  readonly reason: string;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Rows left out because their column count is wrong. */
  readonly badRows: readonly CsvBadRow[];
}

/** Parses CSV text (UTF-8, BOM allowed); cells are trimmed unless `trim: false`. Throws on an empty file or a header with repeated names. */
export function parseCsv(text: string, options: { readonly trim?: boolean } = {}): CsvTable {
  const trim = options.trim ?? true;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const records: { start: number; cells: string[] }[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const start = previousCursor;
      previousCursor = result.meta.cursor;
      records.push({ start, cells: result.data });
    },
  });

  // The cursor after a row points at its line break; skip it to find where the next row starts.
  const rowsRaw = records
    .map((r) => {
      let start = r.start;
      while (source[start] === '\r' || source[start] === '\n') start++;
      return { line: lineOf(start), cells: r.cells };
    })
    .filter((r) => !(r.cells.length === 1 && (r.cells[0] ?? '').trim() === ''));

  const headerRow = rowsRaw[0];
  if (!headerRow) throw new Error('the file is empty');
  const header = headerRow.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new Error(`header repeats the column "${h}"`);
    seen.add(h);
  }

  const rows: CsvRow[] = [];
  const badRows: CsvBadRow[] = [];
  for (const r of rowsRaw.slice(1)) {
    if (r.cells.length !== header.length) {
      badRows.push({ line: r.line, reason: `row has ${r.cells.length} columns, the header has ${header.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      const cell = r.cells[i] ?? '';
      values[h] = trim ? cell.trim() : cell;
    });
    rows.push({ line: r.line, values });
  }
  return { header, rows, badRows };
}

/** Quotes a value for CSV output when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
