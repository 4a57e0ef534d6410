import { describe, expect, it } from 'vitest';
import { gaussianWeight, gravityWeight, parseWeightSpec, stepWeight } from '../../../src/lib/access/index.ts';

describe('step weight', () => {
  it('takes the first threshold with cost <= t (inclusive), 0 beyond the last (PySAL docstring example)', () => {
    const f = stepWeight({ 20: 1, 40: 0.68, 60: 0.22 }).apply;
    const got = [0, 10, 20, 30, 40, 50, 60, 70].map(f);
    expect(got).toEqual([1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
  });
  it('sorts thresholds given out of order', () => {
    const f = stepWeight([
      [60, 0.22],
      [20, 1],
      [40, 0.68],
    ]).apply;
    expect(f(25)).toBe(0.68);
  });
  it('gives 0 for a NaN cost and handles negative costs', () => {
    const f = stepWeight([[10, 2]]).apply;
    expect(f(NaN)).toBe(0);
    expect(f(-5)).toBe(2);
  });
  it('rejects negative weights and duplicate thresholds', () => {
    expect(() => stepWeight([[10, -1]])).toThrow(RangeError);
    expect(() =>
      stepWeight([
        [10, 1],
        [10, 2],
      ]),
    ).toThrow(/duplicate/);
    expect(() => stepWeight([])).toThrow(RangeError);
  });
  it('scales sums like PySAL test_weights (weight 0, 1, 0.5, 2 over 1..n-1)', () => {
    const n = 37;
    const series = Array.from({ length: n - 1 }, (_, k) => k + 1);
    const total = series.reduce((a, b) => a + b, 0);
    for (const w of [0, 1, 0.5, 2]) {
      const f = stepWeight([[n, w]]).apply;
      expect(series.reduce((a, c) => a + c * f(c), 0)).toBe(total * w);
    }
  });
  it('has support at the last threshold', () => {
    expect(
      stepWeight([
        [1000, 1],
        [3000, 0.22],
      ]).support,
    ).toBe(3000);
  });
});

describe('gaussian weight', () => {
  it('is exp(-c²/2σ²) with f(0) = 1', () => {
    const f = gaussianWeight(20).apply;
    expect(f(0)).toBe(1);
    expect(f(20)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(f(40)).toBeCloseTo(Math.exp(-2), 15);
    expect(f(60)).toBeCloseTo(Math.exp(-4.5), 15);
  });
  it('matches PySAL test_weights values for σ = ±2, ±50 at c = 1', () => {
    // exp(-1/8) and exp(-1/5000)
    expect(gaussianWeight(-2).apply(1)).toBeCloseTo(0.8824969, 7);
    expect(gaussianWeight(2).apply(1)).toBeCloseTo(0.8824969, 7);
    expect(gaussianWeight(50).apply(1)).toBeCloseTo(0.99980001, 7);
    expect(gaussianWeight(1).apply(1)).toBeCloseTo(0.6065306597, 10);
  });
  it('rejects σ = 0', () => {
    expect(() => gaussianWeight(0)).toThrow(RangeError);
  });
  it('is exactly 0 beyond its support', () => {
    const w = gaussianWeight(1500);
    expect(w.apply(w.support * 1.0000001)).toBe(0);
    expect(w.apply(w.support * 0.5)).toBeGreaterThan(0);
  });
});

describe('gravity weight', () => {
  it('is (max(c, min)/scale)^alpha (PySAL docstring: scale 20, alpha -2, min 1)', () => {
    const f = gravityWeight(20, -2, 1).apply;
    // (1/20)^-2 is 399.99999999999994 in correctly rounded pow (PySAL's docstring rounds to 2 places).
    expect(f(0)).toBeCloseTo(400, 10);
    expect(f(1)).toBe(f(0));
    expect(f(2)).toBeCloseTo(100, 12);
    expect(f(20)).toBe(1);
    expect(f(40)).toBe(0.25);
    expect(f(60)).toBeCloseTo(1 / 9, 15);
  });
  it('is 1 for alpha 0 and Infinity at c = 0 without a minimum', () => {
    expect(gravityWeight(7, 0).apply(3)).toBe(1);
    expect(gravityWeight(100, -2).apply(0)).toBe(Infinity);
  });
  it('has no support bound', () => {
    expect(gravityWeight(1, -1).support).toBe(Infinity);
  });
});

describe('parseWeightSpec', () => {
  it('parses step, gaussian and gravity', () => {
    expect(parseWeightSpec('step:1000=1,2000=0.68,3000=0.22').apply(1500)).toBe(0.68);
    expect(parseWeightSpec('gaussian:1500').apply(1500)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(parseWeightSpec('gravity:1000,-2,100').apply(50)).toBeCloseTo(100, 12);
    expect(parseWeightSpec('gravity:1000,-2').apply(500)).toBe(4);
  });
  it('rejects malformed specs', () => {
    for (const bad of [
      'step',
      'step:1000',
      'step:a=1',
      'gaussian:',
      'gaussian:0',
      'gaussian:1,2',
      'gravity:1',
      'cubic:1',
      'step:1=-1',
    ]) {
      expect(() => parseWeightSpec(bad), bad).toThrow(RangeError);
    }
  });
});
