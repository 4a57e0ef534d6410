/**
 * The files `npm run new-lip` writes for a LIP: a commented site configuration and a rule-table
 * skeleton, from the inspected files (inspect.ts) and the guesses made on them (guess.ts). What
 * could be read from the files is filled in with a comment saying how; what could not is marked
 * `TODO` with a placeholder that still passes the config's checks, so the data step runs at once
 * and shows what else needs doing. Pure: text in, text out.
 */
import { CATEGORY_IDS } from '../categories.ts';
import {
  csvCoordinates,
  idCandidates,
  indicatorGuesses,
  joinAreasCensus,
  kindField,
  mapView,
  nameField,
  pointOrder,
  populationColumn,
  profileColumns,
  provinceAt,
  serviceFields,
  suggestCategory,
  yearIn,
  type AreaJoin,
  type CoordinateOrder,
  type Extent,
  type IndicatorGuess,
  type Pick,
  type ServiceFields,
} from './guess.ts';
import { describeFile, type FieldInfo, type FileInspection } from './inspect.ts';
import { quoteCsv } from '../csv/write.ts';
import { CENSUS_PROFILE_DENOMINATORS } from '../census/presets.ts';

/** Settings taken from the starter configuration when there is one (else the defaults below). */
/** How a config inside the project imports `defineSiteConfig`, wherever it sits (package.json "imports"). */
export const SITE_CONFIG_IMPORT = '#site-config';

export interface StarterSettings {
  readonly locales?: readonly string[];
  readonly defaultLocale?: string;
}

export interface ScaffoldInput {
  /** The partnership's name as given on the command line. */
  readonly name: string;
  readonly areas: FileInspection;
  readonly census: FileInspection;
  readonly services: readonly FileInspection[];
  /** Each file's path relative to the folder the config is written to (`areas.geojson`, `data/x.csv`). */
  readonly paths: { readonly areas: string; readonly census: string; readonly services: readonly string[] };
  /** Import path of `src/lib/schema/config.ts` from that folder ({@link SITE_CONFIG_IMPORT} inside the project). */
  readonly schemaImport: string;
  /** File name of the rule table, relative to the config folder. */
  readonly rulesFile: string;
  readonly starter?: StarterSettings;
}

/** One service layer as new-lip understood it. */
export interface LayerPlan {
  readonly id: string;
  readonly file: string;
  readonly inspection: FileInspection;
  readonly format: 'geojson' | 'csv' | 'hsds' | 'unsupported';
  readonly fields: ServiceFields;
  readonly coordinates?: { readonly lat: Pick; readonly lon: Pick };
  readonly order?: CoordinateOrder;
  /** Looks like an OpenStreetMap extract (`tags` with `addr:*` keys, or `amenity`). */
  readonly openStreetMap: boolean;
  /** The field the rule table matches on, with its values and counts. */
  readonly kind?: FieldInfo;
}

/** Everything decided about the new configuration; rendered by {@link renderConfig} and {@link renderRules}. */
export interface ScaffoldPlan {
  readonly input: ScaffoldInput;
  readonly areaId?: Pick;
  readonly areaName?: Pick;
  readonly join?: AreaJoin;
  /** Census id column (the joined one, else the first id candidate). */
  readonly censusId?: Pick;
  /** Area names found as census columns: the file is a profile to transpose. */
  readonly profileAreas: readonly string[];
  readonly population?: Pick;
  readonly indicators: readonly IndicatorGuess[];
  readonly year?: number;
  readonly extent?: Extent;
  readonly province?: { province: string; timeZone: string };
  readonly layers: readonly LayerPlan[];
}

/** A short lowercase id from a file name: its first word (`osm-amenities-vancouver.geojson` → `osm`). */
function layerId(file: string, taken: Set<string>): string {
  const base = (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]+$/, '');
  const words = base
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter((w) => w !== '');
  let id = words[0] ?? 'layer';
  for (let i = 1; (id.length < 3 || taken.has(id)) && i < words.length; i += 1) id = `${id}-${words[i]}`;
  for (let n = 2; taken.has(id); n += 1) id = `${words[0] ?? 'layer'}-${n}`;
  taken.add(id);
  return id;
}

/** Where a file keeps OpenStreetMap `addr:*` tags: the path of the object holding them, `true` when top-level, undefined when it has none. */
function osmAddressTags(f: FileInspection): string | true | undefined {
  const street = f.fields.find((x) => /(?:^|\["?)addr:(?:street|housenumber|place)"?\]?$/.test(x.path));
  if (street === undefined) return undefined;
  const at = street.path.lastIndexOf('["addr:');
  return at > 0 ? street.path.slice(0, at) : street.path.startsWith('addr:') ? true : undefined;
}

const isOsm = (f: FileInspection): boolean =>
  f.fields.some((x) => /^tags\[?"?addr:|^tags\./.test(x.path)) &&
  f.fields.some((x) => /^(?:amenity|tags\.amenity|healthcare|tags\.healthcare)$/.test(x.path));

function planLayer(file: FileInspection, path: string, taken: Set<string>, extent: Extent | undefined): LayerPlan {
  const format =
    file.format === 'geojson' || file.format === 'csv' || file.format === 'hsds' ? file.format : 'unsupported';
  const fields = serviceFields(file);
  const coordinates = format === 'csv' ? csvCoordinates(file, extent) : undefined;
  const order = file.points !== undefined ? pointOrder(file.points.sample, extent) : undefined;
  const exclude = [fields.name?.path, fields.id?.path].filter((p): p is string => p !== undefined);
  const kind = format === 'hsds' ? undefined : kindField(file, exclude);
  return {
    id: layerId(path, taken),
    file: path,
    inspection: file,
    format,
    fields,
    ...(coordinates !== undefined ? { coordinates } : {}),
    ...(order !== undefined ? { order } : {}),
    openStreetMap: isOsm(file),
    ...(kind !== undefined ? { kind } : {}),
  };
}

export function planScaffold(input: ScaffoldInput): ScaffoldPlan {
  const { areas, census } = input;
  const join = joinAreasCensus(areas, census);
  const idPick =
    join !== undefined
      ? {
          path: join.areaField,
          why: `unique in every area; ${join.matched} of ${join.areas} areas have a census row with the same value in ${join.censusField}`,
        }
      : idCandidates(areas)[0];
  const areaId: Pick | undefined =
    idPick === undefined
      ? undefined
      : 'why' in idPick
        ? idPick
        : { path: idPick.path, why: 'unique and non-empty in every area' };
  const areaName = nameField(areas, areaId === undefined ? [] : [areaId.path]);
  const censusIdCandidate = idCandidates(census)[0];
  const censusId: Pick | undefined =
    join !== undefined
      ? {
          path: join.censusField,
          why: `its values match the areas' ${join.areaField}: ${join.matched} of ${join.areas} areas have a row`,
        }
      : censusIdCandidate === undefined
        ? undefined
        : { path: censusIdCandidate.path, why: 'unique in every row, but it matches no area id: check it' };
  const exclude = [censusId?.path].filter((p): p is string => p !== undefined);
  const population = populationColumn(census, exclude);
  const indicators = indicatorGuesses(census, [...exclude, ...(population !== undefined ? [population.path] : [])]);
  const extent = areas.polygonExtent ?? areas.points?.extent;
  const centre =
    extent === undefined ? undefined : ([(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2] as const);
  const province = centre === undefined ? undefined : provinceAt(centre[0], centre[1]);
  const taken = new Set<string>();
  const layers = input.services.map((s, i) => planLayer(s, input.paths.services[i] ?? s.file, taken, extent));
  const year = yearIn(input.paths.census);
  return {
    input,
    ...(areaId !== undefined ? { areaId } : {}),
    ...(areaName !== undefined ? { areaName } : {}),
    ...(join !== undefined ? { join } : {}),
    ...(censusId !== undefined ? { censusId } : {}),
    profileAreas: areaName === undefined ? [] : profileColumns(areas, areaName.path, census),
    ...(population !== undefined ? { population } : {}),
    indicators,
    ...(year !== undefined ? { year } : {}),
    ...(extent !== undefined ? { extent } : {}),
    ...(province !== undefined ? { province } : {}),
    layers,
  };
}

/** A single-quoted TypeScript string literal. */
export function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

const TODO = 'TODO';

/** A guess's reason as a sentence. */
const sentence = (why: string): string => `${why.charAt(0).toUpperCase()}${why.slice(1)}.`;

/** `  // text` lines, wrapped at about 100 characters. */
function comment(indent: string, text: string): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent.length + 3 + line.length + 1 + w.length > 100) {
      lines.push(`${indent}// ${line}`);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(`${indent}// ${line}`);
  return lines;
}

function layerLines(layer: LayerPlan, province: string | undefined): string[] {
  const i = '      ';
  const f = layer.fields;
  const out: string[] = ['    {'];
  out.push(
    ...comment(
      i,
      `${layer.file}: ${describeFile(layer.inspection)}.${layer.order !== undefined ? ` Coordinates ${layer.order.order === 'lon-lat' ? 'are [longitude, latitude] as GeoJSON requires' : layer.order.order === 'lat-lon' ? 'look SWAPPED ([latitude, longitude]): fix the file (GeoJSON requires [longitude, latitude])' : 'could not be checked'}: ${layer.order.why}.` : ''}`,
    ),
  );
  if (layer.format === 'unsupported')
    out.push(
      ...comment(
        i,
        `TODO: the portal reads GeoJSON points, CSV with coordinate columns and Open Referral HSDS JSON; convert this ${layer.inspection.format} file to one of them.`,
      ),
    );
  out.push(`${i}id: ${q(layer.id)},`);
  out.push(`${i}file: ${q(layer.file)},`);
  out.push(`${i}format: ${q(layer.format === 'unsupported' ? 'geojson' : layer.format)},`);
  if (layer.inspection.encoding.label !== 'utf-8') {
    out.push(...comment(i, `The file is ${layer.inspection.encoding.note ?? layer.inspection.encoding.label}.`));
    out.push(`${i}encoding: ${q(layer.inspection.encoding.label)},`);
  }
  if (layer.format === 'hsds') {
    out.push(...comment(i, 'Open Referral HSDS: the fields are read by their standard names.'));
  } else {
    const field = (key: string, pick: Pick | undefined, todo: string): void => {
      if (pick === undefined) {
        out.push(...comment(i, `${todo}`));
        out.push(`${i}// ${key}: '…',`);
        return;
      }
      out.push(...comment(i, sentence(pick.why)));
      out.push(`${i}${key}: ${q(pick.path)},`);
    };
    if (f.id !== undefined) field('idField', f.id, '');
    else
      out.push(
        ...comment(
          i,
          "No field is unique and non-empty in every record, so ids are derived (the feature's own id, else its name and point). Name an id field if the file has one: derived ids change when a name or a point does.",
        ),
      );
    if (f.name !== undefined) field('nameField', f.name, '');
    else {
      out.push(...comment(i, `${TODO}: no field looks like a name; name the field holding the service's name.`));
      out.push(`${i}nameField: ${q(`${TODO}: name field`)},`);
    }
    const osmTags = osmAddressTags(layer.inspection);
    if (osmTags !== undefined) {
      const parts = [f.houseNumber, f.street, f.city, f.postalCode]
        .filter((p) => p !== undefined)
        .map((p) => `${p.path} (${p.why.replace(/^named like an? [a-z ]+: /, '')})`);
      out.push(...comment(i, `OpenStreetMap addr:* tags, combined into an address: ${parts.join(', ')}.`));
      out.push(`${i}address: { osm: ${osmTags === true ? 'true' : q(osmTags)} },`);
    } else if (f.street === undefined) {
      out.push(
        ...comment(
          i,
          "No field looks like a street address: service pages will say the address is not given. Name it if the file has one: address: { line1: '…' }.",
        ),
      );
    } else {
      out.push(
        ...comment(
          i,
          `Address: ${[f.street, f.city, f.postalCode, f.province]
            .filter((p) => p !== undefined)
            .map((p) => `${p.path} (${p.why.replace(/^named like an? /, '')})`)
            .join(', ')}.`,
        ),
      );
      const parts = [`line1: ${q(f.street.path)}`];
      if (f.city !== undefined) parts.push(`city: ${q(f.city.path)}`);
      if (f.postalCode !== undefined) parts.push(`postalCode: ${q(f.postalCode.path)}`);
      if (f.province !== undefined) parts.push(`province: ${q(f.province.path)}`);
      out.push(`${i}address: { ${parts.join(', ')} },`);
    }
    if (province !== undefined && (layer.order?.order === 'lon-lat' || layer.coordinates !== undefined)) {
      out.push(
        ...comment(
          i,
          `Records that name no province get this one: the points lie where the areas are, in ${province}.`,
        ),
      );
      out.push(`${i}province: ${q(province)},`);
    }
    if (layer.coordinates !== undefined) {
      out.push(...comment(i, `Coordinates: ${layer.coordinates.lat.why}.`));
      out.push(`${i}latField: ${q(layer.coordinates.lat.path)},`);
      out.push(`${i}lonField: ${q(layer.coordinates.lon.path)},`);
    } else if (layer.format === 'csv') {
      out.push(
        ...comment(i, `${TODO}: no pair of columns looks like latitude and longitude inside the areas; name them.`),
      );
      out.push(`${i}latField: ${q(`${TODO}: latitude column`)},`);
      out.push(`${i}lonField: ${q(`${TODO}: longitude column`)},`);
    }
    if (f.phone !== undefined) field('phoneField', f.phone, '');
    if (f.website !== undefined) field('websiteField', f.website, '');
    if (f.email !== undefined) field('emailField', f.email, '');
  }
  if (layer.openStreetMap) {
    out.push(
      ...comment(i, 'Looks like an OpenStreetMap extract (tags such as addr:street): check the date of the extract.'),
    );
    out.push(`${i}sourceName: 'OpenStreetMap contributors',`);
    out.push(`${i}licence: 'Open Database Licence (ODbL) 1.0',`);
    out.push(`${i}licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',`);
  } else {
    out.push(
      ...comment(i, `${TODO}: who publishes this file, under which licence (shown with every service from it).`),
    );
    out.push(`${i}sourceName: ${q(`${TODO}: publisher`)},`);
    out.push(`${i}licence: ${q(`${TODO}: licence`)},`);
  }
  out.push('    },');
  return out;
}

/** The site configuration file's text. */
export function renderConfig(plan: ScaffoldPlan): string {
  const { input } = plan;
  const locales = input.starter?.locales ?? ['en', 'fr'];
  const defaultLocale = input.starter?.defaultLocale ?? locales[0] ?? 'en';
  const view = plan.extent === undefined ? undefined : mapView(plan.extent);
  const out: string[] = [
    '/**',
    ` * Site configuration of ${input.name.replace(/\*\//g, '* /')}, written by \`npm run new-lip\` from the LIP's own files:`,
    ...[['areas', input.areas], ['census', input.census], ...input.services.map((s) => ['services', s] as const)].map(
      ([role, f]) =>
        ` *   ${String(role).padEnd(8)} ${(f as FileInspection).file}: ${describeFile(f as FileInspection)}`,
    ),
    ' * Replace every TODO. The other values were read from the files (the comment says how): check',
    ' * them too. Field names may be paths into nested properties: tags.phone, tags["addr:street"].',
    ' * Paths are relative to this folder. The fields are explained in src/lib/schema/config.ts and',
    ' * docs/data-pipeline.md.',
    ' */',
    `import { defineSiteConfig } from ${q(input.schemaImport)};`,
    `import { censusProfileIndicators } from ${q(input.schemaImport)};`,
    '',
    'export default defineSiteConfig({',
    ...comment('  ', `${TODO}: the partnership's full name, per language when translated: { en: '…', fr: '…' }.`),
    `  name: ${q(input.name)},`,
    ...comment('  ', `${TODO}: a short name for the header and page titles.`),
    `  shortName: ${q(input.name)},`,
    ...comment(
      '  ',
      `${TODO}: the region served, as a name or heading reads it, per language ({ en: 'City of …', fr: 'Ville de …' }).`,
    ),
    `  region: ${q(`${TODO}: region`)},`,
    ...comment(
      '  ',
      `${TODO}: "in" the region, as a sentence needs it, per language ({ en: 'in the City of …', fr: 'dans la Ville de …' }).`,
    ),
    `  regionIn: ${q(`in ${TODO}: region`)},`,
  ];
  if (plan.province !== undefined) {
    out.push(...comment('  ', 'Where the areas lie; check the province and time zone.'));
    out.push(`  province: ${q(plan.province.province)},`, `  timeZone: ${q(plan.province.timeZone)},`);
  } else {
    out.push(
      ...comment('  ', `${TODO}: province code and time zone (the areas are not in Canada, or could not be read).`),
    );
    out.push(`  province: 'ON',`, `  timeZone: 'America/Toronto',`);
  }
  out.push(
    ...comment('  ', `${TODO}: the address the site will be published at.`),
    `  siteUrl: 'https://example.org',`,
  );
  out.push(`  locales: [${locales.map(q).join(', ')}],`, `  defaultLocale: ${q(defaultLocale)},`);
  if (view !== undefined) {
    out.push(...comment('  ', "From the areas' extent; points outside `bounds` are rejected."));
    out.push(
      `  map: { center: [${view.center.join(', ')}], zoom: ${view.zoom}, bounds: [${view.bounds.join(', ')}] },`,
    );
  } else {
    out.push(
      ...comment(
        '  ',
        `${TODO}: map centre [lon, lat], zoom, and bounds [west, south, east, north] (the areas have no readable extent).`,
      ),
    );
    out.push(`  map: { center: [-79.4, 43.7], zoom: 10, bounds: [-80, 43, -79, 44] },`);
  }
  out.push('  areas: {', `    file: ${q(input.paths.areas)},`);
  out.push(...comment('    ', `${input.areas.file}: ${describeFile(input.areas)}.`));
  if (plan.areaId !== undefined)
    out.push(...comment('    ', sentence(plan.areaId.why)), `    idProperty: ${q(plan.areaId.path)},`);
  else
    out.push(
      ...comment('    ', `${TODO}: no property is unique in every area; name the area id property.`),
      `    idProperty: ${q(`${TODO}: id property`)},`,
    );
  if (plan.areaName !== undefined)
    out.push(...comment('    ', sentence(plan.areaName.why)), `    nameProperty: ${q(plan.areaName.path)},`);
  else
    out.push(
      ...comment('    ', `${TODO}: name the property holding the area's name.`),
      `    nameProperty: ${q(`${TODO}: name property`)},`,
    );
  out.push(
    ...comment('    ', `${TODO}: publisher, licence and year of the boundaries (shown with the downloads).`),
    `    // sourceName: '…', licence: '…', licenceUrl: 'https://…', dataDate: '…',`,
    '  },',
  );

  out.push('  census: {', `    file: ${q(input.paths.census)},`);
  out.push(...comment('    ', `${input.census.file}: ${describeFile(input.census)}.`));
  if (plan.profileAreas.length > 0) {
    out.push(
      ...comment(
        '    ',
        `${TODO}: this file has one column per area (${plan.profileAreas.slice(0, 3).join(', ')}…): a census profile. The site needs one row per area with one column per count: make that table from the rows you need and point \`file\` at it.`,
      ),
    );
  }
  if (input.census.encoding.label !== 'utf-8')
    out.push(
      ...comment('    ', `The file is ${input.census.encoding.note ?? input.census.encoding.label}.`),
      `    encoding: ${q(input.census.encoding.label)},`,
    );
  if (plan.censusId !== undefined)
    out.push(...comment('    ', sentence(plan.censusId.why)), `    idColumn: ${q(plan.censusId.path)},`);
  else
    out.push(
      ...comment('    ', `${TODO}: the column holding the area id.`),
      `    idColumn: ${q(`${TODO}: id column`)},`,
    );
  out.push(
    ...comment(
      '    ',
      plan.year !== undefined
        ? `${TODO}: check the census year (read from the file name).`
        : `${TODO}: the census year.`,
    ),
    `    year: ${plan.year ?? 2021},`,
  );
  out.push(
    ...comment('    ', `${TODO}: the source line shown under every census figure, and the licence.`),
    `    sourceName: ${q(`${TODO}: census source`)},`,
    `    // licence: '…', licenceUrl: 'https://…',`,
  );
  // Census Profile counts go through the preset (labels and denominators known); a count whose
  // denominator the file lacks is a plain spec, so the config check does not ask for it.
  const named = plan.indicators.flatMap((g) => (g.id === undefined ? [] : [{ ...g, id: g.id }]));
  const preset = named.filter((g) => CENSUS_PROFILE_DENOMINATORS[g.id] === null || g.denominator !== undefined);
  const countsOnly = named.filter((g) => !preset.includes(g));
  const unnamed = plan.indicators.filter((g) => g.id === undefined);
  out.push('    indicators: {', '      ...censusProfileIndicators({');
  if (plan.population !== undefined)
    out.push(...comment('        ', sentence(plan.population.why)), `        population: ${q(plan.population.path)},`);
  else
    out.push(
      ...comment('        ', `${TODO}: the column with the total population (required).`),
      `        population: ${q(`${TODO}: population column`)},`,
    );
  if (preset.length > 0) out.push(...comment('        ', 'Named after the column names: check each.'));
  for (const g of preset) out.push(`        ${g.id}: ${q(g.column)},`);
  out.push('      }),');
  for (const g of countsOnly)
    out.push(
      ...comment(
        '      ',
        `Named after the column name: check it. The file has no ${CENSUS_PROFILE_DENOMINATORS[g.id] ?? ''} column, so this is a count without its share.`,
      ),
      `      ${g.id}: { column: ${q(g.column)}, label: ${q(`indicator.${g.id}`)} },`,
    );
  if (unnamed.length > 0) {
    out.push(
      ...comment(
        '      ',
        'Other count columns: give the ones to publish an id and a label (labels are UI strings, `indicator.<id>` in src/i18n/strings).',
      ),
    );
    for (const g of unnamed) out.push(`      // someId: { column: ${q(g.column)}, label: 'indicator.someId' },`);
  }
  out.push('    },', '  },');
  out.push(
    ...comment(
      '  ',
      `The rule table says which records are which category: see ${input.rulesFile} and docs/data-pipeline.md.`,
    ),
    `  rules: { file: ${q(input.rulesFile)}, includeOptional: true },`,
  );
  out.push('  serviceLayers: [');
  for (const layer of plan.layers) out.push(...layerLines(layer, plan.province?.province));
  out.push('  ],');
  out.push(
    ...comment(
      '  ',
      `${TODO}: the region's outline (a GeoJSON polygon drawn on maps); the areas stand in until you have one.`,
    ),
    `  boundary: ${q(input.paths.areas)},`,
  );
  out.push(...comment('  ', `${TODO}: the LIP's public contact address.`), `  contactEmail: 'lip@example.org',`);
  const osm = plan.layers.some((l) => l.openStreetMap);
  out.push(...comment('  ', `${TODO}: the attribution lines your data licences require (footer and data page).`));
  out.push(
    `  attributions: [${[...(osm ? ["'© OpenStreetMap contributors'"] : []), q(`${TODO}: attribution required by the licences of the areas and census`)].join(', ')}],`,
  );
  out.push('});', '');
  return out.join('\n');
}

/** The kind field's values with their counts, spellings that differ only in case taken together (rules ignore case). */
function kindValues(layer: LayerPlan): [string, number][] {
  const byKey = new Map<string, [string, number]>();
  for (const [value, count] of layer.kind?.top ?? []) {
    const key = value.trim().toLowerCase();
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, [value, count]);
    else seen[1] += count;
  }
  return [...byKey.values()].sort((a, b) => b[1] - a[1]);
}

/** The rule-table skeleton: one row per kind of record, with a first category where the kind's name suggests one. */
export function renderRules(plan: ScaffoldPlan): string {
  const rows = ['layer_file,match_field,match_type,match_value,category,subcategory,include_by_default,notes'];
  for (const layer of plan.layers) {
    if (layer.kind === undefined) {
      // No field sorts the records: one rule gives every record the first category, for the LIP to change.
      rows.push(
        [
          layer.file,
          '*',
          'all',
          '',
          CATEGORY_IDS[0] ?? 'settlement',
          '',
          'yes',
          `${TODO}: every record of this file gets this category; change it, or add rules per kind of record`,
        ]
          .map(quoteCsv)
          .join(','),
      );
      continue;
    }
    for (const [value, count] of kindValues(layer)) {
      const category = suggestCategory(value);
      if (category === undefined) continue;
      rows.push(
        [
          layer.file,
          layer.kind.path,
          'equals',
          value,
          category,
          '',
          'yes',
          `${count} record${count === 1 ? '' : 's'}; category suggested by new-lip from the value: check it`,
        ]
          .map(quoteCsv)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** Kinds of records (values of the layer's kind field) the rule table gives no category: they are left out until a rule names one. */
export function kindsWithoutRule(plan: ScaffoldPlan): { layer: LayerPlan; values: (readonly [string, number])[] }[] {
  return plan.layers
    .filter((l) => l.kind !== undefined)
    .map((layer) => ({ layer, values: kindValues(layer).filter(([v]) => suggestCategory(v) === undefined) }))
    .filter((x) => x.values.length > 0);
}
