/** The gaps tool's CSV reader: plain numeric files take a fast path that must read as Papa Parse does. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatResult, parseGapsArgs, readCsv, runGaps } from '../../../src/lib/access/gaps-cli.ts';

/** Rows as Papa Parse reads them, blank lines left out, as readCsv numbers them (header = row 1). */
function papaRows(text: string): { row: number; cells: string[] }[] {
  const data = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false }).data;
  return data
    .map((cells, r) => ({ row: r + 1, cells }))
    .slice(1)
    .filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
}

describe('gaps readCsv', () => {
  const plain = [
    'id,pop,lon,lat\nd0,250,-79.1,43.6\nd1,949,-79.2,43.7\n',
    '\uFEFFid,pop,lon,lat\nd0,250,-79.1,43.6\n\nd1, 9 ,-79.2,43.7',
    'ID , Pop\na,1\n\n\n',
    'id,capacity\n',
  ];
  it.each(plain)('reads plain comma-separated text as Papa Parse does (%#)', (text) => {
    const t = readCsv('f.csv', text);
    expect(t.rows).toEqual(papaRows(text));
    const header = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data[0]!;
    expect([...t.columns.keys()]).toEqual(header.map((h) => h.trim().toLowerCase()));
  });
  it('still reads quoted fields, CRLF lines and other delimiters through Papa Parse', () => {
    expect(readCsv('f.csv', 'id,name\r\n"a,b","x ""y"""\r\n').rows).toEqual([{ row: 2, cells: ['a,b', 'x "y"'] }]);
    for (const text of ['id;pop\na;1\nb;2\n', 'id\tpop\na\t1\nb\t2\nc\t3\n', 'id|pop,x\na|1,2\nb|2,3\n']) {
      expect(readCsv('f.csv', text).rows).toEqual(papaRows(text));
    }
  });
  it('names the file and row of a short line on either path', () => {
    expect(() => readCsv('d.csv', 'id,pop\na,1\nb\n')).toThrow('d.csv row 3: expected 2 fields, found 1');
    expect(() => readCsv('d.csv', 'id,pop\r\na,1\r\nb\r\n')).toThrow('d.csv row 3: expected 2 fields, found 1');
  });
});

describe('gaps input separated by something other than commas', () => {
  it('says the columns are separated by commas', () => {
    const text: Record<string, string> = {
      'demand.csv': 'id;pop;x;y\na;1;0;0\n',
      'supply.csv': 'id,capacity,x,y\ns,1,0,0\n',
    };
    const files = { readText: (path: string) => text[path]!, readChunks: () => [] };
    const args = parseGapsArgs([
      '--method',
      '2sfca',
      '--demand',
      'demand.csv',
      '--supply',
      'supply.csv',
      '--max-cost',
      '10',
    ]);
    expect(() => runGaps(args, files)).toThrow(
      'demand.csv: missing column id (the header is one column, "id;pop;x;y": columns are separated by commas)',
    );
  });
});

describe('gaps formatResult', () => {
  /** The result text as Papa Parse's unparse writes it (the slow path, and the reference). */
  const papa = (ids: string[], values: number[]): string =>
    `${Papa.unparse({ fields: ['id', 'value'], data: ids.map((id, i) => [id, String(values[i]!)]) }, { newline: '\n' })}\n`;
  const cases: [string[], number[]][] = [
    [
      ['d0', 'd1', 'a b', ''],
      [0.1, NaN, Infinity, -0],
    ],
    [
      ['plain', 'a,b'],
      [1, 2],
    ],
    [
      ['x "y"', 'z'],
      [1e-300, 3],
    ],
    [
      [' lead', 'trail ', 'line\nbreak', 'cr\r', '\uFEFFbom'],
      [1, 2, 3, 4, 5],
    ],
    [[], []],
  ];
  it.each(cases)('writes the same text as Papa Parse (%#)', (ids, values) => {
    expect(formatResult(ids, Float64Array.from(values))).toBe(papa(ids, values));
  });
});
