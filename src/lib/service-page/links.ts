/**
 * Links on a service page: `tel:` numbers, directions, and "report a correction".
 */

export interface PhoneLink {
  /** The number as published (one number, when the source put several in one field). */
  display: string;
  /** `tel:` URI (RFC 3966), with `;ext=` for an extension. */
  href: string;
  /** The dialable number without the scheme, e.g. `+1-416-555-0100`. */
  dial: string;
}

/** Separators sources use to put several numbers in one field. */
const SEPARATORS = /\s*(?:<br\s*\/?>|\bor\b|\bou\b|;|\s\/\s|\n)\s*/i;
const EXTENSION = /\s*(?:ext\.?|extension|poste|x|#)\s*(\d{1,6})\s*$/i;

/** A number as a `tel:` link; undefined when it holds no dialable digits. */
export function telLink(text: string): PhoneLink | undefined {
  const display = text.trim();
  const ext = EXTENSION.exec(display);
  const main = ext ? display.slice(0, ext.index) : display;
  const plus = main.trim().startsWith('+');
  let digits = main.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  let dial: string;
  if (!plus && digits.length === 10) {
    // North American number without the country code.
    dial = `+1-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  } else if (!plus && digits.length === 11 && digits.startsWith('1')) {
    digits = digits.slice(1);
    dial = `+1-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  } else if (plus) {
    dial = `+${digits}`;
  } else {
    // Short codes (211, 311, 911) and local numbers are dialled as written.
    dial = digits;
  }
  const href = `tel:${dial}${ext ? `;ext=${ext[1]}` : ''}`;
  return { display, href, dial };
}

/** Every dialable number in a phone field (`416-555-0100 or 416-555-0101` gives two). */
export function phoneLinks(field: string): PhoneLink[] {
  return field
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part) => telLink(part) ?? []);
}

/**
 * Directions to a point: Google Maps' documented cross-platform URL (opens the app on phones,
 * offers transit), with the coordinates so the destination is exact. Nothing is requested
 * until the visitor follows the link.
 */
export function directionsUrl(lat: number, lon: number): string {
  const url = new URL('https://www.google.com/maps/dir/');
  url.searchParams.set('api', '1');
  url.searchParams.set('destination', `${lat},${lon}`);
  return url.href;
}

/** The point on OpenStreetMap, an open alternative to the directions link. */
export function openStreetMapUrl(lat: number, lon: number, zoom = 17): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${zoom}/${lat}/${lon}`;
}

export interface CorrectionOptions {
  /** Configured correction form (`site.correctionsUrl`); gets `?service=<id>`. */
  correctionsUrl?: string | undefined;
  /** The LIP's contact email, used when there is no form. */
  contactEmail: string;
  /** The service id. */
  serviceId: string;
  /** Absolute URL of the service page. */
  pageUrl: string;
  /** Mail subject and body, already translated, naming the id and the page. */
  subject: string;
  body: string;
}

/** "Report a correction": the configured form with the service id, else a prefilled email. */
export function correctionLink(o: CorrectionOptions): { href: string; kind: 'form' | 'email' } {
  if (o.correctionsUrl) {
    const url = new URL(o.correctionsUrl);
    url.searchParams.set('service', o.serviceId);
    return { href: url.href, kind: 'form' };
  }
  // RFC 6068: percent-encoding, spaces as %20 (not +), line breaks as %0D%0A.
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return { href: `mailto:${o.contactEmail}?subject=${enc(o.subject)}&body=${enc(o.body)}`, kind: 'email' };
}
