import { describe, expect, it } from 'vitest';
import { sumIndicator } from '../../../src/lib/summary.ts';

describe('sumIndicator when nothing is known', () => {
  it('gives no total, not 0, when every area is unknown', () => {
    expect(sumIndicator([{ indicators: { pop: null } }, { indicators: {} }], 'pop')).toEqual({
      total: null,
      unknownAreas: 2,
    });
    expect(sumIndicator([], 'pop')).toEqual({ total: null, unknownAreas: 0 });
  });

  it('keeps a known 0 apart from unknown', () => {
    expect(sumIndicator([{ indicators: { pop: 0 } }], 'pop')).toEqual({ total: 0, unknownAreas: 0 });
  });
});
