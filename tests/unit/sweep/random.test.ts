import { describe, expect, it } from 'vitest';
import { randomSeed, sample, seededRandom, seedFrom } from '../../../scripts/lib/random.ts';

describe('seeded random (scripts/lib/random.ts)', () => {
  it('keeps its sequence: recorded SWEEP_SEED / AXE_SEED values must repeat their runs', () => {
    const rand = seededRandom(1234);
    expect([rand(), rand(), rand()]).toEqual([0.07329497812315822, 0.7034119898453355, 0.9028560190927237]);
    expect(
      sample(
        Array.from({ length: 100 }, (_, i) => i),
        5,
        1234,
      ),
    ).toEqual([7, 70, 90, 97, 0]);
  });

  it('draws the same sample from the same seed, a different one from another', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(sample(items, 10, 42)).toEqual(sample(items, 10, 42));
    expect(sample(items, 10, 42)).not.toEqual(sample(items, 10, 43));
    expect(new Set(sample(items, 10, 1)).size).toBe(10);
    expect(sample([1, 2], 5, 1)).toHaveLength(2);
  });

  it('reads a seed, or makes a fresh one', () => {
    expect(seedFrom('123')).toBe(123);
    expect(seedFrom('-1')).toBe(2 ** 32 - 1);
    expect(seedFrom(undefined)).toBeGreaterThanOrEqual(0);
    expect(seedFrom('')).toBeLessThan(2 ** 31);
    const fresh = randomSeed();
    expect(Number.isInteger(fresh) && fresh >= 0 && fresh < 2 ** 31).toBe(true);
  });
});
