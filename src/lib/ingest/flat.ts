/**
 * Services from the records of a flat layer: GeoJSON features and CSV rows (`readers.ts`),
 * one service at one point each, fields found through the layer config's field paths.
 */
import { isAudienceId, type AudienceId } from '../audiences.ts';
import { checkPoint, type Bounds } from '../geo/coords.ts';
import type { Service } from '../schema/service.ts';
import { serviceSlug } from '../slug.ts';
import { osmAddress } from './address.ts';
import { getPath } from './field-path.ts';
import {
  fieldText,
  numberHint,
  parseBoolean,
  parseCount,
  parseDate,
  parseNumber,
  readField,
  splitList,
  text,
  type FieldRef,
  type Props,
} from './fields.ts';
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
  type RawRecord,
  type SeenIds,
} from './record.ts';

function fieldName(ref: FieldRef | undefined): string {
  if (ref === undefined) return '*';
  return typeof ref === 'string' ? ref : ref.join('|');
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

const isLanguageCode = (c: string): c is string => /^[a-z]{2,3}$/.test(c);

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
