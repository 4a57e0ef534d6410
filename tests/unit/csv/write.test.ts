import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/read.ts';
import { csvCell, csvDocument, quoteCsv } from '../../../src/lib/csv/write.ts';

describe('quoteCsv', () => {
  it('quotes a quote, comma, line break, byte order mark or edge space, and nothing else', () => {
    expect(quoteCsv('plain text; 1.5')).toBe('plain text; 1.5');
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsv('cr\r')).toBe('"cr\r"');
    expect(quoteCsv('\uFEFFbom')).toBe('"\uFEFFbom"');
    expect(quoteCsv(' lead')).toBe('" lead"');
    expect(quoteCsv('trail ')).toBe('"trail "');
    expect(quoteCsv(null)).toBe('');
    expect(quoteCsv(undefined)).toBe('');
    expect(quoteCsv(-0.5)).toBe('-0.5');
    expect(quoteCsv(false)).toBe('false');
  });

  it('keeps a formula as written (data files are read back exactly)', () => {
    expect(quoteCsv('=1+1')).toBe('=1+1');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});

describe('csvDocument', () => {
  const rows = [
    ['a,b', '=SUM(1)', 3],
    [null, ' x', true],
  ];

  it('guards formulas and ends every line with CRLF by default', () => {
    expect(csvDocument(['id', 'f', 'n'], rows)).toBe('id,f,n\r\n"a,b",\'=SUM(1),3\r\n," x",true\r\n');
  });

  it('writes data files exactly, with LF, when asked', () => {
    const text = csvDocument(['id', 'f', 'n'], rows, { newline: '\n', guard: false });
    expect(text).toBe('id,f,n\n"a,b",=SUM(1),3\n," x",true\n');
    expect(parseCsv(text, { trim: false }).rows.map((r) => r.values)).toEqual([
      { id: 'a,b', f: '=SUM(1)', n: '3' },
      { id: '', f: ' x', n: 'true' },
    ]);
  });

  it('writes the header alone for no rows', () => {
    expect(csvDocument(['a', 'b'], [], { newline: '\n' })).toBe('a,b\n');
  });
});
