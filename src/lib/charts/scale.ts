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

/**
 * Round tick values from 0 to `max` inclusive, for a `max` from {@link niceMax}: the step is
 * 1, 2 or 5 × 10^k (so a 0–10 axis reads 0, 2, 4, 6, 8, 10 and a 0–20 axis 0, 5, 10, 15, 20,
 * never 2.5 rounded to 3). Any other `max` is split into 4 equal intervals.
 */
export function ticks(max: number): number[] {
  const count = tickCount(max);
  return Array.from({ length: count + 1 }, (_, i) => Number(((max * i) / count).toPrecision(12)));
}

/** Intervals giving a 1/2/5 step: 4 for 2 × 10^k, 5 for 1, 2.5 and 5 × 10^k. */
function tickCount(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 4;
  const mantissa = Number((max / 10 ** Math.floor(Math.log10(max))).toPrecision(6));
  if (mantissa === 2) return 4;
  if (mantissa === 1 || mantissa === 2.5 || mantissa === 5) return 5;
  return 4;
}

/** Fraction digits that write every tick exactly (0 for 0, 20, 40; 1 for 0.5, 1, 1.5). */
export function tickDecimals(values: readonly number[]): number {
  let digits = 0;
  for (const v of values) {
    const [, frac = ''] = String(v).split('.');
    digits = Math.max(digits, frac.length);
  }
  return digits;
}

/** Maps `[0, domainMax]` onto `[0, rangeMax]`; values outside are clamped. */
export function linearScale(domainMax: number, rangeMax: number): (value: number) => number {
  const safeMax = domainMax > 0 ? domainMax : 1;
  return (value) => Math.max(0, Math.min(rangeMax, (value / safeMax) * rangeMax));
}
