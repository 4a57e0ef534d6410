/**
 * Words for a share, derived from its value: 0.466 → "almost half", 0.34 → "more than a third".
 * A share is put in words only when it is close to a simple fraction (within a tenth of that
 * fraction); otherwise there are no words and the page states the number alone. The words are
 * UI strings (`share.<kind>` with `share.fraction.<fraction>`), so every locale gets them.
 */

export const FRACTIONS = [
  { id: 'tenth', value: 1 / 10 },
  { id: 'fifth', value: 1 / 5 },
  { id: 'quarter', value: 1 / 4 },
  { id: 'third', value: 1 / 3 },
  { id: 'half', value: 1 / 2 },
  { id: 'twoThirds', value: 2 / 3 },
  { id: 'threeQuarters', value: 3 / 4 },
] as const;

export type FractionId = (typeof FRACTIONS)[number]['id'];

export interface ShareWords {
  /** `almost` below the fraction, `about` within half a percentage point, `moreThan` above. */
  kind: 'almost' | 'about' | 'moreThan';
  fraction: FractionId;
}

/** How close (as a part of the fraction) a share must be to be put in words. */
const TOLERANCE = 0.1;

export function shareWords(share: number | null): ShareWords | null {
  if (share === null || !Number.isFinite(share) || share <= 0 || share >= 1) return null;
  let best: (typeof FRACTIONS)[number] = FRACTIONS[0];
  for (const f of FRACTIONS) if (Math.abs(share - f.value) < Math.abs(share - best.value)) best = f;
  const diff = share - best.value;
  if (Math.abs(diff) > best.value * TOLERANCE) return null;
  if (Math.abs(diff) <= 0.005) return { kind: 'about', fraction: best.id };
  return { kind: diff < 0 ? 'almost' : 'moreThan', fraction: best.id };
}
