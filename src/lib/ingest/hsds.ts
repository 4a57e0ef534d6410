/**
 * Services from HSDS 3.0 service objects (nested or compact form, as `hsds-read.ts` reads them
 * from JSON or tables): what the official schema says is wrong is reported, and the service is
 * read as far as it is usable.
 */
import { isAudienceId, type AudienceId } from '../audiences.ts';
import { isCategoryId } from '../categories.ts';
import { checkPoint, type Bounds } from '../geo/coords.ts';
import { CATEGORY_TAXONOMY, SUBCATEGORY_TAXONOMY } from '../hsds/vocabulary.ts';
import {
  DAY_CODES,
  type DayCode,
  type Phone,
  type Schedule,
  type Service,
  type ServiceLocation,
} from '../schema/service.ts';
import { serviceSlug } from '../slug.ts';
import { parseAddressLine } from './address.ts';
import { normalizePhone, parseDate, parseNumber, slugify, text } from './fields.ts';
import { checkHsdsService } from './hsds-schema.ts';
import type { Locator } from './issues.ts';
import {
  buildAddress,
  categorize,
  checkedLocation,
  contactFields,
  finish,
  languageCode,
  RecordIssues,
  serviceId,
  settle,
  sourceOf,
  uniqueId,
  type LayerContext,
  type SeenIds,
} from './record.ts';

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An HSDS list field. HSDS 3.0 has arrays for languages, phones, schedules, locations and the
 * like; files exported by hand often give a single object (or, for languages, a single code).
 * That is read as a list of one, with a warning; anything else is reported, never dropped
 * silently.
 */
function listOf(rec: RecordIssues, value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value) || typeof value === 'string') {
    rec.fixed(
      'warning',
      field,
      `HSDS has a list here, the file gives a single ${isObject(value) ? 'object' : 'value'}; read as a list of one`,
    );
    return [value];
  }
  rec.fixed('warning', field, `HSDS has a list here, the file gives ${JSON.stringify(value)}; left out`);
  return [];
}

/** {@link listOf} for lists of objects: an item that is not an object is reported and left out. */
function objectsOf(rec: RecordIssues, value: unknown, field: string): Json[] {
  const out: Json[] = [];
  listOf(rec, value, field).forEach((item, i) => {
    if (isObject(item)) out.push(item);
    else rec.fixed('warning', `${field}[${i}]`, `expected an object, got ${JSON.stringify(item)}; left out`);
  });
  return out;
}

/** `09:00` or `09:00:00` → `09:00`; undefined otherwise. */
function clock(raw: unknown): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text(raw) ?? '');
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

function hsdsSchedules(rec: RecordIssues, list: readonly Json[]): Schedule[] | undefined {
  const out: Schedule[] = [];
  list.forEach((s, i) => {
    const days = (text(s['byday']) ?? '')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter((d) => d !== '');
    const opensAt = clock(s['opens_at']);
    const closesAt = clock(s['closes_at']);
    const badDay = days.find((d) => !(DAY_CODES as readonly string[]).includes(d));
    if (days.length === 0 || badDay !== undefined || opensAt === undefined || closesAt === undefined) {
      rec.fixed(
        'warning',
        `schedules[${i}]`,
        `needs byday (MO..SU), opens_at and closes_at as HH:MM; got ${JSON.stringify({ byday: s['byday'], opens_at: s['opens_at'], closes_at: s['closes_at'] })}; left out`,
      );
      return;
    }
    const schedule: Schedule = { byDay: days as DayCode[], opensAt, closesAt };
    const from = text(s['valid_from']);
    const to = text(s['valid_to']);
    const note = text(s['description']) ?? text(s['notes']);
    if (from !== undefined && parseDate(from) !== undefined) schedule.validFrom = parseDate(from) as string;
    if (to !== undefined && parseDate(to) !== undefined) schedule.validTo = parseDate(to) as string;
    if (note !== undefined) schedule.description = note;
    out.push(schedule);
  });
  return out.length > 0 ? out : undefined;
}

function hsdsCost(service: Json, options: readonly Json[]): Service['cost'] {
  const fees = text(service['fees_description']) ?? text(service['fees']);
  const freeFlag = typeof service['free'] === 'boolean' ? service['free'] : undefined;
  if (options.length > 0) {
    const amounts = options.map((o) =>
      typeof o['amount'] === 'number' ? o['amount'] : parseNumber(text(o['amount']) ?? ''),
    );
    const described = options.map((o) => text(o['option'])).filter((x): x is string => x !== undefined);
    const free = amounts.every((a) => a === 0);
    const anyPaid = amounts.some((a) => a !== undefined && a > 0);
    if (free || anyPaid) {
      const cost: NonNullable<Service['cost']> = { free };
      const description = [...described, ...(fees !== undefined ? [fees] : [])].join('; ');
      if (description !== '') cost.description = description;
      return cost;
    }
  }
  if (freeFlag !== undefined) return fees !== undefined ? { free: freeFlag, description: fees } : { free: freeFlag };
  return undefined;
}

/** Taxonomies of category and subcategory terms (not audiences). */
const SITE_TAXONOMIES: ReadonlySet<string> = new Set([CATEGORY_TAXONOMY, SUBCATEGORY_TAXONOMY]);

/**
 * Categories and subcategories stated as attributes with this site's taxonomies (as
 * `src/lib/export/hsds.ts` writes them); undefined when the file states no known category.
 */
function hsdsCategories(
  attributes: readonly Json[],
): { categories: Service['categories']; subcategories: string[] } | undefined {
  const categories: Service['categories'] = [];
  const subcategories: string[] = [];
  for (const a of attributes) {
    const term = isObject(a['taxonomy_term']) ? a['taxonomy_term'] : undefined;
    const code = term !== undefined ? text(term['code']) : undefined;
    const taxonomy = term !== undefined ? text(term['taxonomy']) : undefined;
    if (code === undefined) continue;
    if (taxonomy === CATEGORY_TAXONOMY && isCategoryId(code) && !categories.includes(code)) categories.push(code);
    if (taxonomy === SUBCATEGORY_TAXONOMY && !subcategories.includes(code)) subcategories.push(code);
  }
  return categories.length > 0 ? { categories, subcategories } : undefined;
}

/** Builds a service from one HSDS 3.0 service object (nested or compact form). */
export function buildHsdsService(
  ctx: LayerContext,
  raw: unknown,
  index: number,
  seenIds: SeenIds,
): Service | undefined {
  const { layer } = ctx;
  const at: Locator = { feature: index };
  const rec = new RecordIssues(layer.file, at);
  ctx.report.read += 1;
  if (!isObject(raw)) {
    rec.error('*', 'service must be a JSON object');
    return settle(ctx, rec, undefined);
  }
  const recordId = text(raw['id']);
  rec.recordId = recordId;
  // What the official schema says is wrong is reported; the checks below decide what can be used.
  for (const p of checkHsdsService(raw)) {
    if (p.reason.startsWith('is missing') && (p.field === 'id' || p.field === 'name')) continue;
    rec.fixed('warning', p.field, `${p.reason}; read as far as it is usable`);
  }
  let id: string | undefined;
  if (recordId === undefined) rec.error('id', 'id is missing');
  else {
    id = serviceId(layer, recordId);
    if (id === undefined) rec.error('id', `id "${recordId}" has no letters or digits`);
  }
  const name = text(raw['name']);
  if (name === undefined) rec.error('name', 'name is missing');
  const status = text(raw['status']);
  if (status !== undefined && status.toLowerCase() !== 'active' && rec.errors.length === 0) {
    rec.excluded('status', `status is "${status}", not "active"`);
  }

  const org = isObject(raw['organization']) ? raw['organization'] : undefined;
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (text(v) !== undefined) props[k] = v;
  if (org !== undefined && text(org['name']) !== undefined) props['organization_name'] = org['name'];

  const attributes = objectsOf(rec, raw['attributes'], 'attributes');
  const rawLocations = [
    ...objectsOf(rec, raw['service_at_locations'], 'service_at_locations')
      .map((sal) => sal['location'])
      .filter(isObject),
    ...objectsOf(rec, raw['locations'], 'locations'),
  ];
  const locations: ServiceLocation[] = [];
  if (id !== undefined && recordId !== undefined) {
    const first = rawLocations[0];
    // Problems of the first site's addresses are reported once, by the location loop below.
    const addresses =
      first !== undefined ? objectsOf(new RecordIssues(layer.file, at), first['addresses'], 'addresses') : [];
    const firstAddress = addresses.find((a) => text(a['address_type']) === 'physical') ?? addresses[0];
    const point =
      first !== undefined
        ? checkPoint(first['longitude'], first['latitude'], ctx.config.map.bounds as Bounds)
        : undefined;
    id = uniqueId(rec, seenIds, id, recordId, 'id', {
      at,
      name,
      line1: firstAddress !== undefined ? text(firstAddress['address_1']) : undefined,
      point: point?.ok ? point : undefined,
    });
  }
  if (id !== undefined) {
    rawLocations.forEach((loc, i) => {
      const sub = new RecordIssues(layer.file, at);
      sub.recordId = recordId;
      const addresses = objectsOf(sub, loc['addresses'], `locations[${i}].addresses`);
      const physical = addresses.find((a) => text(a['address_type']) === 'physical') ?? addresses[0];
      const lid = text(loc['id']) ?? `${i + 1}`;
      // No address (HSDS requires a postal code for one): a one-line address as the location's description.
      const described = physical === undefined ? parseAddressLine(text(loc['description']) ?? '') : undefined;
      const address = buildAddress(
        sub,
        physical !== undefined
          ? {
              line1: text(physical['address_1']),
              line2: text(physical['address_2']),
              city: text(physical['city']),
              province: text(physical['state_province']),
              postalCode: text(physical['postal_code']),
            }
          : { ...described },
        { line1: `locations[${i}].addresses.address_1`, postalCode: `locations[${i}].addresses.postal_code` },
        true,
      );
      const location = checkedLocation(
        ctx,
        sub,
        `${id}-${slugify(lid) || i + 1}`,
        loc['longitude'],
        loc['latitude'],
        address,
        text(loc['name']),
      );
      const repeated = location !== undefined ? locations.findIndex((l) => l.id === location.id) : -1;
      if (repeated >= 0) sub.error('id', `location id "${lid}" repeats an earlier location of this service`);
      for (const n of sub.notes) rec.notes.push(n);
      if (location !== undefined && sub.errors.length === 0) locations.push(location);
      else {
        // One bad site does not sink a service offered at other sites.
        for (const e of sub.errors)
          rec.notes.push({
            ...e,
            field: `locations[${i}].${e.field}`,
            action: 'fixed',
            reason: `${e.reason}; this location is left out`,
          });
      }
    });
    if (locations.length === 0 && rec.errors.length === 0) {
      rec.error(
        'locations',
        rawLocations.length === 0
          ? 'service has no location'
          : 'no location of the service has a usable address and coordinates',
      );
    }
  }
  // Categories the file states itself (this site's own export) win over the rule table.
  const cats = rec.errors.length === 0 ? (hsdsCategories(attributes) ?? categorize(ctx, rec, props)) : undefined;
  if (rec.errors.length > 0 || id === undefined || name === undefined || cats === undefined || recordId === undefined) {
    return settle(ctx, rec, undefined);
  }

  const service: Service = {
    id,
    slug: serviceSlug(name, id),
    name,
    categories: cats.categories,
    subcategories: cats.subcategories,
    locations,
    source: sourceOf(layer, recordId),
    ...contactFields(rec, { url: text(raw['url']), email: text(raw['email']) }, { url: 'url', email: 'email' }),
  };
  const alt = text(raw['alternate_name']);
  if (alt !== undefined && alt !== name) service.alternateName = alt;
  const description = text(raw['description']);
  if (description !== undefined) service.description = description;
  if (org !== undefined && text(org['name']) !== undefined) {
    service.organization = { name: text(org['name']) as string };
    const orgId = text(org['id']);
    if (orgId !== undefined) service.organization.id = orgId;
  }
  const languages: string[] = [];
  for (const l of listOf(rec, raw['languages'], 'languages')) {
    const rawCode = isObject(l) ? text(l['code']) : text(l);
    const code = rawCode !== undefined ? languageCode(rawCode) : undefined;
    if (code === undefined) rec.fixed('warning', 'languages', `${JSON.stringify(l)} has no ISO 639 code; left out`);
    else if (!languages.includes(code)) languages.push(code);
  }
  if (languages.length > 0) service.languages = languages;
  if (languages.includes('fr')) service.francophone = true;
  // HSDS 3.0 expresses eligibility groups as attributes linked to taxonomy terms.
  const audiences: AudienceId[] = [];
  for (const a of attributes) {
    if (isObject(a['taxonomy_term']) && SITE_TAXONOMIES.has(text(a['taxonomy_term']['taxonomy']) ?? '')) continue;
    const term = isObject(a['taxonomy_term']) ? text(a['taxonomy_term']['code']) : undefined;
    const code = (term ?? text(a['value']))?.toLowerCase();
    if (code !== undefined && isAudienceId(code) && !audiences.includes(code)) audiences.push(code);
  }
  if (audiences.length > 0) service.audiences = audiences;
  const eligibility = text(raw['eligibility_description']);
  if (eligibility !== undefined) service.eligibilityDescription = eligibility;
  const phones: Phone[] = objectsOf(rec, raw['phones'], 'phones')
    .map((p): Phone | undefined => {
      const number = text(p['number']);
      if (number === undefined) return undefined;
      const extension = text(p['extension']);
      const phone: Phone = { number: normalizePhone(extension !== undefined ? `${number} ext. ${extension}` : number) };
      const type = text(p['type']);
      if (type !== undefined) phone.type = type;
      return phone;
    })
    .filter((p): p is Phone => p !== undefined);
  if (phones.length > 0) service.phones = phones;
  const schedules = hsdsSchedules(rec, objectsOf(rec, raw['schedules'], 'schedules'));
  if (schedules !== undefined) service.schedules = schedules;
  const cost = hsdsCost(raw, objectsOf(rec, raw['cost_options'], 'cost_options'));
  if (cost !== undefined) service.cost = cost;
  const accessibility = text(raw['accessibility']);
  if (accessibility !== undefined) service.accessibility = accessibility;
  for (const [key, target] of [
    ['assured_date', 'assuredDate'],
    ['last_modified', 'lastModified'],
  ] as const) {
    const d = text(raw[key]);
    if (d === undefined) continue;
    const iso = parseDate(d);
    if (iso !== undefined) service[target] = iso;
    else rec.fixed('warning', key, `"${d}" is not a date; left out`);
  }
  return settle(ctx, rec, finish(rec, service));
}
