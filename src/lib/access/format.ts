/**
 * Number formatting for result files: finite doubles are written with JavaScript's
 * shortest round-trip representation (String(x), so Number(text) gives back the same
 * double), non-finite values as `NaN`, `Infinity`, `-Infinity`.
 */
export function formatValue(x: number): string {
  // String() already gives these spellings; -0 is written as 0 (it parses back to 0).
  return String(x);
}
