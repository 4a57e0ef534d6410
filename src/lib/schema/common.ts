import { z } from 'zod';
import { checkHeaderSafeUrl, checkOrigin, checkSitePath, checkWebUrl } from '../security/urls.ts';

/** A zod string refined by one of the checks of `src/lib/security/urls.ts` (its reason is the message). */
const checked = (check: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const reason = check(value);
    if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason });
  });

/**
 * A web address that a browser may open: http or https only, written out in full with a real
 * host name (`z.url()` alone accepts `javascript:`, `data:` and `https:\\evil.example`).
 */
// `format: uri` tells tools that read the schema as JSON Schema (the browser editor, src/lib/cms) what it is.
export const webUrl = checked(checkWebUrl).meta({ format: 'uri' });

/** A web address that also reaches a response header or the Content-Security-Policy: no `;` or `,`. */
export const headerSafeUrl = checked(checkHeaderSafeUrl);

/** An origin for the Content-Security-Policy, `https://tiles.example.org`: no path, no separators. */
export const originUrl = checked(checkOrigin);

/** A path on this site, e.g. a file in `public/` (`/images/cover.jpg`); never another host. */
export const sitePath = checked(checkSitePath);

/** Calendar date `YYYY-MM-DD` (ISO 8601), as HSDS uses for `assured_date`. */
export const isoDate = z.iso.date();

/** Longitude in degrees (WGS84). */
export const longitude = z.number().min(-180).max(180);

/** Latitude in degrees (WGS84). */
export const latitude = z.number().min(-90).max(90);

/** A text that may be given per locale: `'Toronto LIP'` or `{ en: '…', fr: '…' }`. */
export const localizedText = z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]);
export type LocalizedText = z.infer<typeof localizedText>;
