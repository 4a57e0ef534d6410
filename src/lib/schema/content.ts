import { z } from 'zod';
import { isoDate, sitePath, webUrl } from './common.ts';
import { categoryIdSchema } from './service.ts';
import { translationFields } from './translation.ts';

/*
 * Schemas of the Markdown content types (`content/<collection>/<locale>/<slug>.md`). The content
 * config, the pages and the unit tests use these same schemas. Every content type links to the
 * service data through the shared category ids, area ids and service ids, so a story or an event
 * can point at the map and the fact sheets.
 */

/**
 * A calendar date. YAML reads an unquoted `2025-03-01` as a Date (js-yaml, as Astro uses it),
 * so both forms are accepted and kept as the `YYYY-MM-DD` string.
 */
export const contentDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  isoDate,
);

/**
 * A wall-clock date and time in the LIP's time zone, `YYYY-MM-DDTHH:MM`. YAML reads an unquoted
 * timestamp without a zone as UTC, whose UTC fields are exactly what the author wrote.
 */
export const localDateTime = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 16) : v),
  z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/,
      'expected a local date and time "YYYY-MM-DDTHH:MM"',
    ),
);

/** Lowercase slug-like id (pairs, groups). */
const shortId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and "-"');

/** Fields shared by content that links into the service data. */
const links = {
  /** Service categories the item is about (shared vocabulary, `src/lib/categories.ts`). */
  categories: z.array(categoryIdSchema).default([]),
  /** Census area ids the item is about (e.g. Toronto neighbourhood numbers as strings). */
  areas: z.array(z.coerce.string().min(1)).default([]),
  /** Service ids the item mentions (`tpl-ab`); linked to their service pages. */
  services: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).default([]),
};

/** True for demo content that is not real: the page labels it "sample content". */
const sample = z.boolean().default(false);

/* ---------------------------------------------------------------- fact sheets */

/** Datasets a bar chart can draw; each one is computed by `src/lib/content/figures.ts`. */
export const CHART_DATASETS = [
  'home-languages',
  'newcomer-profile',
  'official-languages',
  'services-by-category',
  'services-per-1000-newcomers',
  'areas-most-recent-immigrants',
  'change-2016-2021',
] as const;
export type ChartDataset = (typeof CHART_DATASETS)[number];

/*
 * Why front-matter blocks instead of components inside the Markdown: the site renders plain
 * Markdown (no MDX), and LIP staff can write a YAML list without learning a component syntax.
 * The blocks are drawn after the text, in the order written.
 */
export const factSheetBlockSchema = z.discriminatedUnion('type', [
  z.object({
    /** A row of big numbers with a short sentence each. */
    type: z.literal('key-figures'),
    /** Indicator ids from the site configuration's `census.indicators`, or `serviceLocations`. */
    indicators: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'indicator ids are camelCase')).min(1),
  }),
  z.object({
    /** A horizontal bar chart with its data table, source and date. */
    type: z.literal('bar-chart'),
    /** Which computed dataset to draw. */
    data: z.enum(CHART_DATASETS),
    /** Show at most this many bars (largest first where the dataset is ranked). */
    limit: z.number().int().min(1).max(30).optional(),
  }),
]);
export type FactSheetBlock = z.infer<typeof factSheetBlockSchema>;

export const factSheetSchema = z.object({
  /** Translation review state (src/lib/schema/translation.ts). */
  ...translationFields,
  /** Title, also the `<h1>`. */
  title: z.string().min(1),
  /** One-sentence summary for lists, search engines and link previews. */
  description: z.string().min(1),
  /** `city` for a hand-written sheet, `area-template` for the template every neighbourhood sheet uses. */
  scope: z.enum(['city', 'area-template']).default('city'),
  /** Date the text was last reviewed. */
  updated: contentDate,
  /** Charts and key figures, computed from the data at build time (never typed by hand). */
  blocks: z.array(factSheetBlockSchema).min(1),
  /** Order in the list (smaller first). */
  order: z.number().int().default(100),
  ...links,
});
export type FactSheet = z.infer<typeof factSheetSchema>;

/* ---------------------------------------------------------------- e-updates */

export const eUpdateItemSchema = z.object({
  /** Headline of the item. */
  title: z.string().min(1),
  /** One or two plain sentences (no Markdown: the item also goes into the email edition). */
  text: z.string().min(1),
  /** Where to read more; absolute web address (it is also used in the email). */
  url: webUrl.optional(),
  /** Who the news is from (a partner's name); absent for the LIP's own news. */
  from: z.string().min(1).optional(),
});
export type EUpdateItem = z.infer<typeof eUpdateItemSchema>;

export const eUpdateSchema = z.object({
  /** Translation review state (src/lib/schema/translation.ts). */
  ...translationFields,
  /** Edition title, e.g. "March–April 2025". */
  title: z.string().min(1),
  /** Publication date; the archive groups editions by its year. */
  date: contentDate,
  /** Edition number, counted from the first. */
  issue: z.number().int().positive(),
  /** One-sentence summary for the archive and the feeds. */
  description: z.string().min(1),
  /** Fixed section 1: news from the LIP. */
  lipNews: z.array(eUpdateItemSchema).min(1),
  /** Fixed section 2: Building Community Capacity, partners' events and news. */
  communityCapacity: z.array(eUpdateItemSchema).min(1),
  /** Optional special section (e.g. refugee arrivals). */
  special: z
    .object({
      /** Heading of the special section. */
      title: z.string().min(1),
      /** Its items. */
      items: z.array(eUpdateItemSchema).min(1),
    })
    .optional(),
  /** Optional header image for the email: a path in `public/` (never another host: mail clients would load it) and its alt text. */
  image: z.object({ src: sitePath, alt: z.string().min(1) }).optional(),
  /** Demo edition, labelled as sample content. */
  sample,
  ...links,
});
export type EUpdate = z.infer<typeof eUpdateSchema>;

/* ---------------------------------------------------------------- stories */

export const storySchema = z.object({
  /** Translation review state (src/lib/schema/translation.ts). */
  ...translationFields,
  /** Story headline. */
  title: z.string().min(1),
  /** The resident's first name as they want it shown (sample stories use invented names). */
  name: z.string().min(1),
  /** One-line description of the resident, e.g. "nurse, arrived in 2019". */
  role: z.string().min(1),
  /** The quote shown on the card and the poster; keep it under ~30 words. */
  quote: z.string().min(1).max(240, 'keep the quote under 240 characters so the poster fits one page'),
  /** Photo or illustration in `public/` (a path on this site); absent: an illustration slot with the initial is drawn. */
  image: z.object({ src: sitePath, alt: z.string().min(1) }).optional(),
  /** The pair this resident belongs to: two stories share one pair id. */
  pair: shortId,
  /** What the two residents of the pair share (a profession, a value, a passion), short. */
  shared: z.string().min(1),
  /** Position in the booklet and on the page (smaller first). */
  order: z.number().int(),
  /** Publication date. */
  date: contentDate,
  /** Demo story, labelled as sample content; it describes no real person. */
  sample,
  ...links,
});
export type Story = z.infer<typeof storySchema>;

/* ---------------------------------------------------------------- news and events */

export const newsSchema = z.object({
  /** Translation review state (src/lib/schema/translation.ts). */
  ...translationFields,
  /** Headline. */
  title: z.string().min(1),
  /** Publication date. */
  date: contentDate,
  /** One-sentence summary for lists, feeds and link previews. */
  description: z.string().min(1),
  /** Demo item, labelled as sample content. */
  sample,
  ...links,
});
export type News = z.infer<typeof newsSchema>;

export const eventSchema = z
  .object({
    /** Translation review state (src/lib/schema/translation.ts). */
    ...translationFields,
    /** Event name. */
    title: z.string().min(1),
    /** One-sentence summary for lists, calendars and link previews. */
    description: z.string().min(1),
    /** Start, wall-clock time in the LIP's time zone (`site.timeZone`). */
    start: localDateTime,
    /** End, wall-clock time in the LIP's time zone; after `start`. */
    end: localDateTime,
    /** Where it happens. */
    place: z.object({
      /** Name of the place, or "Online". */
      name: z.string().min(1),
      /** Street address, when in person. */
      address: z.string().min(1).optional(),
      /** Id of a known service location (links to its service page and the map). */
      serviceId: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .optional(),
      /** Id of the census area it is in (links to the neighbourhood fact sheet). */
      areaId: z.coerce.string().min(1).optional(),
      /** Link for online events. */
      url: webUrl.optional(),
    }),
    /** Registration or details page. */
    url: webUrl.optional(),
    /** Who organises it. */
    organizer: z.string().min(1).optional(),
    /** Demo event, labelled as sample content. */
    sample,
    ...links,
  })
  .refine((e) => e.end > e.start, { message: 'end must be after start', path: ['end'] });
export type EventEntry = z.infer<typeof eventSchema>;

/* ---------------------------------------------------------------- resources */

export const RESOURCE_TYPES = [
  'strategic-plan',
  'research',
  'report',
  'fact-sheet',
  'toolkit',
  'presentation',
] as const;
export const RESOURCE_TOPICS = [
  'settlement',
  'employment',
  'health',
  'housing',
  'education',
  'language',
  'francophone',
  'community',
  'data',
] as const;

export const resourceSchema = z
  .object({
    /** Translation review state (src/lib/schema/translation.ts). */
    ...translationFields,
    /** Document title as published. */
    title: z.string().min(1),
    /** One-sentence summary. */
    description: z.string().min(1),
    /** Kind of document (filter). */
    type: z.enum(RESOURCE_TYPES),
    /** Topics (filter); at least one. */
    topics: z.array(z.enum(RESOURCE_TOPICS)).min(1),
    /** Year of publication (filter). */
    year: z.number().int().min(1990).max(2100),
    /** Languages the document is available in, as locale codes (filter), e.g. `[en, fr]`. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]+)?$/)).min(1),
    /** Who published it. */
    publisher: z.string().min(1),
    /** True when the LIP itself wrote it ("our documents"). */
    own: z.boolean().default(false),
    /** A file in `public/` (e.g. `/files/plan-2025.pdf`). */
    file: sitePath.optional(),
    /** An external web address. */
    url: webUrl.optional(),
    /** Demo entry, labelled as sample content. */
    sample,
    ...links,
  })
  .refine((r) => r.file !== undefined || r.url !== undefined, { message: 'give a file or a url', path: ['url'] });
export type Resource = z.infer<typeof resourceSchema>;

/* ---------------------------------------------------------------- people */

/** Groups of the partnership, in the order the About page shows them. */
export const GROUP_IDS = [
  'council',
  'working-group-employment',
  'working-group-health',
  'working-group-francophone',
  'advisory-table',
] as const;

export const personSchema = z.object({
  /** Name as shown (sample people have invented names). */
  name: z.string().min(1),
  /** Job title. */
  title: z.string().min(1),
  /** Sector the person represents. */
  sector: z.enum([
    'settlement',
    'municipal',
    'health',
    'education',
    'employment',
    'community',
    'francophone',
    'lived-experience',
    'funder',
  ]),
  /** Groups the person sits on. */
  groups: z.array(z.enum(GROUP_IDS)).min(1),
  /** Chair of the first group listed. */
  chair: z.boolean().default(false),
  /** Order within a group. */
  order: z.number().int().default(100),
  /** Sample person, labelled; no real person is described. */
  sample,
});
export type Person = z.infer<typeof personSchema>;

/** Every content schema by collection name, for tests and tools that validate one file. */
export const CONTENT_SCHEMAS = {
  'fact-sheets': factSheetSchema,
  'e-updates': eUpdateSchema,
  stories: storySchema,
  news: newsSchema,
  events: eventSchema,
  resources: resourceSchema,
  people: personSchema,
} as const;
export type ContentCollection = keyof typeof CONTENT_SCHEMAS;

/**
 * Validates one file's front matter and returns messages that name the file and the field,
 * e.g. `content/events/en/x.md: end: end must be after start`; empty when valid.
 */
export function validateContent(collection: ContentCollection, file: string, data: unknown): string[] {
  const result = CONTENT_SCHEMAS[collection].safeParse(data);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(front matter)'}: ${issue.message}`,
  );
}
