/**
 * What the importers of every input format share: the record being built and its issues, the
 * checks of its parts (location, address, contact fields, categories, id), and the rule of the
 * whole pipeline: a value the source does not give stays absent.
 *
 * Every record read ends in exactly one of two states, counted on its file's report entry:
 * published (it is in the output, possibly merged later) or reported (left out, with at least
 * one issue saying why). That is what makes `read === published + reported` hold ({@link settle}).
 * The importers: `flat.ts` (GeoJSON features and CSV rows), `hsds.ts` (HSDS 3.0 services).
 */
import { distance } from '@turf/distance';
import { checkPoint, type Bounds } from '../geo/coords.ts';
import type { AreaIndex } from '../geo/area-index.ts';
import type { ServiceLayerConfig, SiteConfig } from '../schema/config.ts';
import type { FileReport, Issue } from '../schema/report.ts';
import { serviceSchema, type Service, type ServiceLocation, type ServiceSource } from '../schema/service.ts';
import { parseAddressLine, provinceCode, type PartialAddress } from './address.ts';
import {
  comparableAddress,
  comparableName,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeUrl,
  slugify,
  splitPhones,
  type Props,
} from './fields.ts';
import { makeIssue, type IssueLog, type Locator } from './issues.ts';
import { applyRules, describeRule, type Rule } from './rules.ts';

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
export class RecordIssues {
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

export function sourceOf(layer: ServiceLayerConfig, recordId: string): ServiceSource {
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

export function serviceId(layer: ServiceLayerConfig, recordId: string): string | undefined {
  const tail = slugify(recordId);
  return tail === '' ? undefined : `${layer.id}-${tail}`;
}

export function checkedLocation(
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
export function buildAddress(
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
export function contactFields(
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

export function categorize(
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
export function finish(rec: RecordIssues, service: Service): Service | undefined {
  const parsed = serviceSchema.safeParse(service);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) rec.error(issue.path.join('.') || '*', issue.message);
    return undefined;
  }
  return parsed.data;
}

/** Records the fate of one record: issues to the log, one count to the file report. */
export function settle(ctx: LayerContext, rec: RecordIssues, service: Service | undefined): Service | undefined {
  for (const issue of [...rec.notes, ...rec.errors]) ctx.log.add(issue);
  if (service === undefined || rec.errors.length > 0) {
    ctx.report.reported += 1;
    return undefined;
  }
  ctx.report.published += 1;
  return service;
}

/** ISO 639 code from `fr`, `FR`, `fr-CA`, `fra`; undefined otherwise. */
export function languageCode(raw: string): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(raw.trim());
  return m?.[1]?.toLowerCase();
}

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
export function uniqueId(
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
