/**
 * Text → markup, in one place: every string the site writes into HTML or XML by hand (email
 * editions, feeds, MapLibre's attribution option) goes through these. Astro escapes what pages
 * render; these are for the outputs Astro does not write.
 */

/** The text without the characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF): one makes a feed unreadable. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing the control characters XML forbids is the point.
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, (c) => (c.length === 2 ? c : ''));
}

/** Text → HTML (or XML) text: `&`, `<`, `>` and both quotes escaped, so it is safe in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
