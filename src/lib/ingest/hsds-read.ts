/**
 * Reading what directories publish as Open Referral HSDS into HSDS 3.0 service objects (the
 * nested form `buildHsdsService` reads):
 *
 * - HSDS 3.0 JSON: a list of services, `{ services: [...] }`, an API page `{ contents: [...] }`
 *   or one service object;
 * - an HSDS 3.0 Tabular Data Package: `datapackage.json` with one CSV per table beside it;
 * - HSDS 2.0 exports still common in 211 systems: the 2.0 data package (`physical_addresses`,
 *   `services_at_location`, `regular_schedules`, `eligibility`, `service_taxonomy`…) and 2.0-style
 *   JSON (`physical_address`, `regular_schedule`, languages as names).
 *
 * Whole-file problems (not JSON, a table file missing) are thrown as a {@link FileError}; a
 * row that points at nothing (a phone of an unknown service) is returned as a problem to report.
 */
import { parseCsv } from '../csv/read.ts';
import { text } from './fields.ts';
import { FileError, parseJson } from './readers.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A row of a table that could not be attached to a service, for the issue list. */
export interface TableProblem {
  readonly file: string;
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export interface HsdsSource {
  /** Service objects in the HSDS 3.0 nested shape (or as found, when not objects). */
  readonly services: unknown[];
  /** `3.0` or `2.0`: what the file looked like. */
  readonly version: '3.0' | '2.0';
  readonly problems: readonly TableProblem[];
}

/** Reads a file beside the layer's file (a table of a data package); undefined when missing. */
export type ReadSibling = (path: string) => string | undefined;

/** True for an object that is one HSDS service rather than a wrapper. */
const isService = (v: Json): boolean =>
  'name' in v && ('id' in v || 'status' in v) && !('contents' in v) && !('resources' in v);

/** ISO 8601 weekday numbers (1 = Monday) and names → iCalendar BYDAY codes. */
const WEEKDAYS: Readonly<Record<string, string>> = {
  '1': 'MO',
  '2': 'TU',
  '3': 'WE',
  '4': 'TH',
  '5': 'FR',
  '6': 'SA',
  '7': 'SU',
  mo: 'MO',
  mon: 'MO',
  monday: 'MO',
  tu: 'TU',
  tue: 'TU',
  tuesday: 'TU',
  we: 'WE',
  wed: 'WE',
  wednesday: 'WE',
  th: 'TH',
  thu: 'TH',
  thursday: 'TH',
  fr: 'FR',
  fri: 'FR',
  friday: 'FR',
  sa: 'SA',
  sat: 'SA',
  saturday: 'SA',
  su: 'SU',
  sun: 'SU',
  sunday: 'SU',
};

/** Column values that are numbers in HSDS (the tabular form has only text). */
const NUMBER_COLUMNS = new Set([
  'latitude',
  'longitude',
  'extension',
  'amount',
  'minimum_age',
  'maximum_age',
  'year_incorporated',
  'timezone',
  'count',
  'interval',
]);

/** A CSV row as an object: empty cells absent, number columns as numbers (text that is no number stays text). */
function rowObject(values: Readonly<Record<string, string>>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '') continue;
    const n = Number(v);
    out[k] = NUMBER_COLUMNS.has(k) && v.trim() !== '' && Number.isFinite(n) ? n : v;
  }
  return out;
}

/** HSDS 2.0 → 3.0 for one service object; 3.0 fields are left as they are. */
export function upgradeHsds2(service: Json): Json {
  const out: Json = { ...service };
  const schedules = [service['schedules'], service['regular_schedule'], service['regular_schedules']].find(
    Array.isArray,
  ) as unknown[] | undefined;
  if (schedules !== undefined) {
    // 2.0 regular schedules: one weekday per row instead of an RRULE `byday`.
    out['schedules'] = schedules.map((s) => {
      if (!isObject(s) || s['byday'] !== undefined || s['weekday'] === undefined) return s;
      const day = WEEKDAYS[(text(s['weekday']) ?? '').toLowerCase()];
      const { weekday: _weekday, ...rest } = s;
      return day !== undefined ? { ...rest, freq: 'WEEKLY', byday: day } : s;
    });
    delete out['regular_schedule'];
    delete out['regular_schedules'];
  }
  const locations = (Array.isArray(service['service_at_locations']) ? service['service_at_locations'] : []).filter(
    isObject,
  );
  const plain = (Array.isArray(service['locations']) ? service['locations'] : []).filter(isObject);
  const upgradeLocation = (l: Json): Json => {
    const addresses = [l['physical_address'], l['physical_addresses']].find((a) => Array.isArray(a) || isObject(a));
    if (addresses === undefined || Array.isArray(l['addresses'])) return l;
    const { physical_address: _a, physical_addresses: _b, ...rest } = l;
    return {
      ...rest,
      addresses: (Array.isArray(addresses) ? addresses : [addresses])
        .filter(isObject)
        .map((a) => ({ ...a, address_type: 'physical' })),
    };
  };
  if (locations.length > 0)
    out['service_at_locations'] = locations.map((sal) =>
      isObject(sal['location']) ? { ...sal, location: upgradeLocation(sal['location']) } : sal,
    );
  if (plain.length > 0) out['locations'] = plain.map(upgradeLocation);
  if (Array.isArray(service['languages']))
    out['languages'] = service['languages'].map((l) =>
      typeof l === 'string'
        ? { name: l, code: l }
        : isObject(l) && l['code'] === undefined && l['language'] !== undefined
          ? { ...l, code: l['language'] }
          : l,
    );
  if (typeof service['eligibility'] === 'string' && service['eligibility_description'] === undefined)
    out['eligibility_description'] = service['eligibility'];
  return out;
}

/** True when a JSON service uses HSDS 2.0 field names. */
function looksHsds2(s: Json): boolean {
  if ('regular_schedule' in s || 'regular_schedules' in s) return true;
  const locs = [
    ...(Array.isArray(s['locations']) ? s['locations'] : []),
    ...(Array.isArray(s['service_at_locations'])
      ? s['service_at_locations'].map((x) => (isObject(x) ? x['location'] : undefined))
      : []),
  ];
  return locs.some((l) => isObject(l) && ('physical_address' in l || 'physical_addresses' in l));
}

/** Resource paths of a data package by table name (3.0 singular, 2.0 plural names). */
function resourcePaths(pkg: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of Array.isArray(pkg['resources']) ? pkg['resources'] : []) {
    if (!isObject(r)) continue;
    const name = text(r['name']);
    const path = text(r['path']);
    if (name !== undefined && path !== undefined) out.set(name, path);
  }
  return out;
}

/** Names of one table in HSDS 3.0 and in 2.0. */
const TABLES = {
  service: ['service', 'services'],
  organization: ['organization', 'organizations'],
  service_at_location: ['service_at_location', 'services_at_location', 'service_at_locations'],
  location: ['location', 'locations'],
  address: ['address', 'addresses', 'physical_address', 'physical_addresses'],
  phone: ['phone', 'phones'],
  schedule: ['schedule', 'schedules', 'regular_schedule', 'regular_schedules'],
  language: ['language', 'languages'],
  cost_option: ['cost_option', 'cost_options'],
  attribute: ['attribute', 'attributes', 'service_attribute', 'service_attributes', 'service_taxonomy'],
  taxonomy_term: ['taxonomy_term', 'taxonomy_terms', 'taxonomy'],
  taxonomy: ['taxonomy_detail', 'taxonomies'],
  eligibility: ['eligibility'],
} as const;

/** Services assembled from the tables of an HSDS data package (3.0 or 2.0). */
function readPackage(pkg: Json, readSibling: ReadSibling): HsdsSource {
  const paths = resourcePaths(pkg);
  const version: HsdsSource['version'] = ['physical_addresses', 'services_at_location', 'regular_schedules'].some((n) =>
    paths.has(n),
  )
    ? '2.0'
    : '3.0';
  const problems: TableProblem[] = [];
  const rowsOf = (table: keyof typeof TABLES): { file: string; line: number; row: Json }[] => {
    const name = TABLES[table].find((n) => paths.has(n));
    if (name === undefined) return [];
    // In 2.0 `taxonomy` is the term table; in 3.0 it is the taxonomy list (`taxonomies.csv`).
    if (table === 'taxonomy_term' && name === 'taxonomy' && version === '3.0') return [];
    const file = paths.get(name) as string;
    const content = readSibling(file);
    if (content === undefined)
      throw new FileError([
        { field: `resources.${name}`, reason: `table file "${file}" named in the data package is missing` },
      ]);
    try {
      const table = parseCsv(content);
      for (const bad of table.badRows)
        problems.push({ file, row: bad.line, field: '*', reason: `${bad.reason}; row left out` });
      return table.rows.map((r) => ({ file, line: r.line, row: rowObject(r.values) }));
    } catch (e) {
      throw new FileError([{ field: `resources.${name}`, reason: `table file "${file}": ${(e as Error).message}` }]);
    }
  };
  const byKey = (rows: { file: string; line: number; row: Json }[], key: string): Map<string, Json[]> => {
    const map = new Map<string, Json[]>();
    for (const r of rows) {
      const k = text(r.row[key]);
      if (k === undefined) continue;
      const list = map.get(k);
      if (list) list.push(r.row);
      else map.set(k, [r.row]);
    }
    return map;
  };
  const services = rowsOf('service');
  const serviceIds = new Set(services.map((s) => text(s.row['id'])).filter((id) => id !== undefined));
  /** Rows that name a service the package does not have are reported, not dropped silently. */
  const attached = (table: keyof typeof TABLES, key: string): Map<string, Json[]> => {
    const rows = rowsOf(table);
    for (const r of rows) {
      const k = text(r.row[key]);
      if (k !== undefined && !serviceIds.has(k))
        problems.push({ file: r.file, row: r.line, field: key, reason: `no service has the id "${k}"; row left out` });
    }
    return byKey(rows, key);
  };
  const organizations = new Map(rowsOf('organization').map((r) => [text(r.row['id']) ?? '', r.row]));
  const locations = new Map(rowsOf('location').map((r) => [text(r.row['id']) ?? '', r.row]));
  const addresses = byKey(rowsOf('address'), 'location_id');
  const links = attached('service_at_location', 'service_id');
  const phones = attached('phone', 'service_id');
  const schedules = attached('schedule', 'service_id');
  const languages = attached('language', 'service_id');
  const costs = attached('cost_option', 'service_id');
  const eligibility = attached('eligibility', 'service_id');
  const taxonomies = new Map(rowsOf('taxonomy').map((r) => [text(r.row['id']) ?? '', r.row]));
  const terms = new Map(rowsOf('taxonomy_term').map((r) => [text(r.row['id']) ?? '', r.row]));
  const attributeRows = rowsOf('attribute');
  const attributes = byKey(
    attributeRows.filter((r) => (text(r.row['link_entity']) ?? 'service') === 'service'),
    version === '2.0' ? 'service_id' : 'link_id',
  );
  const strip = (row: Json, ...keys: string[]): Json =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

  const out = services.map(({ row }) => {
    const id = text(row['id']) ?? '';
    const service: Json = { ...row };
    const org = organizations.get(text(row['organization_id']) ?? '');
    if (org !== undefined) service['organization'] = org;
    const eligible = (eligibility.get(id) ?? []).map((e) => text(e['eligibility'])).filter((e) => e !== undefined);
    if (eligible.length > 0 && service['eligibility_description'] === undefined)
      service['eligibility_description'] = eligible.join('; ');
    const list = (rows: Json[] | undefined, drop: string): Json[] | undefined =>
      rows !== undefined && rows.length > 0
        ? rows.map((r) => strip(r, drop)).map((r) => ({ ...r, service_id: id }))
        : undefined;
    const put = (key: string, value: unknown[] | undefined): void => {
      if (value !== undefined) service[key] = value;
    };
    put('phones', list(phones.get(id), 'service_id'));
    put('schedules', list(schedules.get(id), 'service_id'));
    put('languages', list(languages.get(id), 'service_id'));
    put('cost_options', list(costs.get(id), 'service_id'));
    put(
      'attributes',
      (attributes.get(id) ?? []).map((a) => {
        const term = terms.get(text(a['taxonomy_term_id']) ?? text(a['taxonomy_id']) ?? '');
        if (term === undefined) return a;
        const detail = taxonomies.get(text(term['taxonomy_id']) ?? '');
        return { ...a, taxonomy_term: detail !== undefined ? { ...term, taxonomy_detail: detail } : term };
      }),
    );
    put(
      'service_at_locations',
      (links.get(id) ?? []).map((link) => {
        const loc = locations.get(text(link['location_id']) ?? '');
        if (loc === undefined) return link;
        const locAddresses = (addresses.get(text(loc['id']) ?? '') ?? []).map((a) =>
          a['address_type'] === undefined ? { ...a, address_type: 'physical' } : a,
        );
        return { ...link, location: { ...loc, addresses: locAddresses } };
      }),
    );
    return version === '2.0' ? upgradeHsds2(service) : service;
  });
  return { services: out, version, problems };
}

/** The HSDS services of a layer file (JSON or a data package), in HSDS 3.0 shape. */
export function readHsdsSource(content: string, readSibling: ReadSibling): HsdsSource {
  const data = parseJson(content);
  if (isObject(data) && Array.isArray(data['resources'])) return readPackage(data, readSibling);
  let list: unknown[] | undefined;
  if (Array.isArray(data)) list = data;
  else if (isObject(data)) {
    for (const key of ['services', 'contents']) if (Array.isArray(data[key])) list = data[key] as unknown[];
    if (list === undefined && isService(data)) list = [data];
  }
  if (list === undefined) {
    throw new FileError([
      {
        field: '*',
        reason:
          'expected HSDS services: an array, an object with a "services" or "contents" array, one service object, or a data package (datapackage.json)',
      },
    ]);
  }
  const is2 = list.some((s) => isObject(s) && looksHsds2(s));
  return {
    services: is2 ? list.map((s) => (isObject(s) ? upgradeHsds2(s) : s)) : list,
    version: is2 ? '2.0' : '3.0',
    problems: [],
  };
}
