/** URL slugs. One definition, shared by the importers (which assign slugs) and the finder (which rebuilds them). */

/** Lowercase ASCII slug: accents removed, runs of other characters become one `-`. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Longest slug. A slug is a folder name of the built site (`/fr/services/<slug>/index.html`);
 * file systems refuse names over 255 bytes, and long URLs are unreadable anyway.
 */
export const MAX_SLUG_LENGTH = 150;

/** FNV-1a (32 bit, unsigned) of a string: a cheap, stable hash. */
export function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** {@link fnv1a} in base 36: a short, stable fingerprint. */
function fingerprint(value: string): string {
  return fnv1a(value).toString(36);
}

/**
 * A service's URL slug: readable name first, the unique id last (`albion-tpl-ab`). A slug
 * longer than {@link MAX_SLUG_LENGTH} is cut and ends with a fingerprint of the whole slug, so
 * it stays the same from build to build and two long names sharing a start stay apart.
 */
export function serviceSlug(name: string, id: string): string {
  const full = `${slugify(name)}-${id}`.replace(/^-/, '');
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const tail = fingerprint(full);
  return `${full.slice(0, MAX_SLUG_LENGTH - tail.length - 1).replace(/-+$/, '')}-${tail}`;
}

/** A neighbourhood fact sheet's URL slug: its name (`west-humber-clairville`), else its id. */
export function areaSlug(area: { readonly id: string; readonly name: string }): string {
  return slugify(area.name) || slugify(area.id) || area.id;
}

/**
 * Old numeric addresses of the neighbourhood fact sheets (`/en/fact-sheets/neighbourhoods/83/`)
 * and the readable ones they now redirect to, per locale. Areas whose slug is their id need none.
 * Throws when two areas would share a slug, naming both.
 */
export function areaSheetRedirects(
  areas: readonly { readonly id: string; readonly name: string }[],
  locales: readonly string[],
): Record<string, string> {
  const seen = new Map<string, string>();
  for (const a of areas) {
    const slug = areaSlug(a);
    const other = seen.get(slug);
    if (other !== undefined)
      throw new Error(
        `areas "${other}" and "${a.name}" (id ${a.id}) have the same fact-sheet address "${slug}": rename one in the areas file`,
      );
    seen.set(slug, a.name);
  }
  const out: Record<string, string> = {};
  for (const locale of locales) {
    for (const a of areas) {
      const slug = areaSlug(a);
      if (slug !== a.id)
        out[`/${locale}/fact-sheets/neighbourhoods/${a.id}/`] = `/${locale}/fact-sheets/neighbourhoods/${slug}/`;
    }
  }
  return out;
}

/** The neighbourhood fact sheet's path below the locale (`fact-sheets/neighbourhoods/<slug>/`). */
export function areaSheetPath(area: { readonly id: string; readonly name: string }): string {
  return `fact-sheets/neighbourhoods/${areaSlug(area)}/`;
}
