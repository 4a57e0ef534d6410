/**
 * Where distances are measured from: a postal code (looked up in the site's own table, so the
 * code never leaves the browser), `lat,lon` from "near me" or the map, or a census area chosen
 * in the form. Says clearly in `#finder-near-message` when it cannot.
 */
import { lookupPostalCode, parsePostalCode, type PostalTable } from '../../lib/finder/postal.ts';
import { parseLatLon, type FinderQuery } from '../../lib/finder/query.ts';
import type { Origin } from '../../lib/finder/view.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import type { FinderMessages } from './config.ts';

let postal: Promise<PostalTable> | undefined;

/** The postal code table, fetched once (an empty table when it cannot be). */
function postalTable(): Promise<PostalTable> {
  return (postal ??= fetch('/data/postal-codes.json')
    .then((r) => (r.ok ? (r.json() as Promise<PostalTable>) : {}))
    .catch(() => ({})));
}

/** Says `text` under the "near" field of `root`. */
export function sayNear(root: ParentNode, text: string): void {
  const message = root.querySelector<HTMLElement>('#finder-near-message');
  if (message) message.textContent = text;
}

/** The origin of `query`'s `near` or `area`, or undefined (saying why when `near` is not understood). */
export async function resolveOrigin(
  root: ParentNode,
  query: FinderQuery,
  m: FinderMessages,
): Promise<Origin | undefined> {
  sayNear(root, '');
  const { near, area } = query;
  if (near) {
    const latLon = parseLatLon(near);
    if (latLon) return { ...latLon, label: m.myLocation };
    const code = parsePostalCode(near);
    if (!code) {
      sayNear(root, fill(m.invalidPostal, { code: near }));
      return undefined;
    }
    const hit = lookupPostalCode(await postalTable(), near);
    if (hit) return { lon: hit.lon, lat: hit.lat, label: code.full ?? code.fsa };
    sayNear(root, fill(m.unknownPostal, { code: code.full ?? code.fsa }));
    return undefined;
  }
  if (!area) return undefined;
  const option = root.querySelector<HTMLOptionElement>(`#finder-area option[value="${CSS.escape(area)}"]`);
  if (!option?.dataset.lon || !option.dataset.lat) return undefined;
  return { lon: Number(option.dataset.lon), lat: Number(option.dataset.lat), label: option.textContent ?? area };
}

/** Asks the browser where the reader is; `found` gets `lat,lon` to three decimals (~100 m). */
export function locate(root: ParentNode, m: FinderMessages, found: (near: string) => void): void {
  if (!('geolocation' in navigator)) {
    sayNear(root, m.geoUnavailable);
    return;
  }
  sayNear(root, m.geoLocating);
  navigator.geolocation.getCurrentPosition(
    // Three decimals (~100 m) is enough to sort by distance and keeps the URL less precise.
    (position) => found(`${position.coords.latitude.toFixed(3)},${position.coords.longitude.toFixed(3)}`),
    (error) => sayNear(root, error.code === error.PERMISSION_DENIED ? m.geoDenied : m.geoUnavailable),
    { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
  );
}
