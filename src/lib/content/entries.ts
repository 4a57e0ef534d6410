/**
 * Content entries are stored as `<locale>/<slug>.md`; these helpers read that id and find which
 * locales an entry exists in, so each page is built only where its text exists and the language
 * switcher only offers real translations.
 */
export interface EntryLike {
  id: string;
}

/** `en/newcomers-at-a-glance` → `{ locale: 'en', slug: 'newcomers-at-a-glance' }`. */
export function splitEntryId(id: string): { locale: string; slug: string } {
  const i = id.indexOf('/');
  return i < 0 ? { locale: '', slug: id } : { locale: id.slice(0, i), slug: id.slice(i + 1) };
}

/** Entries of one locale. */
export function entriesIn<T extends EntryLike>(entries: readonly T[], locale: string): T[] {
  // Astro's glob loader lower-cases ids (`zh-hans/…`): compare locales without regard to case.
  return entries.filter((e) => splitEntryId(e.id).locale.toLowerCase() === locale.toLowerCase());
}

/** Locales (among `published`) in which the slug exists, in published order. */
export function localesOf<L extends string>(entries: readonly EntryLike[], slug: string, published: readonly L[]): L[] {
  return published.filter((l) => entries.some((e) => e.id.toLowerCase() === `${l}/${slug}`.toLowerCase()));
}
