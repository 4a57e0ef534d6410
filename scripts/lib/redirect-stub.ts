/**
 * Redirect stubs: the pages Astro's `redirects` config writes for old addresses (a meta refresh
 * and a link, no content). The sweep checks only that their target is built; the page checks of
 * the end-to-end tests skip them.
 */

/** The target of a redirect stub (`<meta http-equiv="refresh" content="0;url=/x/">`), or undefined for a page. */
export function redirectTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="\d+;url=([^"]+)"/i.exec(html)?.[1];
}
