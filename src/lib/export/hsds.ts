/**
 * Published services as Open Referral HSDS 3.0 (the nested service form of the HSDS API:
 * each service with its organization, `service_at_locations[].location`, phones, schedules,
 * languages, cost options and attributes). Every service validates against the official
 * compiled schema (`vendor/hsds-3.0/schema/compiled/service.json`):
 * `tests/unit/export/hsds-schema.test.ts` checks the whole Toronto export with ajv, formats on.
 * The site's own HSDS importer (`buildHsdsService`) reads it back (`round-trip.test.ts`).
 *
 * Ids are UUIDs, as HSDS requires: version 5 (name-based) under a namespace per site (from the
 * config's `siteUrl`), named by the record's stable site id, so they survive rebuilds. A record
 * that came from an HSDS file keeps its UUID (and so does each of its locations and its
 * organization), so export → import → export gives the same file. Ids of a service's parts
 * (phones, schedules, attributes…) are UUIDs under the service's own UUID.
 *
 * Categories, subcategories and audiences are HSDS `attributes` (`link_entity: service`)
 * linked to taxonomy terms with English names and descriptions, from the shared vocabularies.
 *
 * Absent stays absent, never a default or an empty string. Where HSDS requires what the source
 * does not give, the part is left out and said elsewhere: an address without a city, province
 * or postal code is not written as an HSDS address (all are required); its one-line form is the
 * location's `description` instead. An organization's required `description` says what the
 * directory knows: how many of its services are listed.
 *
 * Not carried by HSDS, so not round-tripped: the record's `attributes` (small source facts),
 * `capacity`, `source`/`sources` (named at the file level), and the site ids themselves.
 */
import { AUDIENCES, type AudienceId } from '../audiences.ts';
import { CATEGORIES, type CategoryId } from '../categories.ts';
import { formatAddressLine } from '../ingest/address.ts';
import {
  AUDIENCE_TAXONOMY,
  CATEGORY_TAXONOMY,
  HSDS_OPENAPI,
  HSDS_PROFILE,
  HSDS_VERSION,
  SUBCATEGORY_TAXONOMY,
  TAXONOMIES,
  type TaxonomyId,
} from '../hsds/vocabulary.ts';
import type { Service, ServiceLocation } from '../schema/service.ts';
import { isUuid, URL_NAMESPACE, uuidV5 } from '../uuid.ts';

/** Taxonomy terms are the same for every site using this project, so their ids are too. */
const TAXONOMY_NAMESPACE = uuidV5('urn:newcomer-service-map:hsds-taxonomies', URL_NAMESPACE);

/** What a term describes, for the attribute's `link_type`. */
const LINK_TYPE: Readonly<Record<TaxonomyId, string>> = {
  [CATEGORY_TAXONOMY]: 'service_category',
  [SUBCATEGORY_TAXONOMY]: 'service_category',
  [AUDIENCE_TAXONOMY]: 'intended_audience',
};

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: TaxonomyId;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_type: 'physical';
  address_1: string;
  address_2?: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  name?: string;
  description?: string;
  latitude: number;
  longitude: number;
  addresses: HsdsAddress[];
}

export interface HsdsPhone {
  id: string;
  service_id: string;
  number: string;
  extension?: number;
  type?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  freq: 'WEEKLY';
  byday: string;
  opens_at: string;
  closes_at: string;
  valid_from?: string;
  valid_to?: string;
  description?: string;
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: 'active';
  organization?: HsdsOrganization;
  eligibility_description?: string;
  fees_description?: string;
  /** Not an HSDS 3.0 field: whether the source says the service is free (kept for readers of this file). */
  free?: boolean;
  accessibility?: string;
  assured_date?: string;
  last_modified?: string;
  languages?: { id: string; service_id: string; code: string }[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  cost_options?: { id: string; service_id: string; amount: number; currency: string }[];
  attributes: HsdsAttribute[];
  service_at_locations: { id: string; service_id: string; location_id: string; location: HsdsLocation }[];
}

/** English names of the shared vocabularies (the `en` UI strings). */
export interface HsdsNames {
  category(id: CategoryId): string;
  audience(id: AudienceId): string;
}

export interface HsdsContext {
  /** UUID namespace of the site: every id in its export is derived under it. */
  readonly namespace: string;
  /** Site name, for organization descriptions. */
  readonly siteName: string;
  readonly names: HsdsNames;
}

/** The export context of a site: its namespace, name and the English vocabulary names. */
export function hsdsContext(siteUrl: string, siteName: string, en: Readonly<Record<string, string>>): HsdsContext {
  return {
    namespace: hsdsNamespace(siteUrl),
    siteName,
    names: { category: (id) => en[`category.${id}`] ?? id, audience: (id) => en[`audience.${id}`] ?? id },
  };
}

/** The UUID namespace of a site: the version 5 UUID of its URL. */
export function hsdsNamespace(siteUrl: string): string {
  return uuidV5(siteUrl, URL_NAMESPACE);
}

/** Sets `key` only when `value` is defined, so absent stays absent in the JSON. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const TRAILING_UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The service's UUID: its HSDS id when it came from HSDS, else derived from the site id. */
export function serviceUuid(ctx: HsdsContext, s: Service): string {
  return isUuid(s.source.recordId) ? s.source.recordId.toLowerCase() : uuidV5(`service/${s.id}`, ctx.namespace);
}

/** A location's UUID: an imported HSDS location id ends the site id (`<service>-<uuid>`). */
function locationUuid(ctx: HsdsContext, l: ServiceLocation, fromHsds: boolean): string {
  const kept = fromHsds ? TRAILING_UUID.exec(l.id)?.[1] : undefined;
  return kept ?? uuidV5(`location/${l.id}`, ctx.namespace);
}

function organizationUuid(ctx: HsdsContext, org: NonNullable<Service['organization']>): string {
  if (org.id !== undefined && isUuid(org.id)) return org.id.toLowerCase();
  return uuidV5(`organization/${org.id ?? org.name.trim().toLowerCase()}`, ctx.namespace);
}

const taxonomyUuid = (taxonomy: TaxonomyId): string => uuidV5(`taxonomy/${taxonomy}`, TAXONOMY_NAMESPACE);

/** The taxonomies the export uses, for the tabular package's `taxonomies.csv`. */
export function hsdsTaxonomies(): HsdsTaxonomy[] {
  return (Object.keys(TAXONOMIES) as TaxonomyId[]).map((t) => ({ id: taxonomyUuid(t), ...TAXONOMIES[t] }));
}

/** `LINC_ESL` → `LINC ESL`, `newcomer_refugee_services` → `Newcomer refugee services`. */
function tagName(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The taxonomy term of a code, with its English name and description. */
export function taxonomyTerm(ctx: HsdsContext, taxonomy: TaxonomyId, code: string): HsdsTaxonomyTerm {
  let name: string;
  let description: string;
  if (taxonomy === CATEGORY_TAXONOMY) {
    const c = CATEGORIES.find((x) => x.id === code);
    name = c !== undefined ? ctx.names.category(c.id) : tagName(code);
    description = c?.description ?? name;
  } else if (taxonomy === AUDIENCE_TAXONOMY) {
    const a = AUDIENCES.find((x) => x.id === code);
    name = a !== undefined ? ctx.names.audience(a.id) : tagName(code);
    description = a?.description ?? name;
  } else {
    name = tagName(code);
    description = `Services tagged "${code}" by the category rule table.`;
  }
  const taxonomy_id = taxonomyUuid(taxonomy);
  return {
    id: uuidV5(`term/${taxonomy}/${code}`, TAXONOMY_NAMESPACE),
    code,
    name,
    description,
    taxonomy,
    taxonomy_id,
    taxonomy_detail: { id: taxonomy_id, ...TAXONOMIES[taxonomy] },
  };
}

function attribute(ctx: HsdsContext, serviceId: string, taxonomy: TaxonomyId, code: string): HsdsAttribute {
  const term = taxonomyTerm(ctx, taxonomy, code);
  return {
    id: uuidV5(`attribute/${taxonomy}/${code}`, serviceId),
    link_id: serviceId,
    link_type: LINK_TYPE[taxonomy],
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  };
}

/** `416-555-0100 ext. 12` → number and extension (HSDS `extension` is a number). */
export function splitExtension(number: string): { number: string; extension?: number } {
  const m = /^(.*\d)\s+ext\.\s+([1-9]\d{0,8})$/.exec(number);
  return m ? { number: m[1] as string, extension: Number(m[2]) } : { number };
}

/** A calendar date as the date-time HSDS `last_modified` wants (start of the day, UTC). */
const dateTime = (isoDate: string): string => `${isoDate}T00:00:00Z`;

function location(ctx: HsdsContext, l: ServiceLocation, fromHsds: boolean): HsdsLocation {
  const id = locationUuid(ctx, l, fromHsds);
  const out: HsdsLocation = { id, location_type: 'physical', latitude: l.lat, longitude: l.lon, addresses: [] };
  put(out, 'name', l.name);
  const a = l.address;
  if (a.line1 !== undefined && a.city !== undefined && a.province !== undefined && a.postalCode !== undefined) {
    const address: HsdsAddress = {
      id: uuidV5('address/1', id),
      location_id: id,
      address_type: 'physical',
      address_1: a.line1,
      city: a.city,
      state_province: a.province,
      postal_code: a.postalCode,
      country: a.country,
    };
    put(address, 'address_2', a.line2);
    out.addresses = [address];
  } else {
    // HSDS needs a street, city, province and postal code for an address; what is known is described.
    const known = formatAddressLine(a);
    if (known !== '') out.description = known;
  }
  return out;
}

/** Organizations of the services, one per UUID, with how many services each runs. */
export function hsdsOrganizations(ctx: HsdsContext, services: readonly Service[]): Map<string, HsdsOrganization> {
  const counts = new Map<string, { name: string; n: number }>();
  for (const s of services) {
    if (s.organization === undefined) continue;
    const id = organizationUuid(ctx, s.organization);
    const seen = counts.get(id);
    if (seen) seen.n += 1;
    else counts.set(id, { name: s.organization.name, n: 1 });
  }
  const out = new Map<string, HsdsOrganization>();
  for (const [id, { name, n }] of counts) {
    out.set(id, {
      id,
      name,
      description: `${name} runs ${n} ${n === 1 ? 'service' : 'services'} listed in ${ctx.siteName}.`,
    });
  }
  return out;
}

export function toHsdsService(
  ctx: HsdsContext,
  s: Service,
  organizations: ReadonlyMap<string, HsdsOrganization>,
): HsdsService {
  const id = serviceUuid(ctx, s);
  const fromHsds = isUuid(s.source.recordId);
  const org = s.organization !== undefined ? organizations.get(organizationUuid(ctx, s.organization)) : undefined;
  // Key order as in the specification's examples: id and organization_id first.
  const out: Omit<HsdsService, 'attributes' | 'service_at_locations'> = {
    id,
    ...(org !== undefined ? { organization_id: org.id } : {}),
    name: s.name,
    status: 'active',
  };
  put(out, 'alternate_name', s.alternateName);
  put(out, 'description', s.description);
  put(out, 'url', s.url);
  put(out, 'email', s.email);
  put(out, 'organization', org);
  put(out, 'eligibility_description', s.eligibilityDescription);
  if (s.cost) {
    out.free = s.cost.free;
    // HSDS says "free" as a cost option of amount 0; a fee of unknown amount has no option.
    if (s.cost.free)
      out.cost_options = [{ id: uuidV5('cost_option/1', id), service_id: id, amount: 0, currency: 'CAD' }];
    put(out, 'fees_description', s.cost.description);
  }
  put(out, 'accessibility', s.accessibility);
  put(out, 'assured_date', s.assuredDate);
  if (s.lastModified !== undefined) out.last_modified = dateTime(s.lastModified);
  if (s.languages)
    out.languages = s.languages.map((code) => ({ id: uuidV5(`language/${code}`, id), service_id: id, code }));
  if (s.phones) {
    out.phones = s.phones.map((p, i) => {
      const { number, extension } = splitExtension(p.number);
      const phone: HsdsPhone = { id: uuidV5(`phone/${i + 1}`, id), service_id: id, number };
      put(phone, 'extension', extension);
      put(phone, 'type', p.type);
      return phone;
    });
  }
  if (s.schedules) {
    out.schedules = s.schedules.map((sc, i) => {
      const schedule: HsdsSchedule = {
        id: uuidV5(`schedule/${i + 1}`, id),
        service_id: id,
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
  const attributes = [
    ...s.categories.map((c) => attribute(ctx, id, CATEGORY_TAXONOMY, c)),
    ...s.subcategories.map((c) => attribute(ctx, id, SUBCATEGORY_TAXONOMY, c)),
    ...(s.audiences ?? []).map((a) => attribute(ctx, id, AUDIENCE_TAXONOMY, a)),
  ];
  const service_at_locations = s.locations.map((l) => {
    const loc = location(ctx, l, fromHsds);
    return { id: uuidV5(`service_at_location/${loc.id}`, id), service_id: id, location_id: loc.id, location: loc };
  });
  return { ...out, attributes, service_at_locations };
}

/** Every service in HSDS, in id order (so the file does not depend on the input's order). */
export function toHsds(ctx: HsdsContext, services: readonly Service[]): HsdsService[] {
  const organizations = hsdsOrganizations(ctx, services);
  return services
    .map((s) => toHsdsService(ctx, s, organizations))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The whole export as one page of the HSDS API's `GET /services` response (every service on
 * page 1), so an HSDS client reads it as it reads a live API.
 */
export function hsdsServicePage(services: readonly HsdsService[]): {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: readonly HsdsService[];
} {
  return {
    total_items: services.length,
    total_pages: 1,
    page_number: 1,
    size: services.length,
    first_page: true,
    last_page: true,
    empty: services.length === 0,
    contents: services,
  };
}

/** The API root (`GET /`): which HSDS version and profile the export follows. */
export function hsdsApiRoot(): { version: string; profile: string; openapi_url: string } {
  return { version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: HSDS_OPENAPI };
}
