/**
 * The finder's state in its form and in the address: reads the query from either, writes a
 * query into the form, and records a new query in the history (typing replaces the entry,
 * other changes add one, so the back button steps through searches). Parsing and serialising
 * are src/lib/finder/query.ts; which field shows what is src/lib/finder/view.ts.
 */
import {
  parseQuery,
  serializeQuery,
  withoutUnavailable,
  type AvailableFilters,
  type FinderQuery,
} from '../../lib/finder/query.ts';
import { formParams, formValues, queryUrl } from '../../lib/finder/view.ts';

/** The address's query; a need's page starts from its need (`defaultQ`) when the address names no search. */
export function queryFromUrl(defaultQ: string | undefined, available: AvailableFilters): FinderQuery {
  const params = new URLSearchParams(location.search);
  if (!params.has('q') && defaultQ) params.set('q', defaultQ);
  return withoutUnavailable(parseQuery(params), available);
}

export function readForm(form: HTMLFormElement): FinderQuery {
  return parseQuery(formParams(new FormData(form)));
}

export function writeForm(form: HTMLFormElement, query: FinderQuery): void {
  const values = formValues(query);
  for (const [name, value] of Object.entries(values.fields)) setField(form, name, value);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const checked = values.checked(box.name, box.value);
    if (checked !== undefined) box.checked = checked;
  }
  const more = form.querySelector<HTMLDetailsElement>('details.more');
  if (more && values.openMore) more.open = true;
  const categories = form.querySelector<HTMLDetailsElement>('details.categories-menu');
  if (categories && values.openCategories) categories.open = true;
}

/** Sets a text field or select of `form` by name, when the form has it. */
export function setField(form: HTMLFormElement, name: string, value: string): void {
  const field = form.elements.namedItem(name);
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
}

/** Puts `query` in the address (when it changed): a new history entry, or replacing the current one. */
export function recordQuery(query: FinderQuery, history: 'push' | 'replace'): void {
  const url = queryUrl(location.pathname, serializeQuery(query));
  if (url === `${location.pathname}${location.search}`) return;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
