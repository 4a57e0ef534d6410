import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId } from '../categories.ts';
import { AUDIENCE_IDS, type AudienceId } from '../audiences.ts';
import { isoDate, latitude, longitude, webUrl } from './common.ts';

/*
 * A service record, aligned with Open Referral HSDS 3.0 (service + location + phone + schedule +
 * language + cost_option), flattened for a static site. Rule for every optional field: ABSENT
 * means the source data does not say. Importers never fill a default in its place, and pages
 * show "not known" rather than guessing.
 */

/** Day codes as in iCalendar RRULE BYDAY and HSDS `schedule.byday`. */
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type DayCode = (typeof DAY_CODES)[number];

/** `HH:MM`, 00:00 to 24:00 (24:00 only as a closing time). */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00 to 24:00)');

export const categoryIdSchema = z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]]);
export const audienceIdSchema = z.enum(AUDIENCE_IDS as [AudienceId, ...AudienceId[]]);

export const addressSchema = z.object({
  /** Street address as published (number, street, unit); shown first. Absent: the source does not give it. */
  line1: z.string().min(1).optional(),
  /** Second address line (suite, building), when the source gives one. */
  line2: z.string().min(1).optional(),
  /** Municipality, when the source gives it or the layer is known to lie in one city. */
  city: z.string().min(1).optional(),
  /** Two-letter province code, e.g. `ON`. */
  province: z.string().length(2).optional(),
  /** Canadian postal code normalised to `A1A 1A1`. */
  postalCode: z
    .string()
    .regex(/^[A-Z]\d[A-Z] \d[A-Z]\d$/)
    .optional(),
  /** ISO 3166-1 country code; always Canada. */
  country: z.literal('CA'),
});
export type Address = z.infer<typeof addressSchema>;

export const locationSchema = z.object({
  /** Stable location id (the service id for single-site layers, HSDS `location.id` otherwise). */
  id: z.string().min(1),
  /** Site name when it differs from the service name (e.g. a campus or branch). */
  name: z.string().min(1).optional(),
  /** Postal address of the site. */
  address: addressSchema,
  /** Longitude, WGS84. */
  lon: longitude,
  /** Latitude, WGS84. */
  lat: latitude,
  /** Id of the census area containing the point; null when it lies outside every area. */
  areaId: z.string().min(1).nullable(),
});
export type ServiceLocation = z.infer<typeof locationSchema>;

export const scheduleSchema = z.object({
  /** Days this opening applies to; empty is not allowed (use `description` for irregular hours). */
  byDay: z.array(z.enum(DAY_CODES)).min(1),
  /** Opening time `HH:MM`; `00:00` with `closesAt` `24:00` means open 24 hours. */
  opensAt: clockTime,
  /** Closing time `HH:MM`; earlier than `opensAt` means it closes after midnight (overnight). */
  closesAt: clockTime,
  /** First day the schedule applies (inclusive), when it is seasonal. */
  validFrom: isoDate.optional(),
  /** Last day the schedule applies (inclusive). */
  validTo: isoDate.optional(),
  /** Free-text note from the source, e.g. "closed on statutory holidays". */
  description: z.string().min(1).optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const phoneSchema = z.object({
  /** Number as dialled, normalised to `416-555-0100` when it is a North American number. */
  number: z.string().min(3),
  /** HSDS phone type: `voice`, `fax`, `text`, `cell`, `video`, `pager`, `textphone`. */
  type: z.string().min(1).optional(),
});
export type Phone = z.infer<typeof phoneSchema>;

export const sourceSchema = z.object({
  /** Id of the service layer in the site config (also the service-id prefix). */
  layer: z.string().min(1),
  /** Data file the record came from, relative to the config folder. */
  file: z.string().min(1),
  /** The record's id in that file, as published. */
  recordId: z.string().min(1),
  /** Who published the data, shown in the attribution line. */
  publisher: z.string().min(1),
  /** Licence name, shown in the attribution line. */
  licence: z.string().min(1),
  /** Link to the licence text. */
  licenceUrl: webUrl.optional(),
  /** Date or year of the data extract, e.g. `2022-05-03` or `2018`. */
  dataDate: z.string().min(1).optional(),
});
export type ServiceSource = z.infer<typeof sourceSchema>;

/** Values kept in `attributes`: small, displayable facts from the source. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const serviceSchema = z.object({
  /** Stable id `<layer>-<record id>`, e.g. `tpl-ab`; never reused for another place. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** URL segment: slugified name + id, so it is readable, unique and stable. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Name as published by the source. */
  name: z.string().min(1),
  /** Another published name (e.g. the French name, an acronym). */
  alternateName: z.string().min(1).optional(),
  /** What the service does, from the source; absent for most open-data layers. */
  description: z.string().min(1).optional(),
  /** Organisation that runs the service, when the source names it. */
  organization: z
    .object({
      /** The organisation's id in the source (HSDS `organization.id`). */
      id: z.string().min(1).optional(),
      /** The organisation's name. */
      name: z.string().min(1),
    })
    .optional(),
  /** Categories from the rule table; at least one (records matching none are not published). */
  categories: z.array(categoryIdSchema).min(1),
  /** Finer tags from the rule table (e.g. `licensed_child_care`); free strings, not translated. */
  subcategories: z.array(z.string().min(1)),
  /** Sites where the service is offered; at least one with coordinates. */
  locations: z.array(locationSchema).min(1),
  /** ISO 639-1 (or 639-3) codes of languages the service is offered in; absent = unknown. */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .optional(),
  /** Who the service is for; absent = unknown (not "everyone"). */
  audiences: z.array(audienceIdSchema).min(1).optional(),
  /** Eligibility in the source's words (HSDS `eligibility_description`). */
  eligibilityDescription: z.string().min(1).optional(),
  /** Whether the service is free; absent = unknown. */
  cost: z
    .object({
      /** True when the source says there is no fee. */
      free: z.boolean(),
      /** Fees in the source's words. */
      description: z.string().min(1).optional(),
    })
    .optional(),
  /** Regular opening hours; absent = unknown (most open-data layers have none). */
  schedules: z.array(scheduleSchema).min(1).optional(),
  /** Phone numbers. */
  phones: z.array(phoneSchema).min(1).optional(),
  /** Contact email. */
  email: z.email().optional(),
  /** Web page of the service (http/https only). */
  url: webUrl.optional(),
  /** Physical accessibility in the source's words. */
  accessibility: z.string().min(1).optional(),
  /** True when the source says services are offered in French (Francophone newcomers). */
  francophone: z.boolean().optional(),
  /** Capacity for access analysis (e.g. licensed child-care spaces); absent → consumers use 1. */
  capacity: z.number().int().nonnegative().optional(),
  /** Small extra source facts worth showing, e.g. `licensedSpacesInfant: 10`, `auspice`. */
  attributes: z.record(z.string(), attributeValueSchema).optional(),
  /** Shown as "last verified" on the service page (HSDS `assured_date`). */
  assuredDate: isoDate.optional(),
  /** Date the source last changed the record (HSDS `last_modified`). */
  lastModified: isoDate.optional(),
  /** Where the record came from (the first source when several were merged). */
  source: sourceSchema,
  /** Every source of a merged record, primary first; absent when not merged. */
  sources: z.array(sourceSchema).min(2).optional(),
  /**
   * Of a merged record, the fields taken from another source than the primary: field name
   * (`phones`, `attributes.amenities` …) → index in `sources`. Unlisted fields are the primary's.
   */
  fieldSources: z.record(z.string(), z.number().int().positive()).optional(),
});
export type Service = z.infer<typeof serviceSchema>;

export const servicesSchema = z.array(serviceSchema);
