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

/** A service's URL slug: readable name first, the unique id last (`albion-tpl-ab`). */
export function serviceSlug(name: string, id: string): string {
  return `${slugify(name)}-${id}`.replace(/^-/, '');
}
