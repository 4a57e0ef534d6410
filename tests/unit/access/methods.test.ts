/**
 * Hand-computed cases for every method and rule (expected numbers derived in the
 * comments), plus transcriptions of PySAL access's own unit tests (test_weighted_catchment,
 * test_floating_catchment_area, test_misc) on its 5×5 grid, with the expected values
 * re-derived independently.
 */
import { describe, expect, it } from 'vitest';
import {
  catchment,
  computeAccess,
  fca,
  gravity,
  gravityWeight,
  nearest,
  normalize,
  pairsFromArrays,
  pairsFromTable,
  stepWeight,
  threeStep,
  twoStep,
  type AccessInput,
  type PairList,
} from '../../../src/lib/access/index.ts';
import { euclideanRows, expectAllClose, grid, gridPairs } from './helpers.ts';

const pairs = (rows: readonly (readonly [number, number, number])[]): PairList =>
  pairsFromArrays(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
    rows.map((r) => r[2]),
  );

/*
 * Case H. Demand A=100, B=200, C=50, D=0, E=30 (index 0..4); supply s1=10, s2=5, s3=0.
 * Costs: A–s1 1, A–s2 3, B–s1 2, C–s2 2, C–s3 5, D–s3 1; E has none.
 */
const H: AccessInput = {
  population: [100, 200, 50, 0, 30],
  capacity: [10, 5, 0],
  pairs: pairs([
    [0, 0, 1],
    [0, 1, 3],
    [1, 0, 2],
    [2, 1, 2],
    [2, 2, 5],
    [3, 2, 1],
  ]),
};

describe('catchment', () => {
  it('sums capacity within the catchment; NaN for an area with no usable supplier', () => {
    // A: 10+5; B: 10; C: 5 (s3 at 5 > 3); D: s3 has capacity 0 → 0 (not NaN); E: NaN
    expectAllClose(catchment(H, { maxCost: 3 }), [15, 10, 5, 0, NaN]);
  });
  it('is inclusive (cost == maxCost counts)', () => {
    // maxCost 2: A loses s2 (3); B keeps s1 (2); C keeps s2 (2)
    expectAllClose(catchment(H, { maxCost: 2 }), [10, 10, 5, 0, NaN]);
  });
  it('uses every pair without maxCost', () => {
    expectAllClose(catchment(H), [15, 10, 5, 0, NaN]);
  });
  it('weights capacity; a zero-weight pair still makes the area defined (0, not NaN)', () => {
    // step {1: 1, 2: 0.5}: A 10·1 + 5·0 = 10; B 10·0.5 = 5; C 5·0.5 + 0·0 = 2.5; D 0·1 = 0
    expectAllClose(
      catchment(H, {
        weight: stepWeight([
          [1, 1],
          [2, 0.5],
        ]),
      }),
      [10, 5, 2.5, 0, NaN],
    );
    // step {0.5: 1}: every weight is 0, every area with a pair is 0
    expectAllClose(catchment(H, { weight: stepWeight([[0.5, 1]]) }), [0, 0, 0, 0, NaN]);
  });
  it('treats a pair with no cost as unreachable', () => {
    const p = pairsFromTable(
      [
        { origin: 'a', dest: 's', cost: NaN },
        { origin: 'b', dest: 's', cost: null },
      ],
      ['a', 'b'],
      ['s'],
    );
    expect(p.length).toBe(0);
    expectAllClose(catchment({ population: [1, 1], capacity: [4], pairs: p }), [NaN, NaN]);
  });
});

describe('gravity', () => {
  it('is the weighted sum over all reachable suppliers', () => {
    // weight (max(c,1)/1)^-2: A 10·1 + 5/9; B 10/4; C 5/4 + 0; D 0; E NaN
    expectAllClose(gravity(H, { weight: gravityWeight(1, -2, 1) }), [10 + 5 / 9, 2.5, 1.25, 0, NaN]);
  });
  it('respects maxCost when given', () => {
    expectAllClose(gravity(H, { weight: gravityWeight(1, -2, 1), maxCost: 2 }), [10, 2.5, 1.25, 0, NaN]);
  });
  it('needs a weight through computeAccess', () => {
    expect(() => computeAccess('gravity', H)).toThrow(/weight/);
  });
});

describe('2sfca', () => {
  it('R_j = S_j / Σ P_i, A_i = Σ R_j (hand case H, maxCost 3)', () => {
    // D_s1 = 100+200 = 300 → R1 = 1/30; D_s2 = 100+50 = 150 → R2 = 1/30;
    // D_s3 = 0 (only D, pop 0; C is beyond) → R3 = 0/0 = NaN.
    // A = 1/30+1/30; B = 1/30; C = 1/30; D: its only term is NaN → 0; E: no pair → NaN.
    expectAllClose(twoStep(H, { maxCost: 3 }), [1 / 15, 1 / 30, 1 / 30, 0, NaN]);
  });
  it('is inclusive at maxCost', () => {
    // maxCost 2: D_s1 = 300, D_s2 = 50 (C only) → R2 = 0.1. A = 1/30 (s2 at 3 excluded); C = 0.1
    expectAllClose(twoStep(H, { maxCost: 2 }), [1 / 30, 1 / 30, 0.1, 0, NaN]);
  });
  it('passes infinities through when a catchment has zero demand', () => {
    // Z (pop 0) alone reaches s (cap 4): D = 0 → R = ∞ → A_Z = ∞
    const r = twoStep({ population: [0, 10], capacity: [4], pairs: pairs([[0, 0, 1]]) }, { maxCost: 3 });
    expectAllClose(r, [Infinity, NaN]);
  });
  it('without maxCost uses every pair', () => {
    // C–s3 now usable: D_s3 = 0 + 50 = 50 → R3 = 0; C = 1/30 + 0; D = 0·1 = 0
    expectAllClose(twoStep(H), [1 / 15, 1 / 30, 1 / 30, 0, NaN]);
  });
});

describe('e2sfca', () => {
  it('is 2SFCA with a step weight in both stages', () => {
    // step {1: 1, 2: 0.68, 3: 0.22}, maxCost 3:
    // D_s1 = 100·1 + 200·0.68 = 236 → R1 = 10/236; D_s2 = 100·0.22 + 50·0.68 = 56 → R2 = 5/56
    // A = R1·1 + R2·0.22; B = R1·0.68; C = R2·0.68; D = R3·1 with R3 = 0/0 → 0
    const w = stepWeight([
      [1, 1],
      [2, 0.68],
      [3, 0.22],
    ]);
    const R1 = 10 / 236;
    const R2 = 5 / 56;
    expectAllClose(computeAccess('e2sfca', H, { maxCost: 3, weight: w }), [
      R1 + R2 * 0.22,
      R1 * 0.68,
      R2 * 0.68,
      0,
      NaN,
    ]);
  });
  it('skips ∞·0 terms: an area whose only terms are NaN scores 0', () => {
    // step {2: 1}, maxCost 3. Z (pop 0) at 1 (w 1), Y (pop 10) at 3 (w 0, still usable).
    // D = 0·1 + 10·0 = 0 → R = 4/0 = ∞; A_Z = ∞·1 = ∞; A_Y = ∞·0 = NaN → skipped → 0.
    const r = twoStep(
      {
        population: [0, 10],
        capacity: [4],
        pairs: pairs([
          [0, 0, 1],
          [1, 0, 3],
        ]),
      },
      { maxCost: 3, weight: stepWeight([[2, 1]]) },
    );
    expectAllClose(r, [Infinity, 0]);
  });
  it("uses PySAL's default steps {10: 1, 20: 0.68, 30: 0.22} when no weight is given", () => {
    // costs 5 and 15: D = 1·1 + 1·0.68 = 1.68; R = 2/1.68; A0 = R; A1 = 0.68 R
    const r = computeAccess('e2sfca', {
      population: [1, 1],
      capacity: [2],
      pairs: pairs([
        [0, 0, 5],
        [1, 0, 15],
      ]),
    });
    expectAllClose(r, [2 / 1.68, (0.68 * 2) / 1.68]);
  });
});

describe('3sfca', () => {
  /*
   * A=10, B=20; s1=6, s2=3; A–s1 1, A–s2 3, B–s1 2. Weight step {2: 1, 4: 0.5}, maxCost 2.
   * W: A–s1 1, A–s2 0.5, B–s1 1. G over ALL of A's suppliers (A–s2 is beyond maxCost):
   * G(A–s1) = 1/1.5, G(A–s2) = 0.5/1.5, G(B–s1) = 1.
   * D_s1 = 10·1·(2/3) + 20·1·1 = 80/3 → R1 = 6/(80/3) = 0.225; s2 is not reached.
   * A = 0.225·1·(2/3) = 0.15; B = 0.225.
   */
  const T: AccessInput = {
    population: [10, 20],
    capacity: [6, 3],
    pairs: pairs([
      [0, 0, 1],
      [0, 1, 3],
      [1, 0, 2],
    ]),
  };
  const w = stepWeight([
    [2, 1],
    [4, 0.5],
  ]);
  it('computes selection weights over all suppliers, then 2SFCA with W·G', () => {
    expectAllClose(threeStep(T, { maxCost: 2, weight: w }), [0.15, 0.225]);
  });
  it('differs when the pairs beyond maxCost are missing (so finders must search the weight support)', () => {
    const cut = pairs([
      [0, 0, 1],
      [1, 0, 2],
    ]);
    // G = 1 everywhere → plain 2SFCA: D = 30, R = 0.2
    expectAllClose(threeStep({ ...T, pairs: cut }, { maxCost: 2, weight: w }), [0.2, 0.2]);
  });
  it("uses PySAL's default steps {10: .962, 20: .704, 30: .377, 60: .042}", () => {
    // one area, two suppliers at 5 and 25: W = .962, .377; G = W / 1.339.
    // D_j = W_j·G_j; R_j = 1/D_j; A = Σ R_j W_j G_j = 2 (each supplier's whole ratio returns).
    const r = computeAccess('3sfca', {
      population: [1],
      capacity: [1, 1],
      pairs: pairs([
        [0, 0, 5],
        [0, 1, 25],
      ]),
    });
    expectAllClose(r, [2]);
  });
});

describe('fca', () => {
  /*
   * Case H plus demand-to-demand costs: A–B 2, A–C 4, B–C 1, D–E 1 (both directions); maxCost 3.
   * Demand catchments (self + neighbours): A 100+200 = 300; B 200+100+50 = 350; C 50+200 = 250;
   * D 0+30 = 30; E 30+0 = 30. Supply catchments: A 15, B 10, C 5, D 0 (s3 cap 0), E none → 0.
   */
  const nn = pairs([
    [0, 1, 2],
    [1, 0, 2],
    [0, 2, 4],
    [2, 0, 4],
    [1, 2, 1],
    [2, 1, 1],
    [3, 4, 1],
    [4, 3, 1],
  ]);
  it('divides supply by demand within the catchment; no supplier in range → 0', () => {
    expectAllClose(fca({ ...H, neighborPairs: nn }, { maxCost: 3 }), [15 / 300, 10 / 350, 5 / 250, 0, 0]);
  });
  it('counts each area as its own neighbour at cost 0, ignoring explicit self rows', () => {
    const withSelf = pairs([
      [0, 0, 9],
      [1, 1, 0],
      ...Array.from({ length: nn.length }, (_, k) => [nn.origin[k]!, nn.dest[k]!, nn.cost[k]!] as const),
    ]);
    expectAllClose(fca({ ...H, neighborPairs: withSelf }, { maxCost: 3 }), [15 / 300, 10 / 350, 5 / 250, 0, 0]);
  });
  it('gives Infinity for zero catchment demand with supply, NaN for 0/0', () => {
    const r = fca(
      { population: [0, 0], capacity: [3], pairs: pairs([[0, 0, 1]]), neighborPairs: pairs([]) },
      { maxCost: 2 },
    );
    expectAllClose(r, [Infinity, NaN]);
  });
  it('is NaN when not even the area itself is within the catchment (maxCost < 0)', () => {
    expectAllClose(fca({ ...H, neighborPairs: nn }, { maxCost: -1 }), [NaN, NaN, NaN, NaN, NaN]);
  });
  it('applies an optional weight to both sums (PySAL fca.fca_ratio weight_fn)', () => {
    // step {1: 1, 3: 0.5}: A demand 100·1 + 200·0.5 = 200; supply 10·1 + 5·0.5 = 12.5
    const r = fca(
      { ...H, neighborPairs: nn },
      {
        maxCost: 3,
        weight: stepWeight([
          [1, 1],
          [3, 0.5],
        ]),
      },
    );
    expect(r[0]).toBeCloseTo(12.5 / 200, 15);
  });
  it('requires neighbour pairs', () => {
    expect(() => fca(H)).toThrow(/neighborPairs/);
  });
});

describe('nearest', () => {
  it('is the cost to the nearest usable supplier, NaN when none', () => {
    expectAllClose(nearest(H), [1, 2, 2, 1, NaN]);
    expectAllClose(nearest(H, { maxCost: 1.5 }), [1, NaN, NaN, 1, NaN]);
  });
});

describe('normalize', () => {
  it('divides by Σ A·P / Σ P, skipping NaN products but keeping their population', () => {
    // num = 2·10 + 4·30 = 140 (NaN·20 skipped); den = 60; mean = 7/3
    expectAllClose(normalize([2, NaN, 4], [10, 20, 30]), [6 / 7, NaN, 12 / 7]);
  });
  it('skips ∞·0', () => {
    expectAllClose(normalize([Infinity, 1], [0, 4]), [Infinity, 1]);
  });
  it('is applied by computeAccess({ normalize: true })', () => {
    // 2SFCA on H (maxCost 3) = [1/15, 1/30, 1/30, 0, NaN]; Σ A·P = 100/15 + 200/30 + 50/30 = 15;
    // Σ P = 380 → mean 15/380
    const mean = 15 / 380;
    expectAllClose(computeAccess('2sfca', H, { maxCost: 3, normalize: true }), [
      1 / 15 / mean,
      1 / 30 / mean,
      1 / 30 / mean,
      0,
      NaN,
    ]);
  });
});

describe('index validation', () => {
  it('rejects pair indices out of range', () => {
    expect(() => twoStep({ population: [1], capacity: [1], pairs: pairs([[0, 3, 1]]) })).toThrow(RangeError);
    expect(() => twoStep({ population: [1], capacity: [1], pairs: pairs([[2, 0, 1]]) })).toThrow(RangeError);
  });
});

/* ---- PySAL's own tests on the 5×5 grid (values re-derived in the comments) ---- */

describe('PySAL test_weighted_catchment', () => {
  const g = grid();
  const one = [g[12]!]; // any single demand point gives the same results
  const input: AccessInput = { population: [1], capacity: g.map(() => 1), pairs: gridPairs(one, g) };
  it('step {0.5: 1} counts only the co-located supplier → 1', () => {
    expectAllClose(catchment(input, { weight: stepWeight([[0.5, 1]]) }), [1]);
  });
  it('step {0.5: 0.5} → 0.5', () => {
    expectAllClose(catchment(input, { weight: stepWeight([[0.5, 0.5]]) }), [0.5]);
  });
  it('step {10: 1} reaches all 25 → 25, normalised → 1', () => {
    expectAllClose(catchment(input, { weight: stepWeight([[10, 1]]) }), [25]);
    expectAllClose(computeAccess('catchment', input, { weight: stepWeight([[10, 1]]), normalize: true }), [1]);
  });
  it('gravity(scale 60, alpha 1) on the full grid: Σ_j d_ij / 60', () => {
    const demand = grid();
    const full: AccessInput = {
      population: demand.map(() => 1),
      capacity: g.map(() => 1),
      pairs: gridPairs(demand, g),
    };
    const r = catchment(full, { weight: gravityWeight(60, 1) });
    const ids = [1, 5, 13, 19, 24];
    // Independent derivation: Σ over the grid of the Euclidean distance, divided by 60.
    const derived = ids.map((id) => {
      const p = demand[id - 1]!;
      return g.reduce((s, q) => s + Math.hypot(p.x - q.x, p.y - q.y), 0) / 60;
    });
    expectAllClose(
      ids.map((id) => r[id - 1]!),
      derived,
      1e-12,
    );
    // The figures printed in PySAL's test (9 decimals).
    const printed = [1.32234021, 1.32234021, 0.780985109, 0.925540119, 1.133733026];
    ids.forEach((id, k) => expect(Math.abs(r[id - 1]! - printed[k]!)).toBeLessThan(1e-9));
  });
});

describe('PySAL test_floating_catchment_area', () => {
  const g = grid();
  const demand = [g[1]!, g[7]!, g[13]!, g[19]!, g[20]!]; // a sample of 5 grid points, value 1
  const dIds = demand.map((p) => p.id);
  const input: AccessInput = {
    population: demand.map(() => 1),
    capacity: g.map(() => 1),
    pairs: gridPairs(demand, g),
    // PySAL passes the grid's full cost matrix as neighbour costs; rows whose ids are not
    // demand points drop out of its merge, like 'skip' here.
    neighborPairs: pairsFromTable(euclideanRows(g, g), dIds, dIds, { unknown: 'skip' }),
  };
  it('fca: large catchment → total supply / total demand = 25/5 = 5; normalised → 1', () => {
    expectAllClose(fca(input), [5, 5, 5, 5, 5]);
    expectAllClose(computeAccess('fca', input, { normalize: true }), [1, 1, 1, 1, 1]);
  });
  it('fca: catchment 0.9 → each area only sees itself and its co-located supplier → 1', () => {
    expectAllClose(fca(input, { maxCost: 0.9 }), [1, 1, 1, 1, 1]);
    expectAllClose(fca(input, { maxCost: 0.8 }), [1, 1, 1, 1, 1]);
  });
  it('fca: catchment -1 → NaN', () => {
    expectAllClose(fca(input, { maxCost: -1 }), [NaN, NaN, NaN, NaN, NaN]);
  });
  it('2sfca: large → each supplier R = 1/5, A = 25/5 = 5; 0.9 → 1; -1 → NaN', () => {
    expectAllClose(twoStep(input), [5, 5, 5, 5, 5]);
    expectAllClose(computeAccess('2sfca', input, { normalize: true }), [1, 1, 1, 1, 1]);
    expectAllClose(twoStep(input, { maxCost: 0.9 }), [1, 1, 1, 1, 1]);
    expectAllClose(twoStep(input, { maxCost: -1 }), [NaN, NaN, NaN, NaN, NaN]);
  });
  it('e2sfca with the default steps: every grid cost is < 10 → weight 1 → same as 2sfca', () => {
    expectAllClose(computeAccess('e2sfca', input), [5, 5, 5, 5, 5]);
    expectAllClose(computeAccess('e2sfca', input, { maxCost: 0.9 }), [1, 1, 1, 1, 1]);
    expectAllClose(computeAccess('e2sfca', input, { maxCost: -1 }), [NaN, NaN, NaN, NaN, NaN]);
  });
  it('3sfca with step {10: 25}: W = 25, G = 25/(25·25) = 1/25 → W·G = 1 → 5, and 1 at 0.9', () => {
    const w = stepWeight([[10, 25]]);
    expectAllClose(threeStep(input, { weight: w }), [5, 5, 5, 5, 5]);
    expectAllClose(computeAccess('3sfca', input, { weight: w, normalize: true }), [1, 1, 1, 1, 1]);
    // At 0.9, G is still 1/25 (computed over all 25 suppliers): D = 1·25/25 = 1, R = 1, A = 1
    expectAllClose(threeStep(input, { weight: w, maxCost: 0.9 }), [1, 1, 1, 1, 1]);
    expectAllClose(computeAccess('3sfca', input, { maxCost: -1 }), [NaN, NaN, NaN, NaN, NaN]);
  });
  it('sums like pandas (compensated): the large-catchment 2SFCA is exactly 5', () => {
    expect(Array.from(twoStep(input))).toEqual([5, 5, 5, 5, 5]);
  });
});
