/**
 * Turning source records into {@link Service}s: one function per input format, all sharing the
 * same checks and the same rule: a value the source does not give stays absent.
 *
 * Every record read ends in exactly one of two states, counted on its file's report entry:
 * published (it is in the output, possibly merged later) or reported (left out, with at least
 * one issue saying why). That is what makes `read === published + reported` hold.
 */
import { serviceSlug } from '../slug.ts';
import { isAudienceId, type AudienceId } from '../audiences.ts';
import { checkPoint, type Bounds } from '../geo/coords.ts';
import type { AreaIndex } from '../geo/area-index.ts';
import type { ServiceLayerConfig, SiteConfig } from '../schema/config.ts';
import type { FileReport, Issue } from '../schema/report.ts';
import {
  DAY_CODES,
  serviceSchema,
  type DayCode,
  type Phone,
  type Schedule,
  type Service,
  type ServiceLocation,
  type ServiceSource,
} from '../schema/service.ts';
import { distance } from '@turf/distance';
import {
  comparableAddress,
  comparableName,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeUrl,
  numberHint,
  parseBoolean,
  fieldText,
  parseCount,
  parseDate,
  parseNumber,
  readField,
  slugify,
  splitList,
  splitPhones,
  text,
  type FieldRef,
  type Props,
} from './fields.ts';
import { makeIssue, type IssueLog, type Locator } from './issues.ts';
import { osmAddress, parseAddressLine, provinceCode, type PartialAddress } from './address.ts';
import { getPath } from './field-path.ts';
import { checkHsdsService } from './hsds-schema.ts';
import { applyRules, describeRule, type Rule } from './rules.ts';
import { isCategoryId } from '../categories.ts';
import { CATEGORY_TAXONOMY, SUBCATEGORY_TAXONOMY } from '../export/hsds.ts';

/** A record read from a GeoJSON feature or a CSV row, before any checking. */
export interface RawRecord {
  readonly at: Locator;
  readonly props: Props;
  readonly lon: unknown;
  readonly lat: unknown;
  /** Set when the feature's geometry itself is unusable (not a Point, missing). */
  readonly geometryProblem?: string;
  /** Set when the geometry was usable after a correction (e.g. one-point MultiPoint). */
  readonly geometryFix?: string;
  /** The GeoJSON feature's own `id` (OpenStreetMap extracts: `node/123`), used when no `idField` is configured. */
  readonly featureId?: unknown;
}

export interface LayerContext {
  readonly config: SiteConfig;
  readonly layer: ServiceLayerConfig;
  readonly rules: readonly Rule[];
  readonly areaIndex: AreaIndex;
  readonly log: IssueLog;
  readonly report: FileReport;
  /** Called for every rule that matches a record. */
  readonly onRuleMatch?: (rule: Rule) => void;
}

/** A published service with where it came from, for merging and reporting. */
export interface Built {
  readonly service: Service;
  readonly at: Locator;
  readonly report: FileReport;
  readonly layerOrder: number;
}

/** Issues for one record, flushed to the log when the record's fate is known. */
class RecordIssues {
  readonly errors: Issue[] = [];
  readonly notes: Issue[] = [];
  readonly #file: string;
  readonly #at: Locator;
  recordId: string | undefined;

  constructor(file: string, at: Locator) {
    this.#file = file;
    this.#at = at;
  }
  error(field: string, reason: string): void {
    this.errors.push(makeIssue('error', this.#file, this.#at, field, reason, 'skipped', this.recordId));
  }
  /** A field dropped or corrected while the record is kept. */
  fixed(severity: Issue['severity'], field: string, reason: string): void {
    this.notes.push(makeIssue(severity, this.#file, this.#at, field, reason, 'fixed', this.recordId));
  }
  excluded(field: string, reason: string): void {
    this.errors.push(makeIssue('warning', this.#file, this.#at, field, reason, 'excluded', this.recordId));
  }
}

function fieldName(ref: FieldRef | undefined): string {
  if (ref === undefined) return '*';
  return typeof ref === 'string' ? ref : ref.join('|');
}

function sourceOf(layer: ServiceLayerConfig, recordId: string): ServiceSource {
  const source: ServiceSource = {
    layer: layer.id,
    file: layer.file,
    recordId,
    publisher: layer.sourceName,
    licence: layer.licence,
  };
  if (layer.licenceUrl !== undefined) source.licenceUrl = layer.licenceUrl;
  if (layer.dataDate !== undefined) source.dataDate = layer.dataDate;
  return source;
}

/** Reads the record id; `idField` lists are joined so ids repeated across types stay unique. */
function readRecordId(props: Props, ref: FieldRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const parts = (typeof ref === 'string' ? [ref] : ref).map((f) => fieldText(props, f));
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.join('-');
}

/** Decimals of the rounded point in a derived id: 4 is about 10 m, so a nudged point keeps its id. */
export const DERIVED_ID_DECIMALS = 4;

/**
 * A record id for a layer without `idField`: the feature's own id (`node/123`), else the name and
 * the point rounded to {@link DERIVED_ID_DECIMALS} decimals (`Smile Dental @ 46.0862,-64.8161`).
 * Both are stable when the file is re-ordered or other records change.
 */
function derivedRecordId(
  raw: RawRecord,
  name: string | undefined,
  point: ReturnType<typeof checkPoint>,
): string | undefined {
  const own = text(raw.featureId);
  if (own !== undefined) return own;
  if (name === undefined || !point.ok) return undefined;
  return `${name} @ ${point.lat.toFixed(DERIVED_ID_DECIMALS)},${point.lon.toFixed(DERIVED_ID_DECIMALS)}`;
}

function serviceId(layer: ServiceLayerConfig, recordId: string): string | undefined {
  const tail = slugify(recordId);
  return tail === '' ? undefined : `${layer.id}-${tail}`;
}

function checkedLocation(
  ctx: LayerContext,
  rec: RecordIssues,
  id: string,
  lonRaw: unknown,
  latRaw: unknown,
  address: ServiceLocation['address'] | undefined,
  name?: string,
): ServiceLocation | undefined {
  const point = checkPoint(lonRaw, latRaw, ctx.config.map.bounds as Bounds);
  if (!point.ok) {
    rec.error('coordinates', point.reason);
    return undefined;
  }
  if (address === undefined) return undefined;
  const areaId = ctx.areaIndex.areaAt(point.lon, point.lat);
  if (areaId === null) {
    rec.fixed(
      'warning',
      'coordinates',
      `lon ${point.lon}, lat ${point.lat} is inside the region but in no area; kept without an area`,
    );
  }
  const location: ServiceLocation = { id, address, lon: point.lon, lat: point.lat, areaId };
  if (name !== undefined) location.name = name;
  return location;
}

/**
 * The address from its parts. Without a street address it is an error when `required` (HSDS
 * locations); otherwise the address keeps what is known (city, postal code) and pages say the
 * street address is not given.
 */
function buildAddress(
  rec: RecordIssues,
  parts: PartialAddress,
  fields: { line1: string; postalCode: string },
  required: boolean,
): ServiceLocation['address'] | undefined {
  if (parts.line1 === undefined && required) {
    rec.error(fields.line1, 'address is missing');
    return undefined;
  }
  // A whole address in one field (`10 Main St, Suite 4, Toronto, ON M5V 1A1`) is split into its parts.
  const street = parts.line1;
  const oneLine =
    street !== undefined && parts.city === undefined && parts.postalCode === undefined
      ? parseAddressLine(street)
      : undefined;
  if (oneLine !== undefined) parts = { ...oneLine, ...(parts.line2 !== undefined ? { line2: parts.line2 } : {}) };
  const address: ServiceLocation['address'] = { country: 'CA' };
  const line1 = oneLine?.line1 ?? street;
  if (line1 !== undefined) address.line1 = line1;
  if (parts.line2 !== undefined && parts.line2 !== parts.line1) address.line2 = parts.line2;
  if (parts.city !== undefined) address.city = parts.city;
  if (parts.province !== undefined) {
    // Any other two-letter code is kept as given, as it always was.
    const upper = parts.province.toUpperCase();
    const p = provinceCode(parts.province) ?? (/^[A-Z]{2}$/.test(upper) ? upper : undefined);
    if (p !== undefined) address.province = p;
    else
      rec.fixed(
        'warning',
        'province',
        `"${parts.province}" is neither a two-letter province code nor a province or territory name; left out`,
      );
  }
  if (parts.postalCode !== undefined) {
    const pc = normalizePostalCode(parts.postalCode);
    if (pc !== undefined) address.postalCode = pc;
    else rec.fixed('warning', fields.postalCode, `"${parts.postalCode}" is not a Canadian postal code; left out`);
  }
  return address;
}

/** Common optional contact fields, each checked and reported on its own. */
function contactFields(
  rec: RecordIssues,
  raw: { url?: string | undefined; email?: string | undefined; phone?: string | undefined },
  fields: { url: string; email: string },
): Partial<Service> {
  const out: Partial<Service> = {};
  if (raw.url !== undefined) {
    const r = normalizeUrl(raw.url);
    if (r.ok) {
      out.url = r.value;
      if (r.fixed !== undefined) rec.fixed('warning', fields.url, r.fixed);
    } else {
      rec.fixed('error', fields.url, `${r.reason}; link left out`);
    }
  }
  if (raw.email !== undefined) {
    const r = normalizeEmail(raw.email);
    if (r.ok) out.email = r.value;
    else rec.fixed('error', fields.email, `${r.reason}; left out`);
  }
  if (raw.phone !== undefined) {
    const numbers = splitPhones(raw.phone);
    if (numbers.length > 0) out.phones = numbers.map((n) => ({ number: normalizePhone(n) }));
  }
  return out;
}

function categorize(
  ctx: LayerContext,
  rec: RecordIssues,
  props: Props,
): { categories: Service['categories']; subcategories: string[] } | undefined {
  const outcome = applyRules(ctx.rules, props, ctx.config.rules.includeOptional, ctx.onRuleMatch);
  if (outcome.excludedBy !== undefined) {
    rec.excluded(
      outcome.excludedBy.fields.join('|') || '*',
      `excluded by ${describeRule(outcome.excludedBy)} in ${ctx.config.rules.file}`,
    );
    return undefined;
  }
  if (outcome.categories.length === 0) {
    const why =
      outcome.ignoredOptional.length > 0
        ? `only optional rules match (${outcome.ignoredOptional.map(describeRule).join('; ')}) and rules.includeOptional is false`
        : `no rule in ${ctx.config.rules.file} gives this record a category`;
    rec.excluded('*', why);
    return undefined;
  }
  return { categories: outcome.categories as Service['categories'], subcategories: outcome.subcategories };
}

/** Validates the finished record against the schema (a guard against importer bugs). */
function finish(rec: RecordIssues, service: Service): Service | undefined {
  const parsed = serviceSchema.safeParse(service);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) rec.error(issue.path.join('.') || '*', issue.message);
    return undefined;
  }
  return parsed.data;
}

/** Records the fate of one record: issues to the log, one count to the file report. */
function settle(ctx: LayerContext, rec: RecordIssues, service: Service | undefined): Service | undefined {
  for (const issue of [...rec.notes, ...rec.errors]) ctx.log.add(issue);
  if (service === undefined || rec.errors.length > 0) {
    ctx.report.reported += 1;
    return undefined;
  }
  ctx.report.published += 1;
  return service;
}

function readAttributes(ctx: LayerContext, rec: RecordIssues, props: Props): Service['attributes'] {
  const attributes: NonNullable<Service['attributes']> = {};
  for (const spec of ctx.layer.attributes) {
    const raw = fieldText(props, spec.field);
    if (raw === undefined) continue;
    if (spec.type === 'string') attributes[spec.key] = raw;
    else if (spec.type === 'number') {
      const n = parseNumber(raw, ctx.layer.numberFormat);
      if (n === undefined)
        rec.fixed(
          'warning',
          spec.field,
          `"${raw}" is not a number${numberHint(raw, ctx.layer.numberFormat)}; left out`,
        );
      else attributes[spec.key] = n;
    } else {
      const b = parseBoolean(raw);
      if (b === undefined) rec.fixed('warning', spec.field, `"${raw}" is not yes/no; left out`);
      else attributes[spec.key] = b;
    }
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function readCodes<T extends string>(
  rec: RecordIssues,
  raw: string | undefined,
  field: string,
  valid: (c: string) => c is T,
  what: string,
): T[] | undefined {
  if (raw === undefined) return undefined;
  const out: T[] = [];
  for (const item of splitList(raw)) {
    const code = item.toLowerCase();
    if (valid(code)) {
      if (!out.includes(code)) out.push(code);
    } else rec.fixed('warning', field, `"${item}" is not ${what}; left out`);
  }
  return out.length > 0 ? out : undefined;
}

/** ISO 639 code from `fr`, `FR`, `fr-CA`, `fra`; undefined otherwise. */
export function languageCode(raw: string): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(raw.trim());
  return m?.[1]?.toLowerCase();
}

const isLanguageCode = (c: string): c is string => /^[a-z]{2,3}$/.test(c);

/** What is remembered of each id already used in a layer, to tell a repeat from another place. */
export interface SeenRecord {
  readonly at: Locator;
  readonly name: string | undefined;
  readonly line1: string | undefined;
  readonly point: { readonly lon: number; readonly lat: number } | undefined;
}
export type SeenIds = Map<string, SeenRecord>;

function locatorText(at: Locator): string {
  return 'row' in at ? `row ${at.row}` : 'feature' in at ? `feature ${at.feature}` : 'earlier';
}

/**
 * The record's id, made unique. A repeated id is never a reason to drop a record: the repeat
 * is kept under an id derived from its street address (stable when the file is re-ordered),
 * and reported. The same place listed twice (same name and address) then merges as an
 * identical record (merge.ts); a different place stays a service of its own.
 */
function uniqueId(
  rec: RecordIssues,
  seen: SeenIds,
  id: string,
  recordId: string,
  field: string,
  here: SeenRecord,
  origin = '',
): string {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, here);
    return id;
  }
  const base = `${id}-${slugify(comparableAddress(here.line1 ?? '')) || 'repeat'}`;
  let derived = base;
  for (let n = 2; seen.has(derived); n += 1) derived = `${base}-${n}`;
  seen.set(derived, here);
  const apart =
    first.point !== undefined && here.point !== undefined
      ? `${Math.round(distance([first.point.lon, first.point.lat], [here.point.lon, here.point.lat], { units: 'kilometers' }) * 1000)} m away`
      : 'location unknown';
  const sameAddress = comparableAddress(first.line1 ?? '') === comparableAddress(here.line1 ?? '');
  const what =
    sameAddress && comparableName(first.name ?? '') === comparableName(here.name ?? '')
      ? 'the same name and address, so it is merged with it below'
      : `another place (${first.line1 !== undefined ? `"${first.line1}"` : 'no address'}, ${apart})`;
  rec.fixed(
    'warning',
    field,
    `duplicate id "${recordId}"${origin} (first used at ${locatorText(first.at)}, ${what}); kept under the derived id "${derived}"`,
  );
  return derived;
}

/** Builds a service from a GeoJSON feature or CSV row of a flat layer. */
export function buildFlatService(ctx: LayerContext, raw: RawRecord, seenIds: SeenIds): Service | undefined {
  const { layer } = ctx;
  const rec = new RecordIssues(layer.file, raw.at);
  ctx.report.read += 1;
  const name = readField(raw.props, layer.nameField);
  const point = checkPoint(raw.lon, raw.lat, ctx.config.map.bounds as Bounds);
  const derived = layer.idField === undefined;
  const idField = derived ? 'id' : fieldName(layer.idField);
  const recordId = derived ? derivedRecordId(raw, name, point) : readRecordId(raw.props, layer.idField);
  rec.recordId = recordId;
  let id: string | undefined;
  if (recordId === undefined) {
    // A derived id needs the name and the point, whose own problems are reported below.
    if (!derived) rec.error(idField, 'id is missing');
    else if (name !== undefined && !point.ok && raw.geometryProblem === undefined)
      rec.error('coordinates', point.reason);
  } else {
    id = serviceId(layer, recordId);
    if (id === undefined) rec.error(idField, `id "${recordId}" has no letters or digits`);
  }
  if (name === undefined) rec.error(fieldName(layer.nameField), 'name is missing');
  if (raw.geometryProblem !== undefined) rec.error('geometry', raw.geometryProblem);
  else if (raw.geometryFix !== undefined) rec.fixed('warning', 'geometry', raw.geometryFix);

  const addr = layer.address;
  const osm = addr?.osm === undefined ? {} : osmAddress(addr.osm === true ? raw.props : getPath(raw.props, addr.osm));
  const osmField = (tag: string): string => (addr?.osm === true ? tag : `${String(addr?.osm)}["${tag}"]`);
  const line1Field = addr?.line1 !== undefined ? fieldName(addr.line1) : osmField('addr:street');
  const address = buildAddress(
    rec,
    {
      line1: readField(raw.props, addr?.line1) ?? osm.line1,
      line2: readField(raw.props, addr?.line2) ?? osm.line2,
      city: readField(raw.props, addr?.city) ?? osm.city ?? layer.city,
      province: readField(raw.props, addr?.province) ?? osm.province ?? layer.province,
      postalCode: readField(raw.props, addr?.postalCode) ?? osm.postalCode,
    },
    {
      line1: line1Field,
      postalCode: addr?.postalCode !== undefined ? fieldName(addr.postalCode) : osmField('addr:postcode'),
    },
    false,
  );
  if (addr !== undefined && address?.line1 === undefined)
    rec.fixed('warning', line1Field, 'no street address; published with the address not given');
  if (id !== undefined && recordId !== undefined) {
    const origin = !derived
      ? ''
      : text(raw.featureId) !== undefined
        ? ' (the feature id)'
        : ` (derived from the name and the point rounded to ${DERIVED_ID_DECIMALS} decimals)`;
    id = uniqueId(
      rec,
      seenIds,
      id,
      recordId,
      idField,
      { at: raw.at, name, line1: address?.line1, point: point.ok ? point : undefined },
      origin,
    );
  }
  const location =
    raw.geometryProblem === undefined && id !== undefined
      ? checkedLocation(ctx, rec, id, raw.lon, raw.lat, address)
      : undefined;
  // Rules only run on otherwise valid records, so a broken record is reported once, as broken.
  const cats = rec.errors.length === 0 ? categorize(ctx, rec, raw.props) : undefined;
  if (
    rec.errors.length > 0 ||
    id === undefined ||
    name === undefined ||
    location === undefined ||
    cats === undefined ||
    recordId === undefined
  ) {
    return settle(ctx, rec, undefined);
  }

  const service: Service = {
    id,
    slug: serviceSlug(name, id),
    name,
    categories: cats.categories,
    subcategories: cats.subcategories,
    locations: [location],
    source: sourceOf(layer, recordId),
    ...contactFields(
      rec,
      {
        url: readField(raw.props, layer.websiteField),
        email: readField(raw.props, layer.emailField),
        phone: readField(raw.props, layer.phoneField),
      },
      { url: fieldName(layer.websiteField), email: fieldName(layer.emailField) },
    ),
  };
  const alt = readField(raw.props, layer.alternateNameField);
  if (alt !== undefined && alt.toLowerCase() !== name.toLowerCase()) service.alternateName = alt;
  const description = readField(raw.props, layer.descriptionField);
  if (description !== undefined) service.description = description;
  const org = readField(raw.props, layer.organizationField);
  if (org !== undefined) service.organization = { name: org };
  const languages = readCodes(
    rec,
    readField(raw.props, layer.languagesField)
      ?.split(/[;,|]/)
      .map((l) => languageCode(l) ?? l)
      .join(';'),
    fieldName(layer.languagesField),
    isLanguageCode,
    'an ISO 639 language code',
  );
  if (languages !== undefined) service.languages = languages;
  const audiences = readCodes<AudienceId>(
    rec,
    readField(raw.props, layer.audiencesField),
    fieldName(layer.audiencesField),
    isAudienceId,
    'a known audience id',
  );
  if (audiences !== undefined) service.audiences = audiences;
  if (layer.francophoneWhen !== undefined) {
    const v = fieldText(raw.props, layer.francophoneWhen.field)?.toLowerCase();
    if (v !== undefined && layer.francophoneWhen.values.some((x) => x.toLowerCase() === v)) {
      service.francophone = true;
      // A French-language service offers French by definition; other languages stay unknown.
      if (!service.languages?.includes('fr')) service.languages = [...(service.languages ?? []), 'fr'];
    }
  }
  if (languages?.includes('fr')) service.francophone = true;
  if (layer.capacityField !== undefined) {
    const c = fieldText(raw.props, layer.capacityField);
    if (c !== undefined) {
      const n = parseCount(c, layer.numberFormat);
      if (n !== undefined) service.capacity = n;
      else
        rec.fixed(
          'warning',
          layer.capacityField,
          `"${c}" is not a count (a whole number, 0 or more)${numberHint(c, layer.numberFormat)}; capacity left unknown`,
        );
    }
  }
  if (layer.lastModifiedField !== undefined) {
    const d = fieldText(raw.props, layer.lastModifiedField);
    if (d !== undefined) {
      const iso = parseDate(d);
      if (iso !== undefined) service.lastModified = iso;
      else rec.fixed('warning', layer.lastModifiedField, `"${d}" is not a date; left out`);
    }
  }
  const attributes = readAttributes(ctx, rec, raw.props);
  if (attributes !== undefined) service.attributes = attributes;
  return settle(ctx, rec, finish(rec, service));
}

// ---------------------------------------------------------------------------------------------
// HSDS 3.0

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
