/** The finder's results list: one entry per row of src/lib/finder/view.ts, each with its save button. */
import { el } from '../../lib/client/dom.ts';
import type { ResultRow } from '../../lib/finder/view.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import type { FinderMessages } from './config.ts';
import { readShortlist, toggleShortlist } from './shortlist-store.ts';

export interface ListContext {
  readonly messages: FinderMessages;
  /** Formats metres in the page's language. */
  readonly distance: (metres: number) => string;
  /** The slug of the service selected on the map or in the list. */
  readonly selected: string | undefined;
  /** A result's entry received focus. */
  readonly focused: (slug: string) => void;
}

function swatch(className: string, category?: string): HTMLSpanElement {
  const node = el('span', { class: className, 'aria-hidden': 'true' });
  if (category) node.dataset.category = category;
  return node;
}

/** A category's legend or chip entry: its swatch and label. */
export function categoryItem(id: string, label: string): HTMLLIElement {
  return el('li', {}, swatch('category-swatch', id), label);
}

/** A list entry for `row`. */
function entry(row: ResultRow, saved: boolean, ctx: ListContext): HTMLLIElement {
  const m = ctx.messages;
  const chips = el('ul', { class: 'chips' }, ...row.categories.map((c) => categoryItem(c.id, c.label)));
  if (row.subtypes) chips.append(el('li', { class: 'subtype' }, row.subtypes));
  const details = el('p', { class: 'details' });
  if (row.distance !== undefined)
    details.append(el('strong', {}, fill(m.distance, { distance: ctx.distance(row.distance) })), ' · ');
  details.append(el('bdi', { dir: 'ltr' }, row.address));
  if (row.organization) details.append(' · ', row.organization);
  const item = el('li', { class: 'result' }, el('h3', {}, el('a', { href: row.href }, row.name)), chips, details);
  if (row.phone)
    item.append(el('p', { class: 'phone' }, el('a', { href: row.tel }, el('bdi', { dir: 'ltr' }, row.phone))));
  const save = el('button', { type: 'button', class: 'secondary save' });
  save.dataset.slug = row.slug;
  save.dataset.name = row.name;
  paintSave(save, saved, m);
  save.addEventListener('click', () => paintSave(save, toggleShortlist(row.slug), m));
  item.append(save);
  item.dataset.slug = row.slug;
  if (row.slug === ctx.selected) item.classList.add('selected');
  item.addEventListener('focusin', () => ctx.focused(row.slug));
  return item;
}

/** Fills `list` with the entries of `rows`. */
export function renderList(list: HTMLElement, rows: readonly ResultRow[], ctx: ListContext): void {
  const saved = new Set(readShortlist());
  list.replaceChildren(...rows.map((row) => entry(row, saved.has(row.slug), ctx)));
}

/** Shows whether the button's service is on the shortlist. */
function paintSave(button: HTMLButtonElement, saved: boolean, m: FinderMessages): void {
  button.textContent = saved ? m.saved : m.save;
  button.setAttribute('aria-pressed', String(saved));
  button.setAttribute('aria-label', fill(saved ? m.savedLabel : m.saveLabel, { name: button.dataset.name ?? '' }));
}

/** Repaints every save button under `root` after the shortlist changed (in this tab or another). */
export function syncSaveButtons(root: ParentNode, m: FinderMessages): void {
  const saved = new Set(readShortlist());
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.save'))
    paintSave(button, saved.has(button.dataset.slug ?? ''), m);
}

/** Marks the entry of `slug` as selected. */
export function markSelected(list: ParentNode, slug: string): void {
  for (const item of list.querySelectorAll<HTMLElement>('.results > li'))
    item.classList.toggle('selected', item.dataset.slug === slug);
}
