/**
 * Published services as Open Referral HSDS 3.0 services (the nested form: each service with its
 * organization and `service_at_locations[].location`). The site's own HSDS importer
 * (`buildHsdsService`) reads this back: `tests/unit/export/round-trip.test.ts` proves it.
 *
 * Categories, subcategories and audiences are HSDS `attributes` linked to taxonomy terms of
 * the taxonomies below; the importer takes categories from them when present (instead of the
 * rule table). A value the record does not have stays absent, never a default.
 *
 * What HSDS has no place for, and so does not come back from a round trip: the record's
 * `attributes` (small source facts), `capacity`, `source`/`sources` (the exporter names the
 * dataset's sources and licences at the file level instead), and the ids: a re-import gives
 * ids prefixed with the importing layer's id (`<layer>-<id>`), with slugs and location ids to match.
 */
import type { Service } from '../schema/service.ts';

/** Taxonomy of the site's service categories (`src/lib/categories.ts` ids). */
export const CATEGORY_TAXONOMY = 'lip-service-category';
/** Taxonomy of the finer tags the rule table gives (`subcategories`). */
export const SUBCATEGORY_TAXONOMY = 'lip-service-subcategory';
/** Taxonomy of who a service is for (`src/lib/audiences.ts` ids). */
export const AUDIENCE_TAXONOMY = 'lip-audience';

export interface HsdsAttribute {
  id: string;
  link_type: 'service';
  link_id: string;
  taxonomy_term: { id: string; code: string; taxonomy: string; name: string };
}

export interface HsdsService {
  id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: 'active';
  organization?: { id?: string; name: string };
  eligibility_description?: string;
  fees_description?: string;
  /** Not an HSDS 3.0 field: whether the source says the service is free (kept for readers of this file). */
  free?: boolean;
  accessibility?: string;
  assured_date?: string;
  last_modified?: string;
  languages?: { id: string; code: string }[];
  phones?: { id: string; number: string; type?: string }[];
  schedules?: {
    id: string;
    freq: 'WEEKLY';
    byday: string;
    opens_at: string;
    closes_at: string;
    valid_from?: string;
    valid_to?: string;
    description?: string;
  }[];
  cost_options?: { id: string; amount: number; currency: string; option?: string }[];
  attributes: HsdsAttribute[];
  service_at_locations: {
    id: string;
    service_id: string;
    location_id: string;
    location: {
      id: string;
      location_type: 'physical';
      name?: string;
      latitude: number;
      longitude: number;
      addresses: {
        id: string;
        location_id: string;
        address_type: 'physical';
        address_1: string;
        address_2?: string;
        city?: string;
        state_province?: string;
        postal_code?: string;
        country: string;
      }[];
    };
  }[];
}

/** Sets `key` only when `value` is defined, so absent stays absent in the JSON. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function attribute(serviceId: string, taxonomy: string, code: string): HsdsAttribute {
  return {
    id: `${serviceId}-${taxonomy}-${code}`,
    link_type: 'service',
    link_id: serviceId,
    taxonomy_term: { id: `${taxonomy}:${code}`, code, taxonomy, name: code },
  };
}

export function toHsdsService(s: Service): HsdsService {
  const out: HsdsService = { id: s.id, name: s.name, status: 'active', attributes: [], service_at_locations: [] };
  put(out, 'alternate_name', s.alternateName);
  put(out, 'description', s.description);
  put(out, 'url', s.url);
  put(out, 'email', s.email);
  if (s.organization) out.organization = s.organization.id !== undefined ? { id: s.organization.id, name: s.organization.name } : { name: s.organization.name };
  put(out, 'eligibility_description', s.eligibilityDescription);
  if (s.cost) {
    out.free = s.cost.free;
    // HSDS says "free" as a cost option of amount 0; a fee of unknown amount has no option.
    if (s.cost.free) out.cost_options = [{ id: `${s.id}-cost-1`, amount: 0, currency: 'CAD' }];
    put(out, 'fees_description', s.cost.description);
  }
  put(out, 'accessibility', s.accessibility);
  put(out, 'assured_date', s.assuredDate);
  put(out, 'last_modified', s.lastModified);
  if (s.languages) out.languages = s.languages.map((code) => ({ id: `${s.id}-lang-${code}`, code }));
  if (s.phones) {
    out.phones = s.phones.map((p, i) => {
      const phone: NonNullable<HsdsService['phones']>[number] = { id: `${s.id}-phone-${i + 1}`, number: p.number };
      put(phone, 'type', p.type);
      return phone;
    });
  }
  if (s.schedules) {
    out.schedules = s.schedules.map((sc, i) => {
      const schedule: NonNullable<HsdsService['schedules']>[number] = {
        id: `${s.id}-schedule-${i + 1}`,
        freq: 'WEEKLY',
        byday: sc.byDay.join(','),
        opens_at: sc.opensAt,
        closes_at: sc.closesAt,
      };
      put(schedule, 'valid_from', sc.validFrom);
      put(schedule, 'valid_to', sc.validTo);
      put(schedule, 'description', sc.description);
      return schedule;
    });
  }
  out.attributes = [
    ...s.categories.map((c) => attribute(s.id, CATEGORY_TAXONOMY, c)),
    ...s.subcategories.map((c) => attribute(s.id, SUBCATEGORY_TAXONOMY, c)),
    ...(s.audiences ?? []).map((a) => attribute(s.id, AUDIENCE_TAXONOMY, a)),
  ];
  out.service_at_locations = s.locations.map((l) => {
    const address: HsdsService['service_at_locations'][number]['location']['addresses'][number] = {
      id: `${l.id}-address`,
      location_id: l.id,
      address_type: 'physical',
      address_1: l.address.line1,
      country: l.address.country,
    };
    put(address, 'address_2', l.address.line2);
    put(address, 'city', l.address.city);
    put(address, 'state_province', l.address.province);
    put(address, 'postal_code', l.address.postalCode);
    const location: HsdsService['service_at_locations'][number]['location'] = {
      id: l.id,
      location_type: 'physical',
      latitude: l.lat,
      longitude: l.lon,
      addresses: [address],
    };
    put(location, 'name', l.name);
    return { id: `${s.id}-at-${l.id}`, service_id: s.id, location_id: l.id, location };
  });
  return out;
}

export function toHsds(services: readonly Service[]): HsdsService[] {
  return services.map(toHsdsService);
}
