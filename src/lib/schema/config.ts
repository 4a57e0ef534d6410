import { z } from 'zod';
import { headerSafeUrl, latitude, localizedText, longitude, originUrl, webUrl, type LocalizedText } from './common.ts';
import { gapsConfigSchema } from './gaps.ts';
import { REFERRAL_KINDS } from '../finder/needs.ts';
import { parseFieldPath } from '../ingest/field-path.ts';

/*
 * The site configuration: everything a Local Immigration Partnership changes to run the portal
 * for its own community. Its `site.config.ts` (e.g. `demo/toronto/site.config.ts`) calls `defineSiteConfig({...})`; the data
 * pipeline validates it again and stops with the failing field's path when it is wrong.
 * File paths are relative to the folder holding the config file.
 */

/** A relative path inside the config folder; absolute paths would not survive a clone. */
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p), 'must be a path relative to the config folder')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'must not leave the config folder (no "..")');

/** Character encoding of a text file, when it is not UTF-8 (e.g. `windows-1252` from Excel "CSV"). */
const encoding = z
  .string()
  .min(1)
  .refine((label) => {
    try {
      new TextDecoder(label);
      return true;
    } catch {
      return false;
    }
  }, 'not an encoding this system can decode (e.g. "utf-8", "windows-1252", "iso-8859-1", "utf-16le")');

/** CSV delimiter, when it should not be detected from the header line. */
const delimiter = z.enum([',', ';', '\t', '|']);

/**
 * How numbers are written in a file: `1,234.5` (default: "," groups thousands, "." is the
 * decimal point), `1 234,5` (French: spaces group thousands, "," is the decimal comma) or
 * `1.234,5` ("." groups thousands, as in many European exports).
 */
export const numberFormatSchema = z.enum(['1,234.5', '1 234,5', '1.234,5']);
export type NumberFormat = z.infer<typeof numberFormatSchema>;

/** A locale code as the registry writes it (`en`, `zh-Hans`): it becomes the first segment of every address. */
const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a locale code such as "en" or "zh-Hans"');

/** A short lowercase id usable in URLs and service ids. */
const shortId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and "-"');

/** A text that may be given per locale (defined in common.ts, shared with the gaps schema). */
export { localizedText, type LocalizedText };

/**
 * A field of a record: a CSV column or a property, possibly nested (`tags.phone`,
 * `tags["addr:street"]`, `a.b[0]`; syntax in src/lib/ingest/field-path.ts).
 */
const fieldPath = z
  .string()
  .min(1)
  .superRefine((source, ctx) => checkFieldPath(source, ctx));

function checkFieldPath(source: string, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  const parsed = parseFieldPath(source);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', path, message: parsed.reason });
}

/** Where a source column/property is found, or several alternatives tried in order. */
const fieldRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).superRefine((ref, ctx) => {
  if (typeof ref === 'string') checkFieldPath(ref, ctx);
  else ref.forEach((source, i) => checkFieldPath(source, ctx, [i]));
});

const boundsSchema = z
  .tuple([longitude, latitude, longitude, latitude])
  .refine(
    ([w, s, e, n]) => w < e && s < n,
    'bounds must be [west, south, east, north] with west < east and south < north',
  );

export const indicatorIdSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'indicator ids are camelCase');

export const indicatorSpecSchema = z.object({
  /** Column of the indicators CSV holding the count. */
  column: z.string().min(1),
  /** Indicator whose count is the denominator of this one's share (e.g. immigrants ÷ privateHouseholdPopulation). */
  denominator: indicatorIdSchema.optional(),
  /** i18n key of the indicator's label, e.g. `indicator.recentImmigrants`. */
  label: z.string().min(1),
});
export type IndicatorSpec = z.infer<typeof indicatorSpecSchema>;

export const attributeSpecSchema = z.object({
  /** Key under `service.attributes`, camelCase; labels come from i18n `attribute.<key>`. */
  key: indicatorIdSchema,
  /** Source field. */
  field: fieldPath,
  /** How to read it: `boolean` accepts Y/N, yes/no, true/false, 1/0. */
  type: z.enum(['string', 'number', 'boolean']).default('string'),
});

export const serviceLayerSchema = z.object({
  /** Short id, prefix of every service id from this layer (`tpl` → `tpl-ab`). */
  id: shortId,
  /** Data file, relative to the config folder; also the `layer_file` key of the rule table. */
  file: relativePath,
  /** `geojson` (Point features), `csv` (lat/lon columns) or `hsds` (Open Referral HSDS 3.0 JSON). */
  format: z.enum(['geojson', 'csv', 'hsds']),
  /** Encoding of the file when it is not UTF-8, e.g. `windows-1252`; undeclared files must be valid UTF-8. */
  encoding: encoding.optional(),
  /** CSV only: the delimiter (`,` `;` `\t` `|`); detected from the header line when absent. */
  delimiter: delimiter.optional(),
  /** How numbers (capacity, number attributes) are written; default `1,234.5`. */
  numberFormat: numberFormatSchema.optional(),
  /**
   * Field(s) whose value(s) form the record id; several are joined, e.g. when ids repeat across
   * types. Absent: the id is derived (the GeoJSON feature's own `id`, such as OpenStreetMap's
   * `node/123`, else the name and the point rounded to 4 decimals; docs/data-pipeline.md).
   */
  idField: fieldRef.optional(),
  /** Field with the service name (first non-empty of a list). */
  nameField: fieldRef.optional(),
  /** Field with an alternate name (e.g. the French name). */
  alternateNameField: fieldRef.optional(),
  /** Field with a description. */
  descriptionField: fieldRef.optional(),
  /** Field with the organisation name. */
  organizationField: fieldRef.optional(),
  /**
   * Address fields; absent, or absent in a record: the service is published and its page says the
   * address is not given. A field named here takes precedence over `osm`.
   */
  address: z
    .object({
      /**
       * OpenStreetMap `addr:*` tags combined into an address (`addr:housenumber` + `addr:street`
       * or `addr:place`, `addr:unit`, `addr:city`, `addr:postcode`, `addr:province`): the field
       * path of the object holding the tags (`'tags'`), or `true` when they are top-level properties.
       */
      osm: z.union([z.literal(true), fieldPath]).optional(),
      /** Street address field. */
      line1: fieldRef.optional(),
      /** Second line field. */
      line2: fieldRef.optional(),
      /** City field. */
      city: fieldRef.optional(),
      /** Postal code field. */
      postalCode: fieldRef.optional(),
      /** Province field. */
      province: fieldRef.optional(),
    })
    .optional(),
  /** City to record when the layer has no city field but is known to lie in one city (e.g. clipped to it). */
  city: z.string().min(1).optional(),
  /** Province code to record when the layer has no province field, e.g. `ON`. */
  province: z.string().length(2).optional(),
  /** Phone field. */
  phoneField: fieldRef.optional(),
  /** Website field (`www.x.ca` is completed to `https://www.x.ca` with a warning). */
  websiteField: fieldRef.optional(),
  /** Email field. */
  emailField: fieldRef.optional(),
  /** Languages field for CSV/GeoJSON: ISO 639 codes separated by `;`, `,` or `|`. */
  languagesField: fieldRef.optional(),
  /** Audiences field for CSV/GeoJSON: audience ids separated by `;`, `,` or `|`. */
  audiencesField: fieldRef.optional(),
  /** Latitude column (CSV only). */
  latField: fieldPath.optional(),
  /** Longitude column (CSV only). */
  lonField: fieldPath.optional(),
  /** Numeric field giving capacity for access analysis (e.g. `TOTSPACE`, licensed child-care spaces). */
  capacityField: fieldPath.optional(),
  /** Date field of the record's last change (`YYYYMMDD…` or ISO), becomes `lastModified`. */
  lastModifiedField: fieldPath.optional(),
  /** Marks records as French-language services (francophone, French among their languages) when `field` holds one of `values`. */
  francophoneWhen: z.object({ field: fieldPath, values: z.array(z.string().min(1)).min(1) }).optional(),
  /** Extra source facts copied into `service.attributes`. */
  attributes: z.array(attributeSpecSchema).default([]),
  /** Publisher, shown in the attribution line. */
  sourceName: z.string().min(1),
  /** Licence name. */
  licence: z.string().min(1),
  /** Link to the licence. */
  licenceUrl: webUrl.optional(),
  /** Date or year of the extract, e.g. `2022-05-03`. */
  dataDate: z.string().min(1).optional(),
});
export type ServiceLayerConfig = z.infer<typeof serviceLayerSchema>;

/** Where the browser editor (`/admin/`) saves: the LIP's Git repository (docs/editing.md). */
export const cmsSettingsSchema = z.object({
  /** The Git host: GitHub, GitLab or Gitea/Forgejo. */
  host: z.enum(['github', 'gitlab', 'gitea']).default('github'),
  /** `owner/name` of the LIP's repository. */
  repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected "owner/name"'),
  /** Branch the editor commits to. */
  branch: z
    .string()
    .regex(/^[A-Za-z0-9_./-]+$/, 'a branch name')
    .default('main'),
  /** The sign-in helper's address (GitHub needs a small OAuth worker the LIP runs). */
  authUrl: webUrl.optional(),
  /** API root of a self-hosted GitLab or Gitea. */
  apiRoot: webUrl.optional(),
});
export type CmsSettings = z.infer<typeof cmsSettingsSchema>;

export const siteConfigSchema = z
  .object({
    /** Full name of the partnership, per locale when translated. */
    name: localizedText,
    /** Short name for the header and `<title>`, e.g. `Toronto LIP`. */
    shortName: localizedText,
    /** Region served, as a name or heading reads it, e.g. `City of Toronto`, `{ fr: 'Ville de Toronto' }`. */
    region: localizedText,
    /**
     * The region with "in", as a sentence needs it in each language, with the language's own
     * preposition and article: `{ en: 'in the City of Toronto', fr: 'dans la Ville de Toronto',
     * ta: 'டொராண்டோ நகரத்தில்' }`. The site's sentences add nothing to it ("settle {{regionIn}}").
     */
    regionIn: z.union([z.string().min(1), z.record(z.string(), z.string().min(1))], {
      error: (issue) =>
        issue.input === undefined
          ? 'missing: how "in <region>" reads in a sentence, per locale, e.g. { en: "in the City of Toronto", fr: "dans la Ville de Toronto" }'
          : 'a text, or one per locale ({ en: …, fr: … })',
    }),
    /** Two-letter province or territory code. */
    province: z.enum(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']),
    /** IANA time zone used for "open now" and event times. */
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'not a known IANA time zone'),
    /** Public URL of the deployed site (canonical links, sitemap, the origin email images come from). */
    siteUrl: headerSafeUrl,
    /** Locale codes the site publishes, e.g. `['en', 'fr']`. */
    locales: z.array(localeCode).min(1),
    /** Locale served at `/` and used when a translation is missing; must be in `locales`. */
    defaultLocale: localeCode,
    /** Folder of the site's Markdown (`<collection>/<locale>/<slug>.md`: pages, fact sheets, e-updates …), relative to the config's folder. */
    content: relativePath.default('content'),
    /** Initial map view; `bounds` doubles as the region check for coordinates. */
    map: z.object({
      /** Map centre `[lon, lat]`. */
      center: z.tuple([longitude, latitude]),
      /** Initial zoom level. */
      zoom: z.number().min(0).max(22),
      /** Region bounds `[west, south, east, north]`; services outside are rejected. */
      bounds: boundsSchema,
    }),
    /** Census areas (neighbourhoods) used for the gap analysis and area pages. */
    areas: z.object({
      /** Accurate polygons used to assign services to areas. */
      file: relativePath,
      /** Lighter polygons (same ids) published on the web; defaults to `file`. */
      displayFile: relativePath.optional(),
      /** Property holding the area id (numbers are turned into strings). */
      idProperty: fieldPath,
      /** Property holding the area name. */
      nameProperty: fieldPath,
      /** Property holding a local classification (e.g. Toronto's NIA designation). */
      classificationProperty: fieldPath.optional(),
      /** Label of each classification value, per locale when translated (`{ NIA: { en: 'Neighbourhood Improvement Area', fr: … } }`); a value without one is shown as written. */
      classificationLabels: z.record(z.string().min(1), localizedText).optional(),
      /** Publisher of the boundaries, shown with the area downloads. */
      sourceName: z.string().min(1).optional(),
      /** Licence of the boundaries, shown with the area downloads. */
      licence: z.string().min(1).optional(),
      /** Link to that licence. */
      licenceUrl: webUrl.optional(),
      /** Date or year of the boundaries, e.g. `2021`. */
      dataDate: z.string().min(1).optional(),
    }),
    /** Census indicators per area, joined to the areas by id (never by name). */
    census: z.object({
      /** Indicators CSV, one row per area. */
      file: relativePath,
      /** Encoding of the CSV when it is not UTF-8, e.g. `windows-1252`. */
      encoding: encoding.optional(),
      /** The delimiter; detected from the header line when absent. */
      delimiter: delimiter.optional(),
      /** How counts are written; default `1,234.5` (so `1.200` is refused, not read as 1.2). */
      numberFormat: numberFormatSchema.optional(),
      /** Column holding the area id. */
      idColumn: z.string().min(1),
      /** Census year, shown with every figure. */
      year: z.number().int().min(1900).max(2100),
      /** Source line shown under census figures. */
      sourceName: z.string().min(1),
      /** Licence of the indicators, shown with the area and gap downloads. */
      licence: z.string().min(1).optional(),
      /** Link to that licence. */
      licenceUrl: webUrl.optional(),
      /** Indicators by id; `population` is required. */
      indicators: z
        .record(indicatorIdSchema, indicatorSpecSchema)
        .refine((r) => 'population' in r, 'an indicator with id "population" is required'),
      /**
       * City-level figures for two census years (`indicator,year,value,definition`, e.g. Toronto's
       * `data/census/city_totals_2016_2021.csv`), read by the dashboard and the city fact sheet
       * for change over time; absent: those sections are left out with a note.
       */
      cityTotals: relativePath.optional(),
      /** Column pairs giving the top home languages of each area, most spoken first. */
      homeLanguages: z.array(z.object({ name: z.string().min(1), count: z.string().min(1) })).default([]),
    }),
    /** Rule table mapping source records to categories. */
    rules: z.object({
      /** CSV in `service_category_mapping.csv` format. */
      file: relativePath,
      /** Encoding of the CSV when it is not UTF-8, e.g. `windows-1252`. */
      encoding: encoding.optional(),
      /** The delimiter; detected from the header line when absent. */
      delimiter: delimiter.optional(),
      /** Whether rules marked `optional` add their category (false: they are ignored). */
      includeOptional: z.boolean().default(true),
    }),
    /** Service layers, in priority order: when records merge, the earlier layer's record wins. */
    serviceLayers: z.array(serviceLayerSchema).min(1),
    /**
     * Merging the same place, per pair of layers (a layer with itself too), where the default
     * (30 m and equal names, docs/data-pipeline.md) is not right for the data.
     */
    merge: z
      .array(
        z.object({
          /** The two layer ids (the same id twice: records of one layer). */
          layers: z.tuple([shortId, shortId]),
          /** Greatest distance between the two points, in metres (default 30). */
          distance: z.number().positive().max(500).default(30),
          /**
           * How the names must agree: `equal` (default: the same normalised name), `address`
           * (any names when the street addresses are the same), `any` (any names: one place listed
           * under two names, e.g. in English and in French).
           */
          names: z.enum(['equal', 'address', 'any']).default('equal'),
        }),
      )
      .default([]),
    /** Region outline drawn on maps (GeoJSON Polygon/MultiPolygon). */
    boundary: relativePath,
    /**
     * Postal areas (forward sortation areas) as polygons, where the finder places a visitor's
     * postal code (a point inside the polygon); absent: at the middle of the services listed
     * with the same first three characters.
     */
    postalAreas: z
      .object({
        /** GeoJSON FeatureCollection of Polygon/MultiPolygon features. */
        file: relativePath,
        /** Property holding the three-character code, e.g. `M5V`. */
        codeProperty: fieldPath,
        /** Publisher of the boundaries, shown on the data page. */
        sourceName: z.string().min(1),
        /** Licence of the boundaries. */
        licence: z.string().min(1),
        /** Link to that licence. */
        licenceUrl: webUrl.optional(),
        /** Year of the boundaries, e.g. `2016`. */
        dataDate: z.string().min(1).optional(),
      })
      .optional(),
    /**
     * Background map; `null` (default) draws only the site's own data. Either a self-hosted
     * vector basemap (a PMTiles file on the site's own origin: no third-party request) or a
     * MapLibre style URL of a tile service (whose origins join the Content-Security-Policy).
     */
    basemap: z
      .union([
        z
          .object({
            /**
             * Path of a PMTiles file in the Protomaps basemap schema, under the site's own origin
             * (e.g. `/basemap/toronto.pmtiles`, a file in `public/basemap/`). The host must answer
             * HTTP range requests (static hosts and `npm run preview` do).
             */
            pmtiles: z
              .string()
              .regex(
                /^\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.pmtiles$/,
                'must be a path under the site origin ending in .pmtiles, e.g. /basemap/toronto.pmtiles (no host, no "..")',
              ),
            /** Colour scheme of `@protomaps/basemaps`. */
            flavor: z.enum(['light', 'white', 'grayscale', 'dark', 'black']).default('light'),
            /** Attribution the basemap's licence requires (OpenStreetMap data: "© OpenStreetMap contributors"). */
            attribution: z.string().min(1),
          })
          .strict(),
        z
          .object({
            /** MapLibre style URL (its origin goes into the Content-Security-Policy). */
            styleUrl: headerSafeUrl,
            /** Attribution the basemap's licence requires. */
            attribution: z.string().min(1),
            /** Other origins the style loads tiles, glyphs or sprites from (added to the Content-Security-Policy). */
            origins: z.array(originUrl).default([]),
          })
          .strict(),
      ])
      .nullable()
      .default(null),
    /**
     * Referral lines for when the data has no answer (the finder finds nothing for a need, a
     * service lists no phone): the province's or region's own services, e.g. 2-1-1, Health811.
     */
    referrals: z
      .array(
        z.object({
          /** What it helps with: `community` (information and referral), `health` (nurse advice line), `emergency`. */
          kind: z.enum(REFERRAL_KINDS),
          /** Name as people know it, e.g. `211 Ontario`. */
          name: z.string().min(1),
          /** Number to dial, as written, e.g. `2-1-1`. */
          phone: z.string().min(1),
          /** Web page. */
          url: webUrl.optional(),
        }),
      )
      .default([]),
    /** Records whose "last verified" date is older than this many days are flagged as stale. */
    staleAfterDays: z.number().int().positive().default(365),
    /** A postal code of the region, the finder's example (`M5V 3L9`: "or just M5V"); absent: the hint names none. */
    postalCodeExample: z
      .string()
      .regex(/^[A-Z]\d[A-Z] \d[A-Z]\d$/, 'a Canadian postal code written "A1A 1A1" (capitals, one space)')
      .optional(),
    /** Public contact email of the LIP. */
    contactEmail: z.email(),
    /** Form where visitors report corrections; absent: the contact email is used. */
    correctionsUrl: webUrl.optional(),
    /** Newsletter sign-up endpoint (form action; its origin goes into the policy's `form-action`); absent: no sign-up form. */
    newsletterUrl: headerSafeUrl.optional(),
    /** Attribution lines required by the data licences, shown in the footer and data pages. */
    attributions: z.array(localizedText).min(1),
    /** The Git repository the browser editor (`/admin/`) saves to; absent: only its local-folder mode (docs/editing.md). */
    cms: cmsSettingsSchema.optional(),
    /** Service-gap analysis per category (demand indicator, method, catchment); absent: the gaps page says none is configured. */
    gaps: gapsConfigSchema.optional(),
  })
  .superRefine((cfg, ctx) => {
    if (!cfg.locales.includes(cfg.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: `"${cfg.defaultLocale}" is not in locales` });
    }
    // A language with its own region name needs its own "in" form: a fallback would put another
    // language's preposition into the sentence.
    if (typeof cfg.region !== 'string') {
      for (const locale of cfg.locales) {
        if (
          cfg.region[locale] !== undefined &&
          (typeof cfg.regionIn === 'string' || cfg.regionIn[locale] === undefined)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['regionIn', locale],
            message: `region has a ${locale} name but regionIn has no ${locale} form; write how "in ${cfg.region[locale]}" reads in ${locale}`,
          });
        }
      }
    }
    if (new Set(cfg.locales).size !== cfg.locales.length) {
      ctx.addIssue({ code: 'custom', path: ['locales'], message: 'locales repeat' });
    }
    const [w, s, e, n] = cfg.map.bounds;
    const [lon, lat] = cfg.map.center;
    if (lon < w || lon > e || lat < s || lat > n) {
      ctx.addIssue({ code: 'custom', path: ['map', 'center'], message: 'center lies outside map.bounds' });
    }
    const ids = new Set<string>();
    cfg.serviceLayers.forEach((layer, i) => {
      if (ids.has(layer.id)) {
        ctx.addIssue({ code: 'custom', path: ['serviceLayers', i, 'id'], message: `layer id "${layer.id}" repeats` });
      }
      ids.add(layer.id);
      if (layer.format === 'csv' && (!layer.latField || !layer.lonField)) {
        ctx.addIssue({
          code: 'custom',
          path: ['serviceLayers', i, 'latField'],
          message: 'CSV layers need latField and lonField',
        });
      }
      if (layer.format !== 'hsds' && layer.nameField === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['serviceLayers', i, 'nameField'],
          message: `${layer.format} layers need nameField`,
        });
      }
    });
    const pairs = new Set<string>();
    cfg.merge.forEach((rule, i) => {
      rule.layers.forEach((id, k) => {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['merge', i, 'layers', k],
            message: `no service layer has the id "${id}"`,
          });
      });
      const key = [...rule.layers].sort().join(' ');
      if (pairs.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['merge', i, 'layers'],
          message: `the pair "${rule.layers.join('", "')}" has a merge rule already`,
        });
      pairs.add(key);
    });
    for (const [id, spec] of Object.entries(cfg.census.indicators)) {
      if (spec.denominator !== undefined && !(spec.denominator in cfg.census.indicators)) {
        ctx.addIssue({
          code: 'custom',
          path: ['census', 'indicators', id, 'denominator'],
          message: `unknown indicator "${spec.denominator}"`,
        });
      }
    }
  });

/** The validated site configuration (defaults applied). */
export type SiteConfig = z.infer<typeof siteConfigSchema>;
/** What a LIP writes in its `site.config.ts` (defaults may be left out). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;

/**
 * Identity helper for a `site.config.ts`: gives editors type checking and completion.
 * Validation happens in the pipeline (`loadSiteConfig`), so a broken config is reported with
 * every failing field at once instead of throwing at import time.
 */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

/** Census Profile indicators by column name, for a config's `census.indicators` (src/lib/census/presets.ts). */
export { censusProfileIndicators } from '../census/presets.ts';

/** Text for a locale from a {@link LocalizedText}, falling back to the default locale, then any. */
export function localize(text: LocalizedText, locale: string, defaultLocale: string): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '';
}
