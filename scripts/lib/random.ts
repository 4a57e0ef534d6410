/**
 * The project's one seeded pseudo-random generator, with seed parsing and sampling: the sweeps'
 * samples (scripts/sweep.ts `--sample`, tests/e2e/a11y-sweep.spec.ts) and the benchmarks'
 * synthetic data (scripts/bench/) all draw from it, so a printed seed repeats a run exactly.
 * Keep the algorithm: recorded seeds (SWEEP_SEED, AXE_SEED) name sequences of this generator.
 */

/** Deterministic pseudo-random numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items drawn with the seed (fewer when the list is shorter). */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const rand = seededRandom(seed);
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

/** A fresh random seed (not reproducible: print it so a run can be repeated). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** The seed from an environment variable or option (decimal), or a fresh random one. */
export function seedFrom(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed >>> 0 : randomSeed();
}
