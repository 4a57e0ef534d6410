/**
 * Every path or web address the site writes into a link, an image, a form, a header or the
 * Content-Security-Policy is checked here, once: the zod schemas (config, content, services) and
 * the Markdown sanitiser call these functions. Each returns the reason a value is refused, or
 * `undefined` when it is safe.
 *
 * A prefix test such as "starts with `/`" is not enough: browsers read `/\evil.example`,
 * `//evil.example`, `/%5Cevil.example` after a server decodes it, `https:evil.example`,
 * `https://site@evil.example` and addresses with tabs or line breaks in them as another host.
 * So a value is refused when its raw text, or its text after percent-decoding, holds a control
 * character, white space, a backslash or a quote, and it is then parsed as a URL and its origin
 * compared with the one it must have.
 */

/** Stands for the site's own origin when a path is resolved (never requested). */
const SITE = 'https://site.invalid';

/** Control characters, white space (incl. Unicode spaces and line/paragraph separators), backslash, quotes, angle brackets, backtick. */
// eslint-disable-next-line no-control-regex -- control characters are among the unsafe ones on purpose.
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\\"<>`]/u;

/** `https://` or `http://` followed by a host, written out in full (no `https:host`, `https:/\host`). */
const WEB_PREFIX = /^https?:\/\/[^/]/i;

/** A DNS host name with a top-level domain (IDN already in its ASCII form after parsing). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

function describe(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code > 0xff
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `"${ch}"`;
}

/** The reason a text holds a character no address needs unencoded, or undefined. */
function unsafeCharacter(value: string): string | undefined {
  const m = UNSAFE_CHARS.exec(value);
  return m
    ? `contains ${describe(m[0])}, which no address needs written out (white space, control characters, backslashes and quotes are refused)`
    : undefined;
}

/**
 * The text with percent-escapes decoded until nothing changes (`%252F` → `%2F` → `/`), so an
 * encoded `\`, `/` or line break is judged as what a server may turn it into; undefined when an
 * escape is malformed.
 */
function fullyDecoded(value: string): string | undefined {
  let current = value;
  for (let i = 0; i < 5; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * An absolute web address a browser may open or load: `http`/`https` only, written out in full,
 * a real host name, no user name or password (`https://site.example@evil.example`), nothing a
 * browser would silently drop or reinterpret.
 */
export function checkWebUrl(value: string): string | undefined {
  const chars = unsafeCharacter(value);
  if (chars) return chars;
  if (!WEB_PREFIX.test(value)) return 'must be a web address starting with "https://" or "http://" and a host name';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid web address';
  }
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password ("…@host")';
  if (!HOST_NAME.test(url.hostname)) return `has no valid host name ("${url.hostname}")`;
  return undefined;
}

/**
 * An origin for the Content-Security-Policy: `https://tiles.example.org` (a trailing `/` is
 * allowed), with no path, query, fragment, wildcard or separator that could end a directive.
 */
export function checkOrigin(value: string): string | undefined {
  const web = checkWebUrl(value);
  if (web) return web;
  const url = new URL(value);
  if (value.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase())
    return `must be an origin only, e.g. "${url.origin}" (no path, query or fragment)`;
  return undefined;
}

/**
 * A web address that also goes into a response header or the policy (the newsletter endpoint,
 * the basemap style): besides {@link checkWebUrl}, no `;` or `,`, which separate directives and
 * header values.
 */
export function checkHeaderSafeUrl(value: string): string | undefined {
  const web = checkWebUrl(value);
  if (web) return web;
  if (/[;,]/.test(value)) return 'must not contain ";" or "," (they separate policy directives and header values)';
  return undefined;
}

/**
 * A path on this site (a file in `public/`, e.g. `/images/cover.jpg` or `/files/plan.pdf`):
 * starts with one `/`, stays on the site's origin once parsed, holds no `.`/`..` segment, and
 * the same holds after percent-decoding (`/%2F%2Fevil.example`, `/%5Cevil.example`).
 */
export function checkSitePath(value: string): string | undefined {
  const chars = unsafeCharacter(value);
  if (chars) return chars;
  if (!value.startsWith('/') || value.startsWith('//'))
    return 'must be a path on this site starting with one "/" (e.g. "/images/cover.jpg")';
  const decoded = fullyDecoded(value);
  if (decoded === undefined) return 'has a malformed percent-escape';
  const decodedChars = unsafeCharacter(decoded);
  if (decodedChars) return `once decoded, ${decodedChars}`;
  if (decoded.startsWith('//')) return 'once decoded, starts with "//" (another host)';
  const path = decoded.split(/[?#]/)[0] ?? '';
  if (path.split('/').some((segment) => segment === '.' || segment === '..'))
    return 'must not contain "." or ".." segments';
  let url: URL;
  try {
    url = new URL(value, `${SITE}/`);
  } catch {
    return 'is not a valid path';
  }
  if (url.origin !== SITE) return 'leaves the site';
  return undefined;
}

/**
 * A link target in Markdown: a web address, `mailto:`, `tel:`, a fragment (`#section`) or a
 * path relative to the page (`../news/`) or the site (`/en/data/`) that stays on the site.
 */
export function checkLink(value: string): string | undefined {
  if (/^https?:/i.test(value)) return checkWebUrl(value);
  if (/^mailto:/i.test(value))
    return (
      unsafeCharacter(value) ?? (/^mailto:[^@\s]+@[^@\s]+$/i.test(value) ? undefined : 'is not a "mailto:" address')
    );
  if (/^tel:/i.test(value)) return /^tel:\+?[0-9().\- ]{3,}$/i.test(value) ? undefined : 'is not a "tel:" number';
  const scheme = /^([^/?#]*?):/.exec(value)?.[1];
  if (scheme !== undefined) return `uses the scheme "${scheme}:"; only https, http, mailto and tel links are allowed`;
  if (value.startsWith('/')) return checkSitePath(value);
  const chars = unsafeCharacter(value);
  if (chars) return chars;
  const decoded = fullyDecoded(value);
  if (decoded === undefined) return 'has a malformed percent-escape';
  if (
    unsafeCharacter(decoded) ||
    !URL.canParse(decoded, `${SITE}/a/b/`) ||
    new URL(decoded, `${SITE}/a/b/`).origin !== SITE
  )
    return 'leaves the site once decoded';
  return undefined;
}

/** A file-name-safe id (area ids become CSV and GeoJSON file names): letters, digits, `-`, `_`, `.`, not starting with `.`. */
export function checkFileNameId(value: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/.test(value))
    return `"${value}" is not usable in a file name or address: use letters, digits, "-", "_" and "." (not first), at most 100`;
  return undefined;
}
