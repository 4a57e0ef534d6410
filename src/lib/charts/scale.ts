/**
 * Scales for build-time SVG charts: a "nice" axis maximum and a linear mapping from values to
 * pixels. Pure functions, no DOM, so the unit tests check the geometry directly.
 */

/** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `max`; 1 when `max` ≤ 0 (an empty chart still has an axis). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Rounding guards 0.1 + 0.2-style float noise at exact steps.
    if (candidate >= max - power * 1e-9) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

/** Evenly spaced tick values from 0 to `max` inclusive (`count` intervals). */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Number(((max * i) / count).toPrecision(12)));
}

/** Maps `[0, domainMax]` onto `[0, rangeMax]`; values outside are clamped. */
export function linearScale(domainMax: number, rangeMax: number): (value: number) => number {
  const safeMax = domainMax > 0 ? domainMax : 1;
  return (value) => Math.max(0, Math.min(rangeMax, (value / safeMax) * rangeMax));
}
