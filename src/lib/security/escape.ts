/**
 * Text → markup, in one place: every string the site writes into HTML or XML by hand (email
 * editions, feeds, MapLibre's attribution option) goes through these. Astro escapes what pages
 * render; these are for the outputs Astro does not write.
 */

/** A surrogate pair (kept), or a character XML 1.0 forbids: C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF. */
/* eslint-disable no-control-regex -- finding the control characters XML forbids is the point. */
const XML_FORBIDDEN =
  /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

/** The text without the characters XML 1.0 forbids: one makes a feed unreadable. */
export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, (c) => (c.length === 2 ? c : ''));
}

/** Text → HTML (or XML) text: `&`, `<`, `>` and both quotes escaped, so it is safe in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * JSON text safe inside a `<script>` element: `<`, `>` and `&` become `\u003c` … so no data can
 * close the element or open a comment, and U+2028/U+2029 are escaped for old JavaScript parsers.
 * The result is still valid JSON that parses back to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
