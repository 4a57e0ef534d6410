import { describe, expect, it } from 'vitest';
import { entry, nth } from '../../src/lib/lookup.ts';

describe('checked reads', () => {
  it('returns an element that exists, and says which index is missing otherwise', () => {
    expect(nth([10, 20], 1)).toBe(20);
    expect(nth(new Float64Array([Number.NaN]), 0)).toBeNaN();
    expect(() => nth([10, 20], 2)).toThrow('index 2 is outside a list of 2');
    expect(() => nth(new Int32Array(0), 0)).toThrow('index 0 is outside a list of 0');
  });

  it('returns a map entry that is there, and names the missing key otherwise', () => {
    const m = new Map([['food', 1]]);
    expect(entry(m, 'food')).toBe(1);
    expect(() => entry(m, 'health', 'category')).toThrow('no category "health"');
  });
});
