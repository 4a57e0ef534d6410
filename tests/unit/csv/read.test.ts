import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, parseCsv } from '../../../src/lib/csv/read.ts';

describe('parseCsv', () => {
  it('gives 1-based line numbers (header = 1), across quoted line breaks', () => {
    const t = parseCsv('a,b\n1,2\n"x\ny",3\n\n4,5,6\n7,8\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 7]);
    expect(t.rows[1]?.values).toEqual({ a: 'x\ny', b: '3' });
    expect(t.badRows).toEqual([{ line: 6, reason: 'row has 3 columns, the header has 2 (delimiter ",")' }]);
  });

  it('handles a BOM and CRLF', () => {
    const t = parseCsv('\ufeffid,name\r\n1,A\r\n2,B\r\n');
    expect(t.header).toEqual(['id', 'name']);
    expect(t.rows.map((r) => [r.line, r.values['name']])).toEqual([
      [2, 'A'],
      [3, 'B'],
    ]);
  });

  it('refuses a header with repeated columns', () => {
    expect(() => parseCsv('a,a\n1,2\n')).toThrow('header repeats the column "a"');
  });
});

describe('plain lines are split directly', () => {
  /** The same table with every cell quoted, which the full reader splits. */
  const quoted = (text: string): string =>
    text
      .split('\n')
      .map((line) =>
        line.trim() === ''
          ? line
          : line
              .split(',')
              .map((c) => `"${c}"`)
              .join(','),
      )
      .join('\n');

  it('gives the rows, bad rows and line numbers the quote-aware reader gives', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const lines = ['id,name,value'];
      for (let r = 0; r < 8; r++) {
        const width = next(6) === 0 ? 2 : 3;
        lines.push(
          next(7) === 0 ? ' ' : Array.from({ length: width }, () => ['a', ' b ', '', '1.5', 'x y'][next(5)]).join(','),
        );
      }
      const text = `${lines.join('\n')}\n`;
      const plain = parseCsv(text);
      const full = parseCsv(quoted(text));
      expect(plain.rows, text).toEqual(full.rows);
      expect(
        plain.badRows.map((b) => b.line),
        text,
      ).toEqual(full.badRows.map((b) => b.line));
    }
  });
});

describe('rows as cells (CsvParser with onCells)', () => {
  function cells(text: string, trim = false) {
    const rows: { line: number; cells: string[] }[] = [];
    const bad: number[] = [];
    let names: readonly string[] = [];
    const parser = new CsvParser(
      { trim, delimiter: ',' },
      {
        onHeader: (h) => (names = h.names),
        onCells: (line, c) => rows.push({ line, cells: c }),
        onBadRow: (b) => bad.push(b.line),
      },
    );
    parser.push(text);
    parser.end();
    return { names, rows, bad };
  }

  it('leaves the header names and the number of cells to the caller', () => {
    const t = cells(',id,id\n0,a,b\n1,c\n');
    expect(t.names).toEqual(['', 'id', 'id']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['0', 'a', 'b'] },
      { line: 3, cells: ['1', 'c'] },
    ]);
  });

  it('keeps cells as written unless asked to trim, and reports quote problems as bad rows', () => {
    expect(cells('id,pop\n a ,1\n').rows).toEqual([{ line: 2, cells: [' a ', '1'] }]);
    expect(cells('id,pop\n a ,1\n', true).rows).toEqual([{ line: 2, cells: ['a', '1'] }]);
    const t = cells('id,pop\na"b,1\n"c,d",2\n');
    expect(t.bad).toEqual([2]);
    expect(t.rows).toEqual([{ line: 3, cells: ['c,d', '2'] }]);
  });

  it('still refuses a file without a header', () => {
    expect(() => cells('\n \n')).toThrow(CsvError);
  });
});
