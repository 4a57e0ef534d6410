/** The finder's sentences around the list: the status line, the need note and the referral lines. */
import type { NeedsView } from '../../lib/finder/view.ts';

/** Says `text` in the finder's polite live region (screen readers read it when the reader pauses). */
export function showStatus(root: ParentNode, text: string): void {
  const status = root.querySelector<HTMLElement>('.status');
  if (status) status.textContent = text;
}

/** Shows which need the search understood, and the referral lines that help with it. */
export function showNeeds(root: ParentNode, v: NeedsView): void {
  const note = root.querySelector<HTMLElement>('.need-note');
  if (note) {
    note.hidden = v.note === null;
    note.textContent = v.note ?? '';
  }
  const referrals = root.querySelector<HTMLElement>('.referrals');
  if (!referrals) return;
  referrals.hidden = v.referrals.length === 0;
  if (v.referrals.length === 0) return;
  const intro = referrals.querySelector<HTMLElement>('.referrals-intro');
  if (intro) intro.textContent = v.intro;
  // The lines that help with this need (all of them for a search that found nothing).
  for (const line of referrals.querySelectorAll<HTMLElement>('li[data-kind]'))
    line.hidden = !v.referrals.some((kind) => kind === line.dataset.kind);
}
