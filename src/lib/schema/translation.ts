/**
 * Front-matter fields every translatable Markdown text carries, for the translation status
 * page and the draft notice. Spread into a collection's schema: `z.object({ ...translationFields, … })`.
 */
import { z } from 'zod';

export const translationFields = {
  /**
   * `original`: written in this language; `draft`: a translation nobody from the community has
   * reviewed yet; `reviewed`: a translation checked by the person in `reviewedBy`.
   * Omitted: English and French are originals, other languages drafts.
   */
  translationStatus: z.enum(['original', 'draft', 'reviewed']).optional(),
  /** Who reviewed the translation (name or group); required for `reviewed`. */
  reviewedBy: z.string().min(1).optional(),
};

/** Rejects `translationStatus: reviewed` without a `reviewedBy`. */
export function checkReviewer(
  data: { translationStatus?: string | undefined; reviewedBy?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (data.translationStatus === 'reviewed' && !data.reviewedBy) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewedBy'],
      message: 'a reviewed translation needs reviewedBy (who reviewed it)',
    });
  }
}
