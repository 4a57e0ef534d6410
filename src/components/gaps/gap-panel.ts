/** The gaps explorer's area panel: indicators, home languages, nearest services, languages of service. */
import type { AreaPanel } from '../../lib/access/gap-view.ts';
import { el } from '../../lib/client/dom.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import type { GapFormatters } from './format.ts';
import type { GapMessages } from './messages.ts';

/** The panel body's nodes for `p`; `categoryLabel` names a category id in the page's language. */
export function panelBody(
  p: AreaPanel,
  msg: GapMessages,
  f: GapFormatters,
  lang: string,
  categoryLabel: (id: string) => string,
): HTMLElement[] {
  const int = new Intl.NumberFormat(lang);
  const body: HTMLElement[] = [el('h4', {}, msg.panelIndicators)];
  const dl = el('dl', { class: 'panel-indicators' });
  for (const i of p.indicators)
    dl.append(
      el('dt', {}, i.label),
      el('dd', {}, f.count(i.count) + (i.share === null ? '' : ` (${f.share(i.share)})`)),
    );
  body.push(dl, el('h4', {}, msg.panelLanguages));
  if (p.languages.length === 0) body.push(el('p', {}, msg.panelNoLanguages));
  else
    body.push(
      el(
        'ol',
        {},
        ...p.languages.map((l) => el('li', {}, el('span', { lang: 'en' }, l.name), `: ${f.count(l.count)}`)),
      ),
    );

  body.push(el('h4', {}, msg.panelNearest));
  const table = el('table', { class: 'panel-nearest' });
  for (const n of p.nearest) {
    const name = n.service === null ? msg.none : typeof n.service === 'string' ? n.service : msg.panelProposed;
    table.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, categoryLabel(n.category)),
        el('td', {}, name),
        el('td', { class: 'num' }, f.km(n.metres)),
        el('td', {}, fill(msg.panelInReach, { count: int.format(n.inReach), km: f.cost(n.maxCost) })),
      ),
    );
  }
  body.push(el('div', { class: 'table-scroll' }, table), el('h4', {}, msg.panelServiceLanguages));
  if (p.serviceLanguages === null) body.push(el('p', {}, msg.panelNoServiceLanguageData));
  else
    body.push(
      el(
        'ul',
        {},
        ...p.serviceLanguages.map(({ language, count }) =>
          el(
            'li',
            {},
            count > 0
              ? fill(msg.panelLanguageOffered, { language, count: int.format(count) })
              : fill(msg.panelLanguageNotOffered, { language }),
          ),
        ),
      ),
    );
  return body;
}
