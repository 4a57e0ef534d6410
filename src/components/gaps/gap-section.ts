/**
 * Rewrites a category's server-rendered section of the gaps page (CategorySection.astro) with the
 * explorer's current results: the under-served count, the ranked list and, with a proposed site,
 * the areas it changes. The rows come from src/lib/access/gap-view.ts; this only formats them.
 */
import type { CategoryResult } from '../../lib/access/analysis.ts';
import type { CategoryProposal } from '../../lib/access/area-reach.ts';
import type { GapsModel } from '../../lib/access/gaps-input.ts';
import { changedRows, rankedRows, underServedCount } from '../../lib/access/gap-view.ts';
import { fillPlural } from '../../lib/client-messages.ts';
import { el, required } from '../../lib/client/dom.ts';
import { sortValue, type GapFormatters } from './format.ts';
import type { GapMessages } from './messages.ts';

export interface SectionContext {
  readonly model: GapsModel;
  readonly fmt: GapFormatters;
  readonly messages: GapMessages;
  readonly lang: string;
}

/** Updates `section` for `categoryId`'s result `r`; `base` and `proposal` when a proposed site is in `r`. */
export function updateSection(
  section: HTMLElement,
  ctx: SectionContext,
  categoryId: string,
  r: CategoryResult,
  withProposal: { base: CategoryResult; proposal: CategoryProposal } | null,
): void {
  const { fmt: f, messages: msg } = ctx;
  required(section, '[data-whatif-note]', HTMLElement).hidden = withProposal === null;
  required(section, '[data-under-count]', HTMLElement).textContent = fillPlural(
    msg.underServedCount,
    underServedCount(r),
    ctx.lang,
  );
  renderChanges(section, ctx, withProposal ? withProposal.base : null, r);

  // A category whose data cannot judge gaps has no ranked list.
  const table = section.querySelector<HTMLTableElement>('table[data-ranked]');
  if (!table) return;
  const rows = rankedRows(ctx.model, categoryId, r, withProposal ? [withProposal.proposal] : []);
  const href = section.dataset.areaHref ?? '';
  const int = new Intl.NumberFormat(ctx.lang);
  table.hidden = rows.length === 0;
  required(section, '[data-ranked-empty]', HTMLElement).hidden = rows.length > 0;
  required(table, 'tbody', HTMLTableSectionElement).replaceChildren(
    ...rows.map((row, i) =>
      el(
        'tr',
        { 'data-area': String(row.area) },
        el('td', { class: 'num' }, int.format(i + 1)),
        el('th', { scope: 'row', class: 'sticky' }, el('a', { href: href.replace('{id}', row.id) }, row.name)),
        el('td', { class: 'num' }, f.count(row.demand)),
        el('td', { class: 'num', 'data-col': 'people' }, f.count(row.unmet)),
        el('td', { class: 'num' }, f.normalized(row.normalized)),
        el('td', { class: 'num' }, f.km(row.nearest)),
        el('td', { 'data-col': 'robust' }, row.robust ? msg.robustHolds : msg.robustDepends),
      ),
    ),
  );
}

/**
 * Fills the section's "areas the proposed site changes" table (hidden without a proposal):
 * every area whose score or nearest distance differs from the base results, nearest first.
 */
function renderChanges(
  section: HTMLElement,
  ctx: SectionContext,
  base: CategoryResult | null,
  r: CategoryResult,
): void {
  const box = required(section, '[data-changes]', HTMLElement);
  const rows = base ? changedRows(ctx.model, base, r) : [];
  const f = ctx.fmt;
  box.hidden = rows.length === 0;
  required(box, 'tbody', HTMLTableSectionElement).replaceChildren(
    ...rows.map((row) =>
      el(
        'tr',
        { 'data-area': String(row.area), 'data-area-id': row.id },
        el('th', { scope: 'row' }, row.name),
        el(
          'td',
          { class: 'num', 'data-col': 'normalized-before', 'data-value': sortValue(row.normalizedBefore) },
          f.normalized(row.normalizedBefore),
        ),
        el(
          'td',
          { class: 'num', 'data-col': 'normalized', 'data-value': sortValue(row.normalized) },
          f.normalized(row.normalized),
        ),
        el('td', { class: 'num', 'data-col': 'nearest-before' }, f.km(row.nearestBefore)),
        el('td', { class: 'num', 'data-col': 'nearest' }, f.km(row.nearest)),
      ),
    ),
  );
}
