/**
 * Test helpers: the 5×5 unit grid used throughout PySAL access's own tests
 * (`create_nxn_grid(5)`: ids 1..25, id = 5·x + y + 1, value 1) and its full
 * Euclidean cost matrix (every ordered pair, self pairs at cost 0).
 */
import { pairsFromTable, type CostRow, type PairList } from '../../../src/lib/access/index.ts';

export interface GridPoint {
  id: string;
  x: number;
  y: number;
}

export function grid(n = 5): GridPoint[] {
  const out: GridPoint[] = [];
  let id = 0;
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) out.push({ id: String(++id), x, y });
  return out;
}

export function euclideanRows(from: readonly GridPoint[], to: readonly GridPoint[]): CostRow[] {
  const rows: CostRow[] = [];
  for (const a of from)
    for (const b of to) rows.push({ origin: a.id, dest: b.id, cost: Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2) });
  return rows;
}

/** Pairs from demand points to supply points over the full grid cost matrix. */
export function gridPairs(demand: readonly GridPoint[], supply: readonly GridPoint[]): PairList {
  return pairsFromTable(
    euclideanRows(demand, supply),
    demand.map((p) => p.id),
    supply.map((p) => p.id),
  );
}

/** Relative closeness, the agreement criterion with PySAL (1e-9 relative). */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    if (!Object.is(actual, expected)) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
    return;
  }
  const tol = rel * Math.max(Math.abs(expected), Number.MIN_VALUE);
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`expected ${String(expected)} ± ${String(tol)}, got ${String(actual)}`);
  }
}

export function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-9): void {
  if (actual.length !== expected.length)
    throw new Error(`length ${String(actual.length)} != ${String(expected.length)}`);
  for (let i = 0; i < expected.length; i++) {
    try {
      expectClose(actual[i]!, expected[i]!, rel);
    } catch (e) {
      throw new Error(`index ${String(i)}: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** Metres → degrees of latitude on the haversine sphere. */
export const deg = (m: number): number => (m / 6371008.8) * (180 / Math.PI);
/** Where the small gaps fixtures stand (Toronto). */
export const LON = -79.4;
export const LAT = 43.7;

/** The params of a small gaps input: one straight-line category `food`, 2 km catchment, by population. */
export function foodParams(places: number) {
  return {
    underServedThreshold: 0.5,
    smallCountThreshold: 10,
    suppression: 'Counts below 10 are published as null.',
    demandPoints: null,
    rankedListLength: 10,
    minPlaces: 1,
    metric: 'geodesic',
    cost: { kind: 'straight-line' },
    censusYear: 2021,
    censusSource: 'Census',
    indicators: [],
    categories: [
      {
        id: 'food',
        demand: 'population',
        method: '2sfca',
        maxCost: 2000,
        threshold: 0.5,
        judged: true,
        capacityKind: 'sites',
        coverage: { listings: places, locations: places, places, sources: [], notJudged: null },
      },
    ],
  } as const;
}
