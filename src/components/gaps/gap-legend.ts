/** The gaps map's legend: one swatch per class of the current colouring, then the outlines and points. */
import { NO_DATA_COLOUR, UNDER_SERVED_OUTLINE } from '../../lib/access/classes.ts';
import type { Colouring, ColouringText } from '../../lib/access/gap-view.ts';
import type { GapFormatters } from './format.ts';
import { el } from '../../lib/client/dom.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import type { GapMessages } from './messages.ts';

/** A legend entry. Colours go through CSSOM (element.style), which the Content-Security-Policy
 * allows; a `style` attribute would be blocked (style-src 'self'). */
function item(swatchClass: string, text: string, style: Record<string, string> = {}): HTMLLIElement {
  const swatch = el('span', { class: `legend-swatch ${swatchClass}`, 'aria-hidden': 'true' });
  for (const [property, value] of Object.entries(style)) swatch.style.setProperty(property, value);
  return el('li', {}, swatch, el('span', {}, text));
}

export function renderLegend(
  box: HTMLElement,
  c: Colouring,
  msg: GapMessages,
  category: { label: string; color: string },
  withProposal: boolean,
): void {
  const list = el('ul', { class: 'legend-list' });
  c.labels.forEach((label, i) => list.append(item('fill', label, { background: c.colours[i] ?? NO_DATA_COLOUR })));
  list.append(item('fill', msg.legendNoData, { background: NO_DATA_COLOUR }));
  const outlines = el(
    'ul',
    { class: 'legend-list' },
    item('hatch', msg.legendNoService),
    item('outline', msg.legendUnderServed, { 'border-color': UNDER_SERVED_OUTLINE }),
    item('dot', fill(msg.legendServices, { category: category.label }), { background: category.color }),
  );
  if (withProposal) outlines.append(item('proposed', msg.legendProposed));
  box.replaceChildren(el('p', { class: 'legend-title' }, c.title), list, outlines);
}

/** The legend's labels and titles in the page's language; `category` is the shown category's label. */
export function legendText(msg: GapMessages, fmt: GapFormatters, lang: string, category: string): ColouringText {
  const int = new Intl.NumberFormat(lang);
  return {
    templates: { below: msg.legendBelow, range: msg.legendRange, atLeast: msg.legendAtLeast },
    underServedClass: msg.legendUnderServedClass,
    normalized: (v) => fmt.normalized(v),
    share: (v) => fmt.share(v),
    count: (v) => int.format(v),
    title: (by, info) =>
      by.kind === 'score'
        ? fill(msg.legendScore, { category })
        : fill(by.kind === 'count' ? msg.legendCount : msg.legendShare, { indicator: info?.label ?? '' }),
  };
}
