/**
 * Content collections. Markdown lives in the site's content folder (`content` in its config,
 * `demo/toronto/content/` for the demo; `npm run data` writes where to src/generated/site-paths.json);
 * the service and area datasets are produced by the data pipeline (`npm run data`) into
 * `src/generated/` and loaded here with the same zod schemas the pipeline validated them with.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import sitePaths from './generated/site-paths.json';
import { serviceSchema } from './lib/schema/service.ts';
import { areaSchema } from './lib/schema/area.ts';
import { checkReviewer, translationFields } from './lib/schema/translation.ts';
import {
  eUpdateSchema,
  eventSchema,
  factSheetSchema,
  newsSchema,
  personSchema,
  resourceSchema,
  storySchema,
} from './lib/schema/content.ts';

/** The site's content folder, from the project root. */
const CONTENT = `./${sitePaths.content}`;

const services = defineCollection({
  loader: file('src/generated/services.json'),
  schema: serviceSchema,
});

const areas = defineCollection({
  loader: file('src/generated/areas.json'),
  schema: areaSchema,
});

/** Plain pages (accessibility statement, how to use this site …), one file per locale: `<content>/pages/<locale>/<slug>.md`. */
const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: `${CONTENT}/pages` }),
  schema: z
    .object({
      /** Page title, also the `<h1>`. */
      title: z.string().min(1),
      /** One-sentence summary for search engines and link previews. */
      description: z.string().min(1),
      /** Date the text was last reviewed. */
      updated: z.coerce.date().optional(),
      ...translationFields,
    })
    .superRefine(checkReviewer),
});

/** Markdown content types (`<content>/<folder>/<locale>/<slug>.md`); schemas and field docs in `src/lib/schema/content.ts`. */
const md = (folder: string) => glob({ pattern: '*/*.md', base: `${CONTENT}/${folder}` });
const factSheets = defineCollection({ loader: md('fact-sheets'), schema: factSheetSchema });
const eUpdates = defineCollection({ loader: md('e-updates'), schema: eUpdateSchema });
const stories = defineCollection({ loader: md('stories'), schema: storySchema });
const news = defineCollection({ loader: md('news'), schema: newsSchema });
const events = defineCollection({ loader: md('events'), schema: eventSchema });
const resources = defineCollection({ loader: md('resources'), schema: resourceSchema });
const people = defineCollection({ loader: md('people'), schema: personSchema });

export const collections = { services, areas, pages, factSheets, eUpdates, stories, news, events, resources, people };
