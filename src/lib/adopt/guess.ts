/**
 * Guesses a first configuration from inspected files (inspect.ts): which field is an area's id
 * and name, which census column joins the areas, where a CSV's coordinates are and in which
 * order, which service fields hold the name, phone, web site and address, which field sorts the
 * records into kinds for the rule table, and the map view. Every guess says how it was made, so
 * the scaffold can write it as a comment and the LIP can check it.
 */
import type { CategoryId } from '../categories.ts';
import { CENSUS_PROFILE_DENOMINATORS, type CensusProfileIndicator } from '../census/presets.ts';
import { urlProblem } from '../ingest/areas.ts';
import type { FieldInfo, FileInspection } from './inspect.ts';

/** A field chosen for a role, with the reason shown next to it. */
export interface Pick {
  readonly path: string;
  readonly why: string;
}

/** True when every record has a different, non-empty value. */
function unique(f: FieldInfo, records: number): boolean {
  return records > 0 && f.present === records && f.distinct === records;
}

/** Fields that could be ids: unique and non-empty in every record; usable as page addresses first. */
export function idCandidates(file: FileInspection): FieldInfo[] {
  const score = (f: FieldInfo): number => {
    const values = file.values.get(f.path) ?? [];
    const urlSafe = values.every((v) => urlProblem(v) === undefined && /^[A-Za-z0-9._-]+$/.test(v));
    const named =
      /(?:^|[_\s.-])(?:id|code|ref|key|fid|uid|number|no)$|^(?:id|code|ref|mapid|objectid|fid|geoid|dguid|ctuid|dauid)$/i.test(
        f.path.replace(/\W+$/, ''),
      )
        ? 2
        : 0;
    const short = values.every((v) => v.length <= 24) ? 1 : 0;
    return (urlSafe ? 4 : 0) + named + short;
  };
  return file.fields.filter((f) => unique(f, file.records)).sort((a, b) => score(b) - score(a));
}

/** The best name field: text with letters in most records, preferably called name/title/label. */
export function nameField(file: FileInspection, exclude: readonly string[] = []): Pick | undefined {
  const candidates = file.fields.filter(
    (f) => !f.numeric && !exclude.includes(f.path) && (file.values.get(f.path) ?? []).some((v) => /\p{L}{3}/u.test(v)),
  );
  const named = candidates.filter(
    (f) =>
      /(?:^|[._\s"-])(?:name|title|label|nom)(?:$|[_\s"-])/i.test(f.path) &&
      !/:(?!en)|name:|_fr|alt|short|official|old/i.test(f.path),
  );
  const best = [...named].sort((a, b) => b.present - a.present || a.path.length - b.path.length)[0];
  if (best !== undefined) return { path: best.path, why: `${best.present} of ${file.records} records have it` };
  const fallback = [...candidates].sort((a, b) => b.distinct - a.distinct)[0];
  return fallback === undefined
    ? undefined
    : { path: fallback.path, why: 'the text field with the most different values; check it' };
}

/** Comparable form of an id: trimmed, leading zeros of a number dropped (`007` = `7`, `5350001.00` stays). */
function idKey(v: string): string {
  const t = v.trim();
  return /^\d+$/.test(t) ? String(Number(t)) : t;
}

/** How the areas join the census: the pair of fields whose values match most often. */
export interface AreaJoin {
  readonly areaField: string;
  readonly censusField: string;
  /** Areas with a census row. */
  readonly matched: number;
  readonly areas: number;
  /** Area ids without a census row (at most 10 shown). */
  readonly areasWithoutRow: readonly string[];
  /** Census ids without an area (at most 10 shown). */
  readonly rowsWithoutArea: readonly string[];
}

export function joinAreasCensus(areas: FileInspection, census: FileInspection): AreaJoin | undefined {
  let best: AreaJoin | undefined;
  for (const a of areas.fields.filter((f) => unique(f, areas.records))) {
    const areaIds = (areas.values.get(a.path) ?? []).map(idKey);
    for (const c of census.fields) {
      const rowIds = new Set((census.values.get(c.path) ?? []).map(idKey));
      const matched = areaIds.filter((id) => rowIds.has(id)).length;
      if (matched === 0 || (best !== undefined && matched <= best.matched)) continue;
      const areaSet = new Set(areaIds);
      best = {
        areaField: a.path,
        censusField: c.path,
        matched,
        areas: areaIds.length,
        areasWithoutRow: areaIds.filter((id) => !rowIds.has(id)).slice(0, 10),
        rowsWithoutArea: [...rowIds].filter((id) => !areaSet.has(id)).slice(0, 10),
      };
    }
  }
  return best;
}

/**
 * A census file laid out as a profile (one row per characteristic, one column per area, as
 * municipal profiles are published): the area names it has as columns.
 */
export function profileColumns(areas: FileInspection, areaName: string, census: FileInspection): string[] {
  const names = new Set((areas.values.get(areaName) ?? []).map((n) => n.trim().toLowerCase()));
  return census.fields.map((f) => f.path).filter((p) => names.has(p.trim().toLowerCase()));
}

/** `[west, south, east, north]`. */
export type Extent = readonly [number, number, number, number];

function inside(extent: Extent, x: number, y: number, margin: number): boolean {
  return x >= extent[0] - margin && x <= extent[2] + margin && y >= extent[1] - margin && y <= extent[3] + margin;
}

/** Whether a point layer's `[x, y]` are `[lon, lat]` (as GeoJSON requires) or swapped. */
export interface CoordinateOrder {
  readonly order: 'lon-lat' | 'lat-lon' | 'unknown';
  readonly why: string;
}

/** Share of points inside the areas' extent (with a margin of about 5 km). */
function shareInside(points: readonly (readonly [number, number])[], extent: Extent): number {
  if (points.length === 0) return 0;
  return points.filter(([x, y]) => inside(extent, x, y, 0.05)).length / points.length;
}

/** Order of GeoJSON point coordinates, by the areas' extent, else by range (latitudes lie within ±90). */
export function pointOrder(
  points: readonly (readonly [number, number])[],
  areasExtent: Extent | undefined,
): CoordinateOrder {
  if (points.length === 0) return { order: 'unknown', why: 'no points' };
  if (areasExtent !== undefined) {
    const asIs = shareInside(points, areasExtent);
    const swapped = shareInside(
      points.map(([x, y]) => [y, x] as const),
      areasExtent,
    );
    const pct = (n: number): string => `${Math.round(n * 100)} %`;
    if (asIs >= 0.5 && asIs >= swapped)
      return { order: 'lon-lat', why: `${pct(asIs)} of the points lie within the areas' extent` };
    if (swapped >= 0.5)
      return {
        order: 'lat-lon',
        why: `${pct(swapped)} of the points lie within the areas' extent only when latitude and longitude are swapped`,
      };
    return {
      order: 'unknown',
      why: `only ${pct(Math.max(asIs, swapped))} of the points lie within the areas' extent, in either order`,
    };
  }
  const ys = points.map(([, y]) => y);
  const xs = points.map(([x]) => x);
  if (ys.every((y) => Math.abs(y) <= 90) && xs.some((x) => Math.abs(x) > 90))
    return { order: 'lon-lat', why: 'the second number is always within ±90 (a latitude)' };
  if (xs.every((x) => Math.abs(x) <= 90) && ys.some((y) => Math.abs(y) > 90))
    return { order: 'lat-lon', why: 'the first number is always within ±90 and the second is not' };
  return { order: 'unknown', why: 'the ranges do not tell latitude from longitude' };
}

/** Number of a coordinate cell (`49.26`, `-123.1`), or NaN. */
function coordinate(v: string): number {
  return /^[-+]?\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN;
}

/** The latitude and longitude columns of a CSV, by name, range and the areas' extent. */
export function csvCoordinates(
  file: FileInspection,
  areasExtent: Extent | undefined,
): { lat: Pick; lon: Pick } | undefined {
  const numeric = file.fields.filter(
    (f) => f.present > 0 && (file.values.get(f.path) ?? []).every((v) => Number.isFinite(coordinate(v))),
  );
  const isLat = (p: string): boolean => /^(?:lat|latitude|y|y_coord|ycoord|lat_wgs84)$/i.test(p.trim());
  const isLon = (p: string): boolean => /^(?:lon|lng|long|longitude|x|x_coord|xcoord|lon_wgs84)$/i.test(p.trim());
  const pairs: { lat: FieldInfo; lon: FieldInfo; score: number; why: string }[] = [];
  for (const a of numeric) {
    for (const b of numeric) {
      if (a === b) continue;
      const ys = (file.values.get(a.path) ?? []).map(coordinate);
      const xs = (file.values.get(b.path) ?? []).map(coordinate);
      if (!ys.every((y) => Math.abs(y) <= 90) || !xs.every((x) => Math.abs(x) <= 180)) continue;
      const n = Math.min(xs.length, ys.length);
      const points = Array.from({ length: n }, (_, i) => [xs[i] as number, ys[i] as number] as const);
      const within = areasExtent === undefined ? 0 : shareInside(points, areasExtent);
      const named = (isLat(a.path) ? 1 : 0) + (isLon(b.path) ? 1 : 0);
      pairs.push({
        lat: a,
        lon: b,
        score: within * 10 + named,
        why:
          areasExtent !== undefined && within > 0
            ? `${Math.round(within * 100)} % of the rows lie within the areas' extent read as (${a.path}, ${b.path}) = (latitude, longitude)`
            : named > 0
              ? 'by the column names and ranges'
              : 'by range only; check it',
      });
    }
  }
  const best = pairs.sort((p, q) => q.score - p.score)[0];
  if (best === undefined || best.score === 0) return undefined;
  return { lat: { path: best.lat.path, why: best.why }, lon: { path: best.lon.path, why: best.why } };
}

/** First field whose path matches, among those most records have. */
function byName(file: FileInspection, pattern: RegExp, why: string): Pick | undefined {
  const f = file.fields.filter((x) => pattern.test(x.path)).sort((a, b) => b.present - a.present)[0];
  return f === undefined ? undefined : { path: f.path, why: `${why}: ${f.present} of ${file.records} records` };
}

/** Guesses for a service layer's fields. */
export interface ServiceFields {
  readonly id?: Pick;
  readonly name?: Pick;
  readonly phone?: Pick;
  readonly website?: Pick;
  readonly email?: Pick;
  /** The street address, or its house number and street parts (OpenStreetMap `addr:*`). */
  readonly street?: Pick;
  readonly houseNumber?: Pick;
  readonly city?: Pick;
  readonly postalCode?: Pick;
  readonly province?: Pick;
}

export function serviceFields(file: FileInspection): ServiceFields {
  const id = idCandidates(file)[0];
  const name = nameField(file);
  const picks: Record<string, Pick | undefined> = {
    id: id === undefined ? undefined : { path: id.path, why: 'unique and non-empty in every record' },
    name,
    phone: byName(file, /(?:^|[."[])(?:phone|telephone|tel|contact:phone)(?:"?\])?$/i, 'named like a phone'),
    website: byName(
      file,
      /(?:^|[."[])(?:website|url|web|site|contact:website|homepage)(?:"?\])?$/i,
      'named like a web address',
    ),
    email: byName(file, /(?:^|[."[])(?:e-?mail|mail|contact:email|courriel)(?:"?\])?$/i, 'named like an email'),
    houseNumber: byName(file, /addr:housenumber|house_?number|civic_?(?:no|number)/i, 'named like a house number'),
    street: byName(
      file,
      /addr:street"|^(?:address|street|adresse|address_?line_?1|addr)$|(?:^|[._])(?:address|street)$/i,
      'named like a street address',
    ),
    city: byName(file, /addr:city|^(?:city|town|municipality|ville)$/i, 'named like a city'),
    postalCode: byName(
      file,
      /addr:postcode|postal_?code|^(?:postcode|postal|zip|code_postal)$/i,
      'named like a postal code',
    ),
    province: byName(file, /addr:province|addr:state|^(?:province|prov|state)$/i, 'named like a province'),
  };
  return Object.fromEntries(Object.entries(picks).filter(([, v]) => v !== undefined)) as ServiceFields;
}

/** The field that sorts records into kinds (for the rule table): in nearly every record, few values. */
export function kindField(file: FileInspection, exclude: readonly string[] = []): FieldInfo | undefined {
  const candidates = file.fields.filter(
    (f) =>
      !exclude.includes(f.path) &&
      !f.numeric &&
      f.present >= file.records * 0.9 &&
      f.distinct >= 2 &&
      f.distinct <= Math.max(2, Math.min(60, file.records / 3)) &&
      f.top.length > 0,
  );
  return candidates.sort((a, b) => b.present - a.present || a.distinct - b.distinct)[0];
}

/**
 * A first category for a kind of record, from words its value holds (OpenStreetMap's
 * `amenity=library`, a municipal "Type" column's "Community Centre"). Only a suggestion: the
 * rule table marks it for the LIP to check.
 */
const SUGGESTIONS: readonly (readonly [RegExp, CategoryId])[] = [
  [/settle|newcomer|immigra|refugee/i, 'settlement'],
  [/language|esl|linc|\bclic\b/i, 'language_training'],
  [/employ|job|career|work ?force/i, 'employment'],
  [/librar/i, 'library'],
  [/communit(?:y|ies)[ _]?cent|recreation|social[ _]cent|arena|pool/i, 'community_recreation'],
  [/pharmac|chemist|drug ?store/i, 'pharmacy'],
  [/laborator|diagnostic|imaging/i, 'health_diagnostic'],
  [/clinic|doctor|dentist|hospital|health|medical|physician|nurs(?:e|ing)[ _]?practi/i, 'health'],
  [/child ?care|day ?care|kindergarten|early ?(?:years|learning|on)|family[ _]cent|preschool/i, 'child_family'],
  [/long[ _-]?term|retirement|nursing[ _]home|assisted/i, 'seniors_residential'],
  [/senior|older adult|elder/i, 'seniors_community_support'],
  [/school|college|universit|education|adult learning/i, 'education'],
  [/housing|shelter|hostel/i, 'housing'],
  [/legal|law|justice/i, 'legal'],
  [/food|meal|pantry/i, 'food'],
];

export function suggestCategory(value: string): CategoryId | undefined {
  return SUGGESTIONS.find(([re]) => re.test(value.replace(/_/g, ' ')))?.[1];
}

/** A map view for an extent: centre, a zoom that shows it, and bounds with a margin. */
export function mapView(extent: Extent): {
  center: [number, number];
  zoom: number;
  bounds: [number, number, number, number];
} {
  const [w, s, e, n] = extent;
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const span = Math.max(e - w, (n - s) * 1.5, 0.01);
  const zoom = Math.max(3, Math.min(15, Math.floor(Math.log2(360 / span))));
  const mx = Math.max((e - w) * 0.1, 0.02);
  const my = Math.max((n - s) * 0.1, 0.02);
  return {
    center: [round((w + e) / 2), round((s + n) / 2)],
    zoom,
    bounds: [round(w - mx), round(s - my), round(e + mx), round(n + my)],
  };
}

/** Province or territory (and its usual time zone) of a point in Canada, from rough boxes; undefined outside. */
const PROVINCES: readonly (readonly [string, string, Extent])[] = [
  ['NL', 'America/St_Johns', [-67.8, 46.6, -52.6, 60.4]],
  ['PE', 'America/Halifax', [-64.5, 45.9, -61.9, 47.1]],
  ['NS', 'America/Halifax', [-66.4, 43.3, -59.6, 47.1]],
  ['NB', 'America/Moncton', [-69.1, 44.6, -63.7, 48.1]],
  ['QC', 'America/Toronto', [-79.8, 45.0, -57.1, 62.6]],
  ['ON', 'America/Toronto', [-95.2, 41.6, -74.3, 56.9]],
  ['MB', 'America/Winnipeg', [-102.1, 49.0, -88.9, 60.0]],
  ['SK', 'America/Regina', [-110.0, 49.0, -101.3, 60.0]],
  ['AB', 'America/Edmonton', [-120.0, 49.0, -110.0, 60.0]],
  ['BC', 'America/Vancouver', [-139.1, 48.2, -114.0, 60.0]],
  ['YT', 'America/Whitehorse', [-141.0, 60.0, -123.8, 69.7]],
  ['NT', 'America/Yellowknife', [-136.5, 60.0, -102.0, 78.8]],
  ['NU', 'America/Iqaluit', [-120.7, 51.6, -61.0, 83.2]],
];

export function provinceAt(lon: number, lat: number): { province: string; timeZone: string } | undefined {
  const hit = PROVINCES.find(([, , box]) => inside(box, lon, lat, 0));
  return hit === undefined ? undefined : { province: hit[0], timeZone: hit[1] };
}

/** A census year written in a file name (`…2016…`, `…_21.csv` is not read), or undefined. */
export function yearIn(name: string): number | undefined {
  const m = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(name);
  return m === null ? undefined : Number(m[1]);
}

/** The census column most likely to hold the total population. */
export function populationColumn(census: FileInspection, exclude: readonly string[] = []): Pick | undefined {
  const numeric = census.fields.filter((f) => f.numeric && !exclude.includes(f.path));
  const named =
    numeric.find((f) =>
      /^(?:pop(?:ulation)?(?:_?total|_?20\d\d)?|total_?pop(?:ulation)?|population|pop)$/i.test(f.path.trim()),
    ) ?? numeric.find((f) => /pop/i.test(f.path));
  if (named !== undefined) return { path: named.path, why: 'named like a population count' };
  // Otherwise the column with the largest counts: the total population is the largest count of a census table.
  const sum = (f: FieldInfo): number =>
    (census.values.get(f.path) ?? []).reduce((n, v) => n + Number(v.replace(/[, ]/g, '')), 0);
  const largest = [...numeric].sort((a, b) => sum(b) - sum(a))[0];
  return largest === undefined
    ? undefined
    : { path: largest.path, why: 'the column with the largest counts; check that it is the total population' };
}

/**
 * Census Profile indicators (src/lib/census/presets.ts, which knows their labels and
 * denominators) and how their columns are usually named.
 */
const INDICATORS: readonly (readonly [RegExp, CensusProfileIndicator])[] = [
  [/private_?h(?:ouse)?h(?:old)?s?_?pop|pop(?:ulation)?_?private|pop_private_hh/i, 'privateHouseholdPopulation'],
  [
    /(?:recent|(?:19|20)\d\d[_-](?:19|20)\d\d).*immigr|immigr.*(?:recent|(?:19|20)\d\d[_-](?:19|20)\d\d)/i,
    'recentImmigrants',
  ],
  [/non_?permanent/i, 'nonPermanentResidents'],
  [/refugee/i, 'refugees'],
  [/not_?canadian|non_?citizen/i, 'notCanadianCitizens'],
  [/visible_?minorit|racialized/i, 'visibleMinority'],
  [/^immigrants?$|immigrants?_?(?:total|count)|^imm(?:_tot)?$/i, 'immigrants'],
  [/neither|no_?en_?fr|kol_neither/i, 'neitherOfficialLanguage'],
  [/french_?only|kol_french/i, 'frenchOnly'],
  [/english_?(?:and_?)?french|kol_english_french/i, 'englishAndFrench'],
  [/official_?lang.*total|kol_total|lang(?:uage)?_?base/i, 'officialLanguageTotal'],
  [/home_?lang.*non_?official/i, 'homeLanguageNonOfficial'],
  [/home_?lang.*total/i, 'homeLanguageTotal'],
];

/** A census column matched to an indicator id the site knows, or left for the LIP to name. */
export interface IndicatorGuess {
  readonly column: string;
  /** The indicator id, when the column's name says which. */
  readonly id?: CensusProfileIndicator;
  /** The indicator its share is of, when the file has it too. */
  readonly denominator?: CensusProfileIndicator;
}

/** Every count column of the census file except the id and population columns, with the indicator it looks like. */
export function indicatorGuesses(census: FileInspection, exclude: readonly string[]): IndicatorGuess[] {
  const taken = new Set<string>();
  const guesses = census.fields
    .filter((f) => f.numeric && !exclude.includes(f.path))
    .map((f): IndicatorGuess => {
      const id = INDICATORS.find(([re, candidate]) => re.test(f.path) && !taken.has(candidate))?.[1];
      if (id === undefined) return { column: f.path };
      taken.add(id);
      const denominator = CENSUS_PROFILE_DENOMINATORS[id];
      return { column: f.path, id, ...(denominator !== null ? { denominator } : {}) };
    });
  // A denominator the file does not have is left out (the share is then not computed).
  return guesses.map((g) =>
    g.denominator !== undefined && !taken.has(g.denominator)
      ? { column: g.column, ...(g.id !== undefined ? { id: g.id } : {}) }
      : g,
  );
}
