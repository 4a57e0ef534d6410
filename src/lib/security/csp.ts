/**
 * The site's Content-Security-Policy, in one place. Pure: `Base.astro` (and the root language
 * page) put {@link metaPolicy} in a `<meta http-equiv>` on every page, and the build writes
 * {@link headersFile} to `dist/_headers` (Netlify / Cloudflare Pages format) for hosts that
 * read it. Both come from {@link cspDirectives}, so they cannot drift apart.
 *
 * The default configuration allows no inline script and no third-party origin at all:
 * - every script is an external file from the site itself (`script-src 'self'`; Astro's small
 *   hoisted scripts are kept as files, see `astro.config.mjs`). `<script type="application/ld+json">`
 *   is data, never executed, so no CSP directive applies to it and none has to allow it.
 * - `'wasm-unsafe-eval'` lets Pagefind's search compile its WebAssembly module; it does not
 *   allow `eval()` of JavaScript or any inline script.
 * - MapLibre runs its worker from a `blob:` URL in some browsers (`worker-src`, `child-src`)
 *   and its control icons are `data:` SVGs in its stylesheet (`img-src data:`).
 * - A configured basemap adds its style URL's origin and the origins it lists (tiles, glyphs,
 *   sprites) to `connect-src` and `img-src`, and nothing else.
 * - Forms post only to the site itself and the origins of the configured endpoints (`form-action`).
 * - Configured addresses enter the policy only as origins parsed by `URL` and matched against
 *   the source-expression grammar ({@link originOf}), never as the configured text, so a value
 *   such as `https://x.example/a; script-src 'unsafe-inline'` cannot add a directive. The config
 *   schema refuses such values before they get here (`src/lib/security/urls.ts`).
 *
 * A `<meta>` policy cannot carry `frame-ancestors` (nor `report-uri` or `sandbox`); those are in
 * the header only. Where a host sends the header and the page has the meta, the browser
 * enforces both, so the stricter of the two applies.
 */

/** What the policy depends on: configuration only, never the page. */
export interface CspOptions {
  /** The configured basemap (`site.basemap`); `null`: no third-party origin at all. */
  readonly basemap?:
    | { readonly styleUrl: string; readonly origins?: readonly string[] | undefined }
    | { readonly pmtiles: string }
    | null
    | undefined;
  /** Endpoints forms may post to (e.g. `site.newsletterUrl`), besides the site itself. */
  readonly formActions?: readonly (string | undefined)[];
}

/** Directive name → sources, in the order they are written. */
export type CspDirectives = readonly (readonly [string, readonly string[]])[];

/** A CSP host source: scheme, host name and optional port, nothing else. */
const HOST_SOURCE = /^https?:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/;

/**
 * `https://tiles.example.org/style.json` → `https://tiles.example.org`; undefined for anything
 * that is not an http(s) URL with a host name, so only a well-formed host source reaches the policy.
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return HOST_SOURCE.test(u.origin) ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

const unique = (values: readonly (string | undefined)[]): string[] =>
  values.filter((v): v is string => v !== undefined && v !== '').filter((v, i, a) => a.indexOf(v) === i);

/**
 * The directives. `delivery` says where the policy goes: `meta` (inside the page) or `header`
 * (HTTP response header, which may also hold the directives a meta element cannot).
 */
export function cspDirectives(options: CspOptions = {}, delivery: 'meta' | 'header' = 'meta'): CspDirectives {
  // A self-hosted PMTiles basemap is read from the site's own origin: nothing to add.
  const basemap =
    options.basemap && 'styleUrl' in options.basemap
      ? unique([originOf(options.basemap.styleUrl), ...(options.basemap.origins ?? []).map(originOf)])
      : [];
  const forms = unique((options.formActions ?? []).map((u) => (u === undefined ? undefined : originOf(u))));
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...basemap]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...basemap]],
    ['worker-src', ["'self'", 'blob:']],
    ['child-src', ["'self'", 'blob:']],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...forms]],
    ['manifest-src', ["'self'"]],
  ];
  if (delivery === 'header') {
    // The e-mail editions (`…/e-updates/<slug>/email.html`) are HTML made for mail programs,
    // which drop stylesheets, so their styles must be `style=` attributes. Attribute styles
    // cannot run script and their url()s are still held to img-src/font-src 'self'. Site pages
    // also carry the meta policy (plain `style-src 'self'`), which the browser enforces too,
    // so on them no inline style is allowed at all.
    directives.push(['style-src-attr', ["'unsafe-inline'"]]);
    // Only in a header: no other site may frame these pages (clickjacking).
    directives.push(['frame-ancestors', ["'none'"]]);
  }
  return directives;
}

/** `default-src 'self'; script-src 'self' …` */
export function serializeCsp(directives: CspDirectives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy for the page's `<meta http-equiv="Content-Security-Policy">`. */
export function metaPolicy(options: CspOptions = {}): string {
  return serializeCsp(cspDirectives(options, 'meta'));
}

/** The policy for the `Content-Security-Policy` response header. */
export function headerPolicy(options: CspOptions = {}): string {
  return serializeCsp(cspDirectives(options, 'header'));
}

/** Security headers sent with every file (besides the CSP). */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  // Links to other sites get no path or query (a search the reader typed stays here).
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  // Location only for this site's own "near me"; no camera, microphone or payment.
  ['Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * `dist/_headers` in the Netlify / Cloudflare Pages format: one block for every path. A value
 * with a line break would start another header or block, so it stops the build instead.
 */
export function headersFile(options: CspOptions = {}): string {
  const headers: (readonly [string, string])[] = [
    ['Content-Security-Policy', headerPolicy(options)],
    ...SECURITY_HEADERS,
  ];
  for (const [name, value] of headers) {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point of this check.
    if (/[\u0000-\u001f\u007f]/.test(`${name}${value}`))
      throw new Error(`header ${name} holds a control character or line break`);
  }
  return `${['/*', ...headers.map(([k, v]) => `  ${k}: ${v}`)].join('\n')}\n`;
}
