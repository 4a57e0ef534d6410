import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdapterError, costTableCsv, osrmTable, valhallaMatrix } from '../../../src/lib/access/cost-adapters.ts';
import { readCostTableText } from '../../../src/lib/access/cost-table.ts';

const dir = resolve(import.meta.dirname, '../../fixtures/access/routing');
const json = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const O = ['A1', 'A2', 'A3', 'A4'];
const D = ['S1', 'S2', 'S3'];

describe('routing engine adapters', () => {
  it('OSRM: durations in s or distances in m, null = no route, origin-major', () => {
    const t = osrmTable(json('osrm-table.json'), 'distance', O, D);
    expect(t.unit).toBe('m');
    expect(t.rows[0]).toEqual({ origin: 'A1', dest: 'S1', cost: 900.2 });
    expect(t.rows[9]).toEqual({ origin: 'A4', dest: 'S1', cost: null });
    expect(osrmTable(json('osrm-table.json'), 'duration', O, D).unit).toBe('s');
  });
  it('Valhalla: verbose and concise answers give the same table', () => {
    const verbose = valhallaMatrix(json('valhalla-matrix.json'), 'duration', O, D);
    const durations = O.map((_, i) => D.map((_, j) => verbose.rows[i * 3 + j]!.cost));
    const concise = valhallaMatrix({ units: 'kilometers', sources_to_targets: { durations } }, 'duration', O, D);
    expect(concise).toEqual(verbose);
    expect(verbose.unit).toBe('s');
  });
  it('the CSV reads back through the cost-table reader with its unit', () => {
    const csv = costTableCsv(valhallaMatrix(json('valhalla-matrix.json'), 'distance', O, D));
    const t = readCostTableText(csv, { file: 'x.csv', originIds: O, destIds: D });
    expect(t.unit).toBe('km');
    expect(t.rows).toBe(12);
    expect(t.unreachable).toBe(1);
  });
  it('says what is wrong with a response', () => {
    const cases: [() => unknown, string][] = [
      [
        () => osrmTable({ code: 'NoTable', message: 'too many' }, 'duration', O, D, 'r.json'),
        'r.json: OSRM answered code "NoTable" (too many)',
      ],
      [
        () => osrmTable({ code: 'Ok' }, 'distance', O, D, 'r.json'),
        'r.json: "distances" is missing (ask the engine for it)',
      ],
      [
        () => osrmTable({ code: 'Ok', durations: [[1, 2, 3]] }, 'duration', O, D, 'r.json'),
        '"durations" has 1 rows, expected 4 (one per origin id)',
      ],
      [
        () => osrmTable({ code: 'Ok', durations: O.map(() => [1, 2]) }, 'duration', O, D, 'r.json'),
        '"durations" row 0 has 2 columns, expected 3',
      ],
      [
        () => osrmTable({ code: 'Ok', durations: O.map(() => [1, -2, 3]) }, 'duration', O, D, 'r.json'),
        '"durations"[0][1]: -2 is not a cost',
      ],
      [
        () => valhallaMatrix({ units: 'miles', sources_to_targets: [] }, 'distance', O, D, 'v.json'),
        'v.json: distances are in miles; ask Valhalla for "units": "kilometers"',
      ],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(AdapterError);
      expect(f).toThrow(message);
    }
  });
});
