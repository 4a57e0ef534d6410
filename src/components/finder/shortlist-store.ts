/**
 * The shortlist: services a visitor saved, kept in this browser only (localStorage), as slugs.
 * Every `<shortlist-button>` and `<shortlist-count>` on the page stays in sync through a
 * `shortlist-change` event.
 */
const KEY = 'shortlist';
const EVENT = 'shortlist-change';

export function readShortlist(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function writeShortlist(slugs: readonly string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...new Set(slugs)]));
  } catch {
    // Private browsing or a full quota: the list still works for this page view.
  }
  document.dispatchEvent(new CustomEvent(EVENT));
}

export function toggleShortlist(slug: string): boolean {
  const list = readShortlist();
  const saved = list.includes(slug);
  writeShortlist(saved ? list.filter((s) => s !== slug) : [...list, slug]);
  return !saved;
}

export function onShortlistChange(listener: () => void): void {
  document.addEventListener(EVENT, listener);
  // Another tab changed the list.
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) listener();
  });
}
