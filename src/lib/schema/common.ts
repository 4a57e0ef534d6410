import { z } from 'astro/zod';

/**
 * A web address that a browser may open: http or https only. `z.url()` alone accepts any
 * scheme, including `javascript:` and `data:`, which would be an XSS hole in a link.
 */
export const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** Calendar date `YYYY-MM-DD` (ISO 8601), as HSDS uses for `assured_date`. */
export const isoDate = z.iso.date();

/** Longitude in degrees (WGS84). */
export const longitude = z.number().min(-180).max(180);

/** Latitude in degrees (WGS84). */
export const latitude = z.number().min(-90).max(90);
