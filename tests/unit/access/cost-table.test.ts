import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CostTableError,
  IdIndex,
  readCostTable,
  readCostTableText,
  type CostTableOptions,
} from '../../../src/lib/access/cost-table.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';

const ORIGINS = ['a', 'b', 'c,1', 'é', '007'];
const DESTS = ['s1', 's2', 's "3"'];
const opts = (extra: Partial<CostTableOptions> = {}): CostTableOptions => ({
  file: 'costs.csv',
  originIds: ORIGINS,
  destIds: DESTS,
  originKind: 'demand',
  destKind: 'supply',
  ...extra,
});

const TABLE = [
  'origin,dest,cost,unit',
  'a,s1,12.5,min',
  'b,s1,30,min',
  '"c,1",s2,7,min',
  'é,"s ""3""",0.25,min',
  '007,s2,,min',
  'a,s2,NaN,min',
  '',
].join('\n');

function asRows(t: ReturnType<typeof readCostTableText>): [number, number, number][] {
  return Array.from({ length: t.pairs.length }, (_, k) => [t.pairs.origin[k]!, t.pairs.dest[k]!, t.pairs.cost[k]!]);
}

describe('cost table: the documented shape', () => {
  it('reads origin,dest,cost,unit; empty and NaN costs are unreachable', () => {
    const t = readCostTableText(TABLE, opts());
    expect(t.unit).toBe('min');
    expect(t.rows).toBe(6);
    expect(t.unreachable).toBe(2);
    expect(asRows(t)).toEqual([
      [0, 0, 12.5],
      [1, 0, 30],
      [2, 1, 7],
      [3, 2, 0.25],
    ]);
  });

  it('gives the same pairs whatever the chunk boundaries (CRLF, BOM, quotes spanning chunks)', () => {
    const text = `\uFEFF${TABLE.replaceAll('\n', '\r\n')}`;
    const bytes = new TextEncoder().encode(text);
    const expected = asRows(readCostTableText(TABLE, opts()));
    for (let size = 1; size <= bytes.length; size++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      const t = readCostTable(chunks, opts());
      expect(asRows(t), `chunks of ${String(size)} bytes`).toEqual(expected);
      expect(t.unit).toBe('min');
    }
  });

  it('takes the unit from the caller when the table has no unit column, columns in any order, extra columns ignored', () => {
    const t = readCostTableText('Cost, DEST ,engine,origin\n5,s1,osrm,a\n', opts({ unit: 's' }));
    expect(t.unit).toBe('s');
    expect(asRows(t)).toEqual([[0, 0, 5]]);
    expect(readCostTableText('origin,dest,cost\na,s1,5\n', opts()).unit).toBeNull();
  });

  it('parses every cost to the same double as Number()', () => {
    const rand = seededRandom(7);
    const values: string[] = [
      '0',
      '0.0',
      '.5',
      '5.',
      '1e3',
      '2.5E-2',
      '+4',
      'Infinity',
      '000123.4500',
      '123456789012345',
      '1234567890123456789',
      '0.1234567890123456789',
    ];
    for (let k = 0; k < 3000; k++) {
      const x = rand() * 10 ** Math.floor(rand() * 8);
      values.push(String(x), x.toFixed(Math.floor(rand() * 6)), x.toPrecision(1 + Math.floor(rand() * 17)));
    }
    // Repeated pairs are rejected, so each row has its own origin.
    const originIds = values.map((_, k) => `o${String(k)}`);
    const rows = values.map((v, k) => `o${String(k)},s1,${v}`).join('\n');
    const t = readCostTableText(`origin,dest,cost\n${rows}\n`, opts({ originIds }));
    expect(t.pairs.length).toBe(values.length);
    values.forEach((v, k) => expect(Object.is(t.pairs.cost[k], Number(v)), v).toBe(true));
  });

  it('looks up ids by their exact UTF-8 bytes, long ids included', () => {
    const long = ['x'.repeat(30), `${'x'.repeat(24)}y`, `${'x'.repeat(24)}yz`, 'Sainte-Thérèse', '中文'];
    const index = new IdIndex(long);
    const enc = new TextEncoder();
    long.forEach((id, i) => {
      const b = enc.encode(`,${id},`);
      expect(index.find(b, 1, b.length - 1)).toBe(i);
    });
    for (const miss of ['x'.repeat(29), `${'x'.repeat(24)}q`, 'Sainte-Therese', '', ' 中文']) {
      const b = enc.encode(miss);
      expect(index.find(b, 0, b.length)).toBe(-1);
    }
  });
});

describe('cost table: agrees with a general CSV parser on random tables', () => {
  it('same pairs as Papa Parse for quoted ids, CRLF, blank lines and any chunking', () => {
    const rand = seededRandom(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const quote = (id: string): string => (/[",\r\n]/.test(id) || rand() < 0.2 ? `"${id.replaceAll('"', '""')}"` : id);
    for (let round = 0; round < 40; round++) {
      const originIds = Array.from(
        { length: 12 },
        (_, i) => pick(['o', 'a,b', 'q"x', 'l\nm', 'é', '東京', 'x'.repeat(30)]) + String(i),
      );
      const destIds = Array.from({ length: 5 }, (_, j) => `${pick(['s', 'S "q"', 'd,'])}${String(j)}`);
      const eol = rand() < 0.5 ? '\n' : '\r\n';
      const lines = ['origin,dest,cost'];
      for (const origin of originIds) {
        for (const dest of destIds) {
          if (rand() < 0.3) continue;
          if (rand() < 0.1) lines.push('');
          const cost = pick(['', 'NaN', String(rand() * 1000), (rand() * 100).toFixed(1), '12', ' 7.5 ']);
          lines.push(`${quote(origin)},${quote(dest)},${cost}`);
        }
      }
      const text = lines.join(eol) + (rand() < 0.5 ? eol : '');
      // Reference: Papa Parse, blank records skipped, empty/NaN costs unreachable.
      const records = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data.slice(1);
      const expected: [number, number, number][] = [];
      for (const r of records) {
        if (r.length === 1 && r[0]!.trim() === '') continue;
        const c = r[2]!.trim();
        if (c === '' || c === 'NaN') continue;
        expected.push([originIds.indexOf(r[0]!), destIds.indexOf(r[1]!), Number(c)]);
      }
      const bytes = new TextEncoder().encode(text);
      const size = 1 + Math.floor(rand() * 40);
      const chunks: Uint8Array[] = [];
      for (let k = 0; k < bytes.length; k += size) chunks.push(bytes.slice(k, k + size));
      const t = readCostTable(chunks, opts({ originIds, destIds }));
      expect(asRows(t), `round ${String(round)}`).toEqual(expected);
    }
  });
});

describe('cost table: bad input names file, row, field and reason', () => {
  const cases: [string, string, Partial<CostTableOptions>?][] = [
    ['', 'costs.csv: the file is empty (no header row)'],
    ['origin,cost\na,1\n', 'costs.csv row 1: missing column dest'],
    ['origin,dest,cost,cost\n', 'costs.csv row 1: column "cost" appears twice'],
    ['origin,dest,cost\na,s1,1\nzz,s1,2\n', 'costs.csv row 3: column origin: "zz" is not a demand id'],
    ['origin,dest,cost\na,s9,2\n', 'costs.csv row 2: column dest: "s9" is not a supply id'],
    ['origin,dest,cost\na,s1,12 km\n', 'costs.csv row 2: column cost: "12 km" is not a number'],
    ['origin,dest,cost\na,s1,-3\n', 'costs.csv row 2: column cost: -3 is negative'],
    ['origin,dest,cost\na,s1,1,2\n', 'costs.csv row 2: expected 3 fields, found 4'],
    ['origin,dest,cost\n\na,s1,1\nb,s2,2\na,s1,3\n', 'costs.csv row 5: pair "a" -> "s1" already given in row 3'],
    [
      'origin,dest,cost,unit\na,s1,1,min\nb,s1,1,s\n',
      'costs.csv row 3: column unit: "s" differs from "min", the unit of the rows above',
    ],
    [
      'origin,dest,cost,unit\na,s1,1,min\n',
      'costs.csv row 2: column unit: "min" differs from "s", the unit given for this table',
      { unit: 's' },
    ],
    [
      'origin,dest,cost,unit\na,s1,1,minutes\n',
      'costs.csv row 2: column unit: "minutes" is not a unit (use m, km, s, min, h)',
    ],
    ['origin,dest,cost\n"a,s1,1\n', 'costs.csv row 2: a quoted field is not closed'],
    ['origin,dest,cost\n"a"x,s1,1\n', 'costs.csv row 2: unexpected text after a closing quote'],
  ];
  for (const [text, message, extra] of cases) {
    it(message, () => {
      let error: unknown;
      try {
        readCostTableText(text, opts(extra));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CostTableError);
      expect((error as Error).message).toContain(message);
    });
  }
});
